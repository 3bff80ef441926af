"""manage.py apitoken: issue, list and revoke API tokens."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.models import ApiToken


class Command(BaseCommand):
    help = "Issue (create USERNAME NAME [--read-only]), list or revoke API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="issue a token; its key is printed once")
        create.add_argument("username")
        create.add_argument("name", help="what the token is for")
        create.add_argument("--read-only", action="store_true")
        sub.add_parser("list", help="every token, without keys")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("token_id", type=int)

    def handle(self, *args, verb: str, **options):
        getattr(self, f"_{verb}")(**options)

    def _create(self, *, username: str, name: str, read_only: bool, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        token, key = services.api_token_issue(user=user, name=name, read_only=read_only)
        self.stdout.write(key)
        self.stderr.write(
            f"token {token.pk} for {username} "
            f"({'read-only' if read_only else 'read-write'}); keep the key safe"
        )

    def _list(self, **options):
        for token in ApiToken.objects.select_related("user"):
            state = "revoked" if token.revoked_at else ("read-only" if token.read_only else "rw")
            self.stdout.write(
                f"{token.pk}\t{token.user}\t{token.name}\t{token.key_prefix}…\t{state}"
            )

    def _revoke(self, *, token_id: int, **options):
        if not services.api_token_revoke(token_id=token_id):
            raise CommandError(f"no active token with id {token_id}")
        self.stdout.write(f"token {token_id} revoked")
