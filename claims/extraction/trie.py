"""Word lists as trie-shaped regex alternations.

Python's `re` tries the branches of an alternation one by one at every position, so a flat
list of sixty words costs sixty attempts; factored by shared prefixes it costs a handful.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str] | set[str]) -> str:
    """A non-capturing regex that matches exactly the given words (longest first)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
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
