"""``Authorization: Bearer chn_<key_id>_<secret>``: personal API tokens.

The token stands for the person who made it, with exactly their roles: the
API asks the same permission questions as the pages. A malformed, unknown,
wrong or revoked token, or one of a deactivated account, is a 401, never a
silent fall-back to anonymous: a script with a broken token must fail
loudly, not read only the public data.
"""

import hmac

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

KEYWORD = "Bearer"
# Compared against when the key id is unknown, so an unknown id costs the
# same hash and comparison as a known one.
_NO_DIGEST = "0" * 64


class ApiTokenAuthentication(authentication.BaseAuthentication):
    invalid_message = _("Invalid or revoked API token.")

    def authenticate(self, request):
        from cms.models import ApiToken

        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None  # not ours: the session may authenticate the request
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Invalid Authorization header: use “Bearer <token>”.")
            )
        try:
            parsed = ApiToken.parse(header[1].decode("ascii"))
        except UnicodeDecodeError:
            parsed = None
        if parsed is None:
            raise exceptions.AuthenticationFailed(self.invalid_message)
        key_id, secret = parsed
        token = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(key_id=key_id)
            .first()
        )
        expected = token.secret_hash if token else _NO_DIGEST
        matches = hmac.compare_digest(ApiToken.hash_secret(secret), expected)
        if token is None or not matches or not token.user.is_active:
            raise exceptions.AuthenticationFailed(self.invalid_message)
        token.mark_used()
        return token.user, token

    def authenticate_header(self, request):
        # A header here makes DRF answer 401 (with WWW-Authenticate), not 403.
        return KEYWORD


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Shows the token scheme in the schema and Swagger's "Authorize" box."""

    target_class = "cms.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "chn_<key_id>_<secret>",
            "description": str(
                _(
                    "A personal API token, created on your account page. It acts "
                    "as you, with your roles."
                )
            ),
        }
