"""Who is calling the LRS: a client with HTTP Basic credentials, or a learner.

A client's scopes decide what it may do.  A signed-in learner writes only
as themselves (the actor is replaced by their own agent) and reads only
their own statements; their writes are CSRF-checked like any form.
"""

import base64
import binascii
from dataclasses import dataclass

from django.middleware.csrf import CsrfViewMiddleware

from lms.models import LRSClient

from .agents import learner_agent


@dataclass(frozen=True)
class Caller:
    client: LRSClient | None = None
    user: object | None = None

    def may_write(self) -> bool:
        return self.user is not None or self.client.may(LRSClient.Scope.WRITE)

    def may_read_all(self) -> bool:
        return self.client is not None and self.client.may(LRSClient.Scope.READ)

    @property
    def authority(self) -> dict:
        if self.client is not None:
            return self.client.authority
        return learner_agent(self.user)


class Unauthorised(Exception):
    pass


class CsrfFailed(Exception):
    pass


def _basic(request):
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise Unauthorised from None
    key, _sep, secret = decoded.partition(":")
    client = LRSClient.objects.filter(key=key, active=True).first()
    if client is None or not client.check_secret(secret):
        raise Unauthorised
    return client


def identify(request) -> Caller:
    client = _basic(request)
    if client is not None:
        return Caller(client=client)
    if request.user.is_authenticated:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            check = CsrfViewMiddleware(lambda r: None)
            check.process_request(request)
            if check.process_view(request, None, (), {}) is not None:
                raise CsrfFailed
        return Caller(user=request.user)
    raise Unauthorised
