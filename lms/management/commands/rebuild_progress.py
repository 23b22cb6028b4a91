"""``manage.py rebuild_progress``: every progress row again, from the statements."""

from django.core.management.base import BaseCommand

from lms.credentials import issue_missing
from lms.progress import rebuild


class Command(BaseCommand):
    help = "Rebuild learners' progress from the statement store."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} progress rows rebuilt from the statement store.")
        issued = issue_missing()
        if issued:
            self.stdout.write(f"{issued} attestations of completion issued.")
