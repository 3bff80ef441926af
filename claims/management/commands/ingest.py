"""manage.py ingest PATH…: store text or HTML files as articles and extract them."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.intake import IntakeError


class Command(BaseCommand):
    help = "Ingest plain-text or HTML news articles from files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    def handle(self, *args, paths: list[Path], **options):
        failures = 0
        for path in paths:
            try:
                message = self._ingest(path)
            except IntakeError as exc:
                failures += 1
                self.stderr.write(f"{path}: {exc}")
                continue
            self.stdout.write(message)
        if failures:
            raise CommandError(f"{failures} of {len(paths)} file(s) could not be ingested")

    def _ingest(self, path: Path) -> str:
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise IntakeError("no such file") from exc
        except IsADirectoryError as exc:
            raise IntakeError("is a directory, not a file") from exc
        except OSError as exc:
            raise IntakeError(f"cannot be read ({exc.strerror})") from exc
        result = services.article_ingest_file(data=data, filename=path.name)
        article = result.article
        if not result.created:
            said = f"{path}: already stored as article {article.pk} ({article.title})"
            if not result.differences:
                return said
            # Not applied: the stored facts change only when someone corrects them.
            differs = "; ".join(str(d) for d in result.differences)
            return (
                f"{said}; this file's facts differ and were not applied: {differs}. "
                "Correct them on the article's page (Edit facts), in the admin or the API."
            )
        article.refresh_from_db()
        return (
            f"{path}: stored as article {article.pk} ({article.title}); "
            f"extraction {article.extraction_state}"
        )
