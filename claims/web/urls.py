from django.urls import path

from claims.web import (
    claim_views,
    feeds,
    notifications,
    public,
    public_site,
    ratings,
    reports,
    views,
)

app_name = "web"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("articles/", views.articles_list, name="articles"),
    path("articles/progress/", views.article_progress, name="article_progress"),
    path("submit/", views.submit, name="submit"),
    path("articles/<int:article_id>/", views.article, name="article"),
    path("articles/<int:article_id>/body/", views.article_body, name="article_body"),
    path("articles/<int:article_id>/facts/", views.article_facts, name="article_facts"),
    path("claims/", views.claims_list, name="claims"),
    path("claims/<int:claim_id>/", claim_views.claim_panel, name="claim"),
    path("claims/<int:claim_id>/seen-before/", claim_views.seen_before, name="seen_before"),
    path("claims/<int:claim_id>/sources/", claim_views.source_add, name="source_add"),
    path("sources/<int:source_id>/", claim_views.source_edit, name="source_edit"),
    path("sources/<int:source_id>/remove/", claim_views.source_remove, name="source_remove"),
    path("claims/<int:claim_id>/verdict/", claim_views.verdict_propose, name="verdict_propose"),
    path("claims/<int:claim_id>/correct/", claim_views.verdict_correct, name="verdict_correct"),
    path("claims/<int:claim_id>/send-back/", claim_views.claim_send_back, name="send_back"),
    path("claims/<int:claim_id>/assign/", claim_views.claim_assign, name="assign"),
    path("claims/<int:claim_id>/move/<str:move>/", claim_views.claim_move, name="move"),
    path(
        "claims/<int:claim_id>/matches/<int:match_id>/<str:action>/",
        claim_views.match_act,
        name="match",
    ),
    # The public site: no login.
    path("checks/", public_site.checks_index, name="checks"),
    path("checks/feed/", feeds.ChecksFeed(), name="checks_feed"),
    path("checks/feed/atom/", feeds.ChecksAtomFeed(), name="checks_feed_atom"),
    path("checks/<int:claim_id>/", public.public_check, name="public_check"),
    path("methodology/", public_site.methodology, name="methodology"),
    path("corrections-policy/", public_site.corrections_policy, name="corrections_policy"),
    path("ratings.css", ratings.rating_styles, name="rating_styles"),
    path("checks/<int:claim_id>/report/", reports.claim_report, name="claim_report"),
    path("report-an-error/", reports.general_report, name="report_error"),
    path("report-an-error/thanks/", reports.report_thanks, name="report_thanks"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path(
        "notifications/<int:notification_id>/open/",
        notifications.notification_open,
        name="notification_open",
    ),
    path(
        "notifications/read-all/",
        notifications.notification_read_all,
        name="notifications_read_all",
    ),
]
