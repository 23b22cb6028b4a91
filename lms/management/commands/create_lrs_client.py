"""``manage.py create_lrs_client NAME [--scope ...] [--json]``

For scripts and partners' tools: creates a client of the learning record
store and prints the endpoint, key and secret (the secret is shown only
here, then kept hashed).
"""

import json as jsonlib

from django.core.management.base import BaseCommand, CommandError

from lms.models import LRSClient

SCOPES = [choice.value for choice in LRSClient.Scope]


class Command(BaseCommand):
    help = "Create a client of the learning record store and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            metavar="SCOPE",
            help=f"One of {', '.join(SCOPES)}; repeat for several "
            "(default: statements/write and statements/read/mine).",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print one JSON object."
        )

    def handle(self, name, scopes=None, **options):
        scopes = scopes or [LRSClient.Scope.WRITE, LRSClient.Scope.READ_MINE]
        unknown = sorted(set(scopes) - set(SCOPES))
        if unknown:
            raise CommandError(
                f"Unknown scope {unknown[0]!r}; choose among {', '.join(SCOPES)}."
            )
        if not name.strip():
            raise CommandError("Give the client a name.")
        client, secret = LRSClient.create(name.strip(), scopes)
        details = {
            "endpoint": client.endpoint(),
            "key": client.key,
            "secret": secret,
            "scopes": client.scopes,
        }
        if options["json"]:
            self.stdout.write(_dumps(details))
            return
        for label, value in details.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(f"{label:9} {shown}")
        self.stdout.write("Keep the secret now: it cannot be shown again.")


def _dumps(value) -> str:
    return jsonlib.dumps(value)
