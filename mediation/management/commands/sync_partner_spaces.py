"""``manage.py sync_partner_spaces``

For installations that had partners before their spaces existed, or whose
rights someone edited by hand: gives every partner its collection, groups,
page permissions and workflow again.  Adds only what is missing, so it is
safe to run at every deployment.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from mediation.models import PartnerIndexPage, PartnerInstitution
from mediation.spaces import ensure_space


def one_record_per_partner():
    """Every partner once, in the default language when it has it."""
    seen = set()
    partners = PartnerInstitution.objects.select_related("locale").order_by(
        "name", "pk"
    )
    ordered = sorted(
        partners, key=lambda p: p.locale.language_code != settings.LANGUAGE_CODE
    )
    for partner in ordered:
        if partner.translation_key not in seen:
            seen.add(partner.translation_key)
            yield partner


class Command(BaseCommand):
    help = "Give every partner its collection, groups, page rights and workflow."

    def handle(self, *args, **options):
        count = 0
        for partner in one_record_per_partner():
            space = ensure_space(partner)
            pages = PartnerIndexPage.objects.filter(
                partner__translation_key=partner.translation_key
            ).count()
            self.stdout.write(
                f"{partner.name}: collection {space.collection.name!r}, "
                f"groups {space.editors.name!r} and {space.moderators.name!r}, "
                f"{pages} index page(s)"
            )
            count += 1
        if not count:
            self.stdout.write("No partners.")
