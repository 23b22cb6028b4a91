from mediation.models.facets import ResourceFacet
from mediation.models.media_items import MediaItem
from mediation.models.pages import (
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
    ResourceCatalogPage,
    ResourceContributor,
    ResourceTag,
)
from mediation.models.partners import PartnerInstitution
from mediation.models.spaces import PartnerSpace

__all__ = [
    "MediaItem",
    "MediationResourcePage",
    "PartnerIndexPage",
    "PartnerInstitution",
    "PartnerListPage",
    "PartnerSpace",
    "ResourceCatalogPage",
    "ResourceContributor",
    "ResourceFacet",
    "ResourceTag",
]
