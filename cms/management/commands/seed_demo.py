import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.seed import seed_demo
from cms.roles import ROLE_LABELS

SPACE_ROLES = {"editor": "editor", "moderator": "moderator (approves, publishes)"}


@contextmanager
def quiet_wagtail():
    """Wagtail logs every page created, edited and published at INFO: a few
    hundred lines that would bury the accounts printed at the end."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the Digital Culture Link demo network: home pages in five languages, "
        "the seven partners and one account per role. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (the demo passwords are public).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with public passwords; it only runs with "
                "DEBUG on. Use --force to load the demo on a non-debug instance."
            )
        with quiet_wagtail():
            accounts = seed_demo(report=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo network ready."))
        self.stdout.write("Demo accounts (e-mail / password / role):")
        for account in accounts:
            role = ROLE_LABELS.get(account["role"], "administrator")
            if account.get("superuser"):
                role = "administrator (Wagtail admin: /admin/)"
            if account.get("space_role"):
                role = (
                    f"{role}, {account['partner']} {SPACE_ROLES[account['space_role']]}"
                )
            elif account.get("partner"):
                role = f"{role}, {account['partner']}"
            self.stdout.write(
                f"  {account['email']:34} {account['password']:26} {role}"
            )
