from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Fact-checks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import factcheck.system_checks  # noqa: F401 (registers the start-up checks)
