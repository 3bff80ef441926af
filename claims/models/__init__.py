from claims.models.article import Article
from claims.models.choices import ClaimState, ExtractionState, SourceOrigin
from claims.models.claim import CheckResult, Claim, Quantity
from claims.models.evidence import Source, Verdict
from claims.models.matching import (
    ClaimMatch,
    ClaimVector,
    MatchDecision,
    MatchingState,
    MatchStatus,
)
from claims.models.notifications import Notification, NotificationKind
from claims.models.organization import Organization
from claims.models.reports import ErrorReport, ErrorReportStatus
from claims.models.scales import RatingLabel, RatingScale
from claims.models.tokens import ApiToken

__all__ = [
    "ApiToken",
    "Article",
    "CheckResult",
    "Claim",
    "ClaimMatch",
    "ClaimState",
    "ClaimVector",
    "ErrorReport",
    "ErrorReportStatus",
    "ExtractionState",
    "MatchDecision",
    "MatchStatus",
    "MatchingState",
    "Notification",
    "NotificationKind",
    "Organization",
    "Quantity",
    "RatingLabel",
    "RatingScale",
    "Source",
    "SourceOrigin",
    "Verdict",
]
