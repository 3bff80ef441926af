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
