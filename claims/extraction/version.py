"""The extractor's version, stored on each article: a change here makes articles re-extractable.

Bump it whenever a change to extraction, the checks or how claims are drawn from them
(`claims.services.extraction.draft_claims`) alters what an article stores.
"""

EXTRACTOR_VERSION = "2026.12.05.4"
