"""Moderation of course content: a trainer drafts, another trainer approves.

Wagtail's group approval lets any member of the group approve, the author
included; for courses the network wants four eyes, so this task hides the
approval actions from the person who asked for the review.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def _requester(obj):
    state = getattr(obj, "current_workflow_state", None)
    return state.requested_by_id if state else None


class SecondTrainerApprovalTask(AbstractGroupApprovalTask):
    def _is_requester(self, obj, user) -> bool:
        return not user.is_superuser and _requester(obj) == user.pk

    def get_actions(self, obj, user):
        if self._is_requester(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        requester = task_state.workflow_state.requested_by_id
        if action_name == "approve" and requester == user.pk and not user.is_superuser:
            raise PermissionDenied(_("Another trainer must approve your changes."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _(
            "A member of the chosen groups other than the author approves the changes"
        )

    class Meta:
        verbose_name = _("second trainer approval")
        verbose_name_plural = _("second trainer approvals")
