"""``manage.py rebuild_resource_facets``: the catalogue's facet rows again."""

from django.core.management.base import BaseCommand

from mediation.facets import rebuild


class Command(BaseCommand):
    help = (
        "Write the catalogue's facet rows again for every live mediation "
        "resource (after restoring a database or changing the facet rules)."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Facets written for {count} live resource(s).")
