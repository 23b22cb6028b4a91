"""What happens when a review workflow ends: the approved revision goes live.

Wagtail publishes an approved revision on behalf of the last approver and
checks that they may publish.  In the course review, approving *is* the
right to publish: trainers do not get the publish permission (it would let
them bypass review on their own pages), so the check is done by the task —
only a member of its groups, other than the author, can approve — and the
publication itself skips the page permission check.
"""


def publish_approved_revision(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    from lms.models import SecondTrainerApprovalTask

    reviewed_by_trainers = SecondTrainerApprovalTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).exists()
    if not reviewed_by_trainers:
        # Any other workflow publishes the Wagtail way, permission checked.
        return publish_workflow_state(workflow_state, user=user)
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
