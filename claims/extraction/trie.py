"""Word lists as trie-shaped regex alternations.

Python's `re` tries the branches of an alternation one by one at every position, so a flat
list of sixty words costs sixty attempts; factored by shared prefixes it costs a handful.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str] | set[str], any_case: bool = False) -> str:
    """A non-capturing regex that matches exactly the given words (longest first).

    With `any_case`, ASCII letters match in either case, written as "[pP]" rather than under
    the IGNORECASE flag: `re` skips a branch that starts with a character class at once when
    the text's character is not in it, but enters every branch that starts with a letter to
    compare without case. Other characters then compare without case as IGNORECASE does.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(root, any_case)


def _char(ch: str, any_case: bool) -> str:
    if not any_case:
        return re.escape(ch)
    if ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return f"(?i:{re.escape(ch)})" if ch.lower() != ch.upper() else re.escape(ch)


def _node_pattern(node: dict[str, dict], any_case: bool = False) -> str:
    ends_here = "" in node
    branches = [
        _char(ch, any_case) + _node_pattern(child, any_case)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or ends_here else branches[0]
    return body + "?" if ends_here else body


def word_search_pattern(words: list[str] | set[str]) -> str:
    """A regex that finds whole words from a list, made for `search`/`findall` over long text.

    Each top-level branch starts with a literal letter, which lets `re` skip to the positions
    where some word could start (a "charset prefix") instead of trying every position; the
    word boundary is checked after that letter, by looking behind it.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        rest = trie_pattern([r for r in rests if r])
        if rest and "" in rests:
            rest = f"(?:{rest})?"
        branches.append(f"{re.escape(first)}(?<!\\w.){rest}")
    return "(?:" + "|".join(branches) + ")(?!\\w)"
