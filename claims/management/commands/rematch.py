"""manage.py rematch: match chosen articles' claims with earlier ones again ("Seen before")."""

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.models import Article, ExtractionState
from claims.services import match_index


class Command(BaseCommand):
    help = (
        "Match the claims of the given extracted articles, of every extracted article never "
        "matched (--unmatched) or of all (--all) with earlier claims, here and now; "
        "--rebuild-index first builds the nearest-neighbour index afresh from the database. "
        "Editors' decisions on matches are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--unmatched", action="store_true", help="articles never matched")
        group.add_argument("--all", action="store_true", help="every extracted article")
        parser.add_argument("--rebuild-index", action="store_true")

    def handle(self, *args, ids: list[int], unmatched: bool, all: bool, **options):
        if options["rebuild_index"]:
            count = match_index.rebuild()
            self.stdout.write(f"index rebuilt from the database: {count} vector(s)")
            if not (ids or unmatched or all):
                return
        if bool(ids) + unmatched + all != 1:
            raise CommandError("give article ids, or --unmatched, or --all (one of them)")
        articles = Article.objects.filter(extraction_state=ExtractionState.DONE)
        if ids:
            articles = articles.filter(pk__in=ids)
            missing = set(ids) - set(articles.values_list("pk", flat=True))
            if missing:
                listed = ", ".join(map(str, sorted(missing)))
                raise CommandError(f"no extracted article with id {listed}")
        elif unmatched:
            articles = articles.filter(matched_at__isnull=True)
        # Oldest first, so that each article is matched with the ones stored before it.
        article_ids = list(articles.order_by("pk").values_list("pk", flat=True))
        kept = sum(services.article_match(article_id=pk) or 0 for pk in article_ids)
        self.stdout.write(f"matched {len(article_ids)} article(s): {kept} match(es) kept")
