from claims.models.article import Article
from claims.models.choices import ClaimState, ExtractionState, SourceOrigin
from claims.models.claim import CheckResult, Claim, Quantity
from claims.models.evidence import Source, Verdict
from claims.models.notifications import Notification, NotificationKind
from claims.models.reports import ErrorReport, ErrorReportStatus
from claims.models.scales import RatingLabel, RatingScale
from claims.models.tokens import ApiToken

__all__ = [
    "ApiToken",
    "Article",
    "CheckResult",
    "Claim",
    "ClaimState",
    "ErrorReport",
    "ErrorReportStatus",
    "ExtractionState",
    "Notification",
    "NotificationKind",
    "Quantity",
    "RatingLabel",
    "RatingScale",
    "Source",
    "SourceOrigin",
    "Verdict",
]
