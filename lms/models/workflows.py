"""Moderation of course content: a trainer drafts, another trainer approves.

Wagtail's group approval lets any member of the group approve, the author
included; for courses the network wants four eyes, so this task refuses
approval to the person who asked for the review and to anyone who changed
the page since the review started (an edit and an approval in one request
would otherwise be a change nobody else read).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision


def _changed_by(state, user) -> bool:
    """Did ``user`` request this review or save a revision since it began?"""
    if state.requested_by_id == user.pk:
        return True
    return Revision.objects.filter(
        base_content_type_id=state.base_content_type_id,
        object_id=state.object_id,
        user=user,
        created_at__gte=state.created_at,
    ).exists()


class SecondTrainerApprovalTask(AbstractGroupApprovalTask):
    def _may_not_approve(self, obj, user) -> bool:
        state = getattr(obj, "current_workflow_state", None)
        return bool(state) and not user.is_superuser and _changed_by(state, user)

    def get_actions(self, obj, user):
        if self._may_not_approve(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if (
            action_name == "approve"
            and not user.is_superuser
            and _changed_by(task_state.workflow_state, user)
        ):
            raise PermissionDenied(
                _("Another trainer, who did not change the page, must approve it.")
            )
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
