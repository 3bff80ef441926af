"""The reviewers' admin: articles, claims and their evidence, with the review actions.

Every change goes through claims/services (which asks claims/workflow.py), so the admin moves a
claim exactly as the web UI and the API do.
"""

from claims.admin import articles, claims, evidence, reports, scales

__all__ = ["articles", "claims", "evidence", "reports", "scales"]
