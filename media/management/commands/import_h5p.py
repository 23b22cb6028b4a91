"""``manage.py import_h5p FILE [--partner NAME] [--title TITLE]``

Bulk imports for partners: the same checks and unpacking as an upload in
the admin, run at once.  Prints the package id when it is ready; when it
is refused, prints every reason and exits non-zero, keeping nothing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Collection

from media.h5p_models import H5PPackage
from media.h5p_tasks import import_package


class Command(BaseCommand):
    help = "Check and unpack an .h5p file; print its id, or why it is refused."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the .h5p file.")
        parser.add_argument(
            "--partner",
            default="",
            help="Name of the partner's collection (default: the root collection).",
        )
        parser.add_argument("--title", default="", help="Title (default: h5p.json's).")

    def handle(self, file, partner="", title="", **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        collection = Collection.get_first_root_node()
        if partner:
            collection = Collection.objects.filter(name=partner).first()
            if collection is None:
                names = ", ".join(
                    Collection.objects.exclude(depth=1).values_list("name", flat=True)
                )
                raise CommandError(
                    f"No collection named {partner!r}. Known: {names or '(none)'}."
                )
        with path.open("rb") as handle:
            package = import_package(
                handle, path.name, title=title, collection=collection
            )
        if package.status == H5PPackage.Status.READY:
            self.stdout.write(str(package.pk))
            return
        for reason in package.reasons:
            where = reason["path"] or "(package)"
            self.stderr.write(f"{where}: {reason['message']} [{reason['rule']}]")
        raise CommandError(f"{path.name} was refused ({len(package.reasons)} reasons).")
