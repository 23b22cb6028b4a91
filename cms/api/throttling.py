"""Request rates of the API: one bucket per token, per person, per address.

A partner running two scripts with two tokens gets two buckets, so a
runaway script does not lock out the other; the site's own pages (session)
count per person; anonymous readers per IP address. Exactly one of the
three applies to a request. The rates are ``REST_FRAMEWORK
["DEFAULT_THROTTLE_RATES"]["api_token" | "api_user" | "api_anon"]``, read
at each request (DRF's own throttles read them once, at import), so a
deployment or a test can change them. Counts live in the default cache:
Redis in production, so that every app server shares them.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


def _is_token(auth) -> bool:
    from cms.models import ApiToken

    return isinstance(auth, ApiToken)


class ApiRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def applies(self, request) -> bool:
        raise NotImplementedError

    def identity(self, request) -> str:
        raise NotImplementedError

    def get_cache_key(self, request, view):
        if not self.applies(request):
            return None
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.identity(request),
        }


class TokenRateThrottle(ApiRateThrottle):
    scope = "api_token"

    def applies(self, request):
        return _is_token(request.auth)

    def identity(self, request):
        return str(request.auth.pk)


class SessionUserRateThrottle(ApiRateThrottle):
    scope = "api_user"

    def applies(self, request):
        return request.user.is_authenticated and not _is_token(request.auth)

    def identity(self, request):
        return str(request.user.pk)


class AnonymousRateThrottle(ApiRateThrottle):
    scope = "api_anon"

    def applies(self, request):
        return not request.user.is_authenticated

    def identity(self, request):
        return self.get_ident(request)


API_THROTTLES = [TokenRateThrottle, SessionUserRateThrottle, AnonymousRateThrottle]
