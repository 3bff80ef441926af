"""Word lists the extractor reads: unit and currency spellings, and the words around numbers."""


def wordset(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set (word lists stay readable as prose)."""
    return frozenset(text.split())


def wordlist(text: str) -> list[str]:
    """The words of a space-separated list, in order."""
    return text.split()
