"""H5P packages in the Wagtail admin: upload, status, reasons.

Packages live in collections like images and documents, so a partner's
editors manage their partner's packages through Wagtail's collection
permissions.  Saving a package (new, or with a new file) hands it to the
background task that checks and unpacks it; the list shows where it is.
"""

from django import forms
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Collection
from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)
from wagtail.permissions import register_permission_policy

from media.h5p_models import H5PPackage

permission_policy = CollectionOwnershipPermissionPolicy(
    H5PPackage, auth_model=H5PPackage, owner_field_name="owner"
)
register_permission_policy(H5PPackage, permission_policy)


class H5PPackageForm(WagtailAdminModelForm):
    class Meta:
        model = H5PPackage
        fields = ["title", "collection", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        collections = Collection.objects.all()
        if user is not None:
            collections = permission_policy.collections_user_has_permission_for(
                user, "add"
            )
        # A package's collection stays choosable when editing it; a new one
        # (whose UUID primary key is already set) gets no such exception.
        if not self.instance._state.adding and self.instance.collection_id:
            collections = collections | Collection.objects.filter(
                pk=self.instance.collection_id
            )
        self.fields["collection"].queryset = collections.distinct()
        self.fields["collection"].empty_label = None
        self.fields["collection"].widget = forms.Select()
        self.fields["collection"].widget.choices = self.fields["collection"].choices


def process_on_commit(package: H5PPackage) -> None:
    from media.h5p_tasks import process_h5p_package

    package_id = str(package.pk)
    transaction.on_commit(lambda: process_h5p_package.enqueue(package_id), robust=True)


def packages_visible_to(user):
    """The packages of the collections this user may work in: a partner's
    editors see their partner's packages, not the others' drafts."""
    return permission_policy.instances_user_has_any_permission_for(
        user, ["change", "delete", "choose"]
    )


class OwnCollectionsOnly:
    """Another collection's package is a 404, whatever its id."""

    def get_object(self, queryset=None):
        package = super().get_object(queryset)
        if not packages_visible_to(self.request.user).filter(pk=package.pk).exists():
            raise Http404
        return package


class H5PPackageIndexView(IndexView):
    def get_base_queryset(self):
        return packages_visible_to(self.request.user).select_related("collection")


class H5PPackageInspectView(OwnCollectionsOnly, InspectView):
    pass


class H5PPackageDeleteView(OwnCollectionsOnly, DeleteView):
    pass


class H5PPackageCreateView(CreateView):
    def save_instance(self):
        self.form.instance.owner = self.request.user
        package = super().save_instance()
        process_on_commit(package)
        return package


class H5PPackageEditView(OwnCollectionsOnly, EditView):
    def save_instance(self):
        replaced = "file" in self.form.changed_data
        if replaced:
            self.form.instance.status = H5PPackage.Status.PROCESSING
            self.form.instance.reasons = []
        package = super().save_instance()
        if replaced:
            process_on_commit(package)
        return package


class H5PPackageViewSet(ModelViewSet):
    model = H5PPackage
    index_view_class = H5PPackageIndexView
    add_view_class = H5PPackageCreateView
    edit_view_class = H5PPackageEditView
    inspect_view_class = H5PPackageInspectView
    delete_view_class = H5PPackageDeleteView
    form_class = H5PPackageForm
    icon = "code"
    menu_label = _("H5P packages")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "status",
        "reasons",
        "main_library",
        "language",
        "licence",
        "size",
        "checksum",
        "collection",
        "created_at",
    ]
    list_display = [
        "title",
        Column("status", label=_("status"), accessor="get_status_display"),
        "main_library",
        "collection",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        return H5PPackageForm
