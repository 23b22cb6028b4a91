"""Everyone who signs up on the site starts as a learner.

Trainers, partner editors and coordinators are promoted by an administrator
in the Wagtail admin; nobody can give themselves a role by signing up.
"""

from allauth.account.signals import user_signed_up
from django.contrib.auth.models import Group
from django.dispatch import receiver

from .roles import LEARNER


@receiver(user_signed_up, dispatch_uid="cms.add_new_user_to_learners")
def add_new_user_to_learners(sender, request, user, **kwargs):
    group, _created = Group.objects.get_or_create(name=LEARNER)
    user.groups.add(group)
