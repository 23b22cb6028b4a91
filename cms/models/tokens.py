"""Personal API tokens: how a partner's script acts as a person.

A token reads ``chn_<key_id>_<secret>``. The key id is public (it is shown
on the account page and names the row); only a SHA-256 digest of the secret
is kept, so a copy of the database cannot be replayed against the API. A
plain hash is enough because the secret is 256 random bits: a slow password
hash protects guessable secrets, and nobody can guess this one.
"""

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "chn_"
# The key id is hex, the secret URL-safe base64 (which may contain "_"), so
# the first "_" after the prefix is always the separator.
TOKEN_FORMAT = re.compile(r"chn_(?P<key_id>[0-9a-f]{12})_(?P<secret>[A-Za-z0-9_-]{43})")
# ``last_used_at`` is precise to this much: one UPDATE per token and window,
# not one per request.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        # Wagtail's own APIToken (its admin API v3) already takes "api_tokens".
        related_name="personal_api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    key_id = models.CharField(_("identifier"), max_length=12, unique=True)
    secret_hash = models.CharField(_("secret digest"), max_length=64)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return self.name

    @staticmethod
    def hash_secret(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @staticmethod
    def parse(raw: str) -> tuple[str, str] | None:
        """``(key_id, secret)`` of a well-formed token, else None."""
        match = TOKEN_FORMAT.fullmatch(raw)
        return (match["key_id"], match["secret"]) if match else None

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """A new token and its plaintext, which is never stored: show it once."""
        for _attempt in range(3):
            key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
            try:
                with transaction.atomic():
                    token = cls.objects.create(
                        user=user,
                        name=name,
                        key_id=key_id,
                        secret_hash=cls.hash_secret(secret),
                    )
            except IntegrityError:  # a 48-bit key id collided: draw again
                continue
            return token, f"{PREFIX}{key_id}_{secret}"
        raise IntegrityError("Could not draw a unique API token key id.")

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def display_prefix(self) -> str:
        """What the owner sees to tell tokens apart; the secret stays hidden."""
        return f"{PREFIX}{self.key_id}_…"

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def mark_used(self) -> None:
        """Record a use, at most once per ``LAST_USED_RESOLUTION``.

        One conditional UPDATE: concurrent requests of the same token cannot
        both write, and a request within the window writes nothing.
        """
        now = timezone.now()
        if self.last_used_at and now - self.last_used_at < LAST_USED_RESOLUTION:
            return
        stale = Q(last_used_at__isnull=True) | Q(
            last_used_at__lt=now - LAST_USED_RESOLUTION
        )
        ApiToken.objects.filter(stale, pk=self.pk).update(last_used_at=now)
        self.last_used_at = now
