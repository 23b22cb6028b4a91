from django import template

register = template.Library()


@register.filter
def has_role(user, role: str) -> bool:
    """``user|has_role:"Trainer"`` — is the person in that role's group?

    The groups are read once per request and kept on the user object, since
    the header asks on every page.
    """
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return role in user._role_names
