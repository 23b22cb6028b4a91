"""The learning record store's rows: its clients and the statements.

A statement is kept exactly as accepted (``data``: the JSON with the id,
stored, timestamp, authority and version the LRS settled), plus the
columns the statement queries filter on, indexed.  Clients are the tools
that write and read with HTTP Basic credentials (a partner's H5P host, the
network's analytics LRS); Chaînon's own pages use the learner's session.
"""

import hashlib
import hmac
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.db import models
from django.utils.translation import gettext_lazy as _

from media.fields import StoredFileField

SECRET_SCHEME = "sha256$"  # noqa: S105 (a prefix, not a secret)


class LRSClient(models.Model):
    """A tool allowed to talk to the LRS, with its key, secret and scopes."""

    class Scope(models.TextChoices):
        WRITE = "statements/write", _("Write statements")
        READ_MINE = "statements/read/mine", _("Read its own statements")
        READ = "statements/read", _("Read all statements")
        DEFINE = "define", _("Define activities and agents")
        STATE = "state", _("Keep activity state")
        PROFILE = "profile", _("Keep activity and agent profiles")

    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("key"), max_length=40, unique=True, editable=False)
    secret_hash = models.CharField(max_length=200, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")

    def __str__(self):
        return self.name

    @classmethod
    def create(cls, name: str, scopes) -> tuple["LRSClient", str]:
        """A new client and its secret, which is shown once and kept hashed."""
        client = cls(name=name, scopes=sorted(set(scopes)))
        secret = client.new_credentials()
        client.save()
        return client, secret

    def new_credentials(self) -> str:
        """A key (kept if the client has one) and a fresh secret, returned
        in clear this once; only its hash is stored."""
        if not self.key:
            self.key = secrets.token_hex(16)
        secret = secrets.token_urlsafe(32)
        self.secret_hash = SECRET_SCHEME + hashlib.sha256(secret.encode()).hexdigest()
        return secret

    @staticmethod
    def endpoint() -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/xapi/"

    def check_secret(self, secret: str) -> bool:
        """A fast check, on every LRS request: a secret of 256 random bits
        cannot be guessed, so a slow password hash (PBKDF2's ~0.5 s) would
        only slow each request down.  Older clients' PBKDF2 hashes still work."""
        if self.secret_hash.startswith(SECRET_SCHEME):
            digest = hashlib.sha256(secret.encode()).hexdigest()
            return hmac.compare_digest(SECRET_SCHEME + digest, self.secret_hash)
        return check_password(secret, self.secret_hash)

    def may(self, scope: str) -> bool:
        return scope in self.scopes

    @property
    def authority(self) -> dict:
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": settings.CHAINON_ACTIVITY_ROOT, "name": self.key},
        }


class Statement(models.Model):
    id = models.UUIDField(primary_key=True)
    data = models.JSONField()
    actor_ifi = models.CharField(max_length=400, db_index=True)
    # The agent or group the statement is about when it is the object.
    object_ifi = models.CharField(max_length=400, blank=True, db_index=True)
    verb = models.CharField(max_length=400, db_index=True)
    activity = models.CharField(max_length=400, blank=True, db_index=True)
    registration = models.UUIDField(null=True, blank=True, db_index=True)
    timestamp = models.DateTimeField()
    stored = models.DateTimeField(db_index=True)
    voided = models.BooleanField(default=False)
    voids = models.UUIDField(null=True, blank=True, db_index=True)
    # The statement a StatementRef object points at (voiding or not): queries
    # also return statements that refer to the statements they match.
    refers_to = models.UUIDField(null=True, blank=True, db_index=True)
    client = models.ForeignKey(
        LRSClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        indexes = [models.Index(fields=["voided", "stored"])]

    @staticmethod
    def new_id() -> uuid.UUID:
        return uuid.uuid4()


class StatementActivity(models.Model):
    """Every activity a statement mentions, for ``related_activities=true``.

    The object, the context activities (parent, grouping, category, other)
    and those of a SubStatement: one row each, so the filter is one indexed
    lookup instead of a scan of the JSON.
    """

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="related_activities"
    )
    activity = models.CharField(max_length=400)

    class Meta:
        indexes = [models.Index(fields=["activity", "statement"])]


class StatementAgent(models.Model):
    """Every agent or group a statement mentions, for ``related_agents=true``.

    Actor, object, authority, instructor, team and a SubStatement's agents,
    by identifier (``agents.actor_ifi``).
    """

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="related_agents"
    )
    agent = models.CharField(max_length=400)

    class Meta:
        indexes = [models.Index(fields=["agent", "statement"])]


class ActivityDefinition(models.Model):
    """The canonical definition of an activity, for ``GET /xapi/activities``.

    Taken from the first statement that defines it; replaced later only by
    clients holding the "define" scope, as the spec lets an LRS trust some
    authorities more than others.
    """

    iri = models.CharField(max_length=400, unique=True)
    definition = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)


class StatementAttachment(models.Model):
    """A statement attachment's raw bytes, stored once per SHA-256.

    Private: only the statements resource returns them, to callers who may
    read a statement that names them.
    """

    sha2 = models.CharField(max_length=64, primary_key=True)
    content_type = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    file = StoredFileField(upload_to="xapi-attachments", private=True)
    created = models.DateTimeField(auto_now_add=True)
