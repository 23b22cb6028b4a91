"""The page editor's side of a resource's media items.

A media item may play an H5P package, and packages belong to partners'
collections like their images do: an editor must only be offered the
ready packages of the collections they may choose from, never another
partner's (nor a package still being checked).  The model cannot know who
is editing, so that rule lives in the form, which Wagtail gives the user
(``for_user``); ``MediaItem.clean`` still refuses a package that is not
ready, whoever saves.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model


def choosable_h5p_packages(user, current_id=None):
    """The ready packages ``user`` may choose; an item's current package
    stays listed, so that saving the page never fails on an item nobody
    touched (``MediaItem.clean`` says so if it is not ready)."""
    from media.h5p_admin import permission_policy
    from media.h5p_models import H5PPackage

    if user is None:
        packages = H5PPackage.objects.none()
    else:
        packages = permission_policy.instances_user_has_permission_for(
            user, "choose"
        ).filter(status=H5PPackage.Status.READY)
    if current_id is not None:
        packages = packages | H5PPackage.objects.filter(pk=current_id)
    return packages.order_by("title", "pk")


class MediaItemForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("h5p_package")
        if field is not None:
            field.queryset = choosable_h5p_packages(
                self.for_user, self.instance.h5p_package_id
            )


class MediaItemsPanel(InlinePanel):
    """An ``InlinePanel`` whose forms know who is editing.

    Wagtail's own inline forms are not given the user, and the blank form
    that the "add" button copies is built anew from the formset each time:
    only the child form class itself can restrict every one of them.
    """

    form_class = MediaItemForm

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        deferred = self.child_edit_handler.get_form_options().get(
            "defer_required_on_fields"
        )
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=self.form_class,
            **({"defer_required_on_fields": deferred} if deferred else {}),
        )
        formset["inherit_kwargs"] = ["for_user"]
        return options
