"""``manage.py expire_uploads``: free the storage of abandoned uploads.

Run it periodically (cron, a systemd timer, the platform's scheduler): an
upload left unfinished, or finished but never saved with a form, is removed
once it is older than ``CHAINON_UPLOAD_LIFETIME`` seconds, its multipart
parts aborted and its object deleted.
"""

from django.core.management.base import BaseCommand, CommandError

from media.storage_access import StorageUnavailable
from media.uploads.service import expire_uploads


class Command(BaseCommand):
    help = "Delete direct uploads that were never finished or never claimed."

    def handle(self, *args, **options):
        try:
            expired = expire_uploads()
        except StorageUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Expired {expired} abandoned upload(s).")
