"""The extractor's version, stored on each article: a change here makes articles re-extractable.

Bump it whenever a change to extraction or the checks alters what they return.
"""

EXTRACTOR_VERSION = "2026.12.05.2"
