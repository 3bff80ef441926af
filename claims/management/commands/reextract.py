"""manage.py reextract: run extraction again for chosen articles."""

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.extraction.version import EXTRACTOR_VERSION
from claims.models import Article


class Command(BaseCommand):
    help = (
        "Queue extraction again for the given article ids, for every article extracted by an "
        "older extractor (--outdated), or for all (--all). Editors' work is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--outdated",
            action="store_true",
            help=f"articles not extracted by version {EXTRACTOR_VERSION}",
        )
        group.add_argument("--all", action="store_true", help="every article")

    def handle(self, *args, ids: list[int], outdated: bool, all: bool, **options):
        if bool(ids) + outdated + all != 1:
            raise CommandError("give article ids, or --outdated, or --all (one of them)")
        articles = Article.objects.all()
        if ids:
            articles = articles.filter(pk__in=ids)
            missing = set(ids) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        elif outdated:
            articles = articles.exclude(extractor_version=EXTRACTOR_VERSION)
        count = services.articles_requeue_extraction(
            article_ids=articles.values_list("pk", flat=True)
        )
        self.stdout.write(f"queued {count} article(s) for extraction")
