"""``manage.py forward_statements``: send the outbox to the other LRSs.

The background task sends right after statements are stored; this command
is what retries after the backoff when no new statement comes to trigger
it, and what drains the outbox where no task worker runs.  Run it from
cron, or as a service with ``--loop 60``.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from lms.xapi import forwarding


class Command(BaseCommand):
    help = (
        "Forward the due statements of the outbox to the LRSs of CHAINON_LRS_FORWARD."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--endpoint",
            metavar="NAME",
            help="only this endpoint (a name in CHAINON_LRS_FORWARD)",
        )
        parser.add_argument(
            "--loop",
            type=int,
            metavar="SECONDS",
            help="keep running, sending what is due every SECONDS seconds",
        )
        parser.add_argument(
            "--status",
            action="store_true",
            help="only show what waits for each endpoint, send nothing",
        )

    def handle(self, *args, endpoint=None, loop=None, status=False, **options):
        names = list(forwarding.endpoints())
        if endpoint is not None:
            if endpoint not in names:
                raise CommandError(
                    f"No endpoint named {endpoint!r} in CHAINON_LRS_FORWARD "
                    f"(configured: {', '.join(names) or 'none'})."
                )
            names = [endpoint]
        if status:
            self._status(endpoint)
            return
        if not names:
            self.stdout.write("No endpoint configured (CHAINON_LRS_FORWARD is empty).")
            self._status(endpoint)
            return
        if loop is not None and loop < 1:
            raise CommandError("--loop takes a number of seconds, at least 1.")
        try:
            while True:
                for name in names:
                    report = forwarding.send_due(name)
                    self.stdout.write(
                        f"{name}: {report.sent} sent, {report.refused} refused, "
                        f"{report.failed} to retry."
                    )
                self._status(endpoint)
                if loop is None:
                    return
                time.sleep(loop)
                # A long-running loop must not hold a connection the database
                # has since dropped.
                close_old_connections()
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")

    def _status(self, only):
        for entry in forwarding.status():
            if only is not None and entry.name != only:
                continue
            line = f"{entry.name}: {entry.pending} waiting"
            if not entry.configured:
                line += " (no longer in CHAINON_LRS_FORWARD: nothing sends them)"
            if entry.pending:
                line += (
                    f", {entry.retrying} after failed attempts (up to "
                    f"{entry.max_attempts}), {entry.refused} refused; next attempt "
                    f"{timezone.localtime(entry.next_attempt_at):%Y-%m-%d %H:%M:%S %Z}"
                )
            if entry.last_error:
                line += f"; last error: {entry.last_error[:200]}"
            self.stdout.write(line)
