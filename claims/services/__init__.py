"""Every write to the database goes through these functions (DESIGN.md)."""

from claims.services.article_facts import FactsUpdate, article_update_facts
from claims.services.articles import (
    FactDifference,
    IngestResult,
    article_fetch,
    article_fetch_fail,
    article_ingest,
    article_ingest_file,
    article_ingest_text,
    article_ingest_url,
)
from claims.services.extraction import (
    article_extract,
    article_fail,
    articles_requeue_extraction,
    articles_requeue_stalled,
    new_run_token,
)
from claims.services.match_decisions import (
    MatchRefused,
    match_change,
    match_decide,
    match_propose_verdict,
    match_version_locked,
)
from claims.services.matching import (
    article_match,
    articles_match_pending,
    articles_rematch_unmatched,
    matching_schedule,
)
from claims.services.review import (
    claim_assign,
    claim_dismiss,
    claim_publish,
    claim_send_back,
    claim_start,
    source_add,
    source_remove,
    source_update,
    verdict_correct,
    verdict_propose,
)
from claims.services.scales import rating_scale_put_in_use
from claims.services.tokens import api_token_issue, api_token_revoke

__all__ = [
    "FactDifference",
    "FactsUpdate",
    "IngestResult",
    "MatchRefused",
    "api_token_issue",
    "api_token_revoke",
    "article_extract",
    "article_fail",
    "article_fetch",
    "article_fetch_fail",
    "article_ingest",
    "article_ingest_file",
    "article_ingest_text",
    "article_ingest_url",
    "article_match",
    "article_update_facts",
    "articles_match_pending",
    "articles_rematch_unmatched",
    "articles_requeue_extraction",
    "articles_requeue_stalled",
    "claim_assign",
    "claim_dismiss",
    "claim_publish",
    "claim_send_back",
    "claim_start",
    "match_change",
    "match_decide",
    "match_propose_verdict",
    "match_version_locked",
    "matching_schedule",
    "new_run_token",
    "rating_scale_put_in_use",
    "source_add",
    "source_remove",
    "source_update",
    "verdict_correct",
    "verdict_propose",
]
