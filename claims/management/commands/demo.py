"""manage.py demo: local demo accounts and the demo articles (never for production)."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
ACCOUNTS = (
    # username, group, staff, superuser
    ("editor", "Editors", False, False),
    ("reviewer", "Reviewers", True, False),
    ("admin", None, True, True),
)


class Command(BaseCommand):
    help = "Create the demo accounts (new passwords each run) and load the demo articles."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo accounts are for local use only: run with DEBUG=true")
        User = get_user_model()
        self.stdout.write("Demo accounts (local use only):")
        for username, group, staff, superuser in ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.is_staff, user.is_superuser = staff, superuser
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"  {username:<9} {password}")
        paths = sorted(str(p) for p in DEMO_DIR.glob("*.txt"))
        call_command("ingest", *paths, stdout=self.stdout, stderr=self.stderr)
