"""Settings read from the environment; production refuses to be insecure.

Production settings are loaded in a fresh interpreter (``manage.py`` in a
subprocess), exactly as gunicorn would load them, so nothing leaks from the
test settings of this process.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import DEV_SECRET_KEY
from cms.settings.environment import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def _manage(tmp_path, *args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("AWS_", "DATABASE_URL", "SECRET_KEY", "REDIS_URL", "DJANGO_ALLOW_ASYNC")
        )
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        CHAINON_VAR_DIR=str(tmp_path),
        ALLOWED_HOSTS="chainon.example.org",
    )
    environment.update(env)
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_passes_the_deployment_checklist(tmp_path):
    result = _manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (None, "SECRET_KEY must be set"),
        (DEV_SECRET_KEY, "development key"),
        ("django-insecure-" + "x" * 60, "development key"),
        ("short-but-not-empty", "at least 50"),
        ("a" * 80, "at least 50"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(
    tmp_path, secret, message
):
    env = {} if secret is None else {"SECRET_KEY": secret}
    result = _manage(tmp_path, "check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_runs_tasks_in_the_database_and_s3_when_a_bucket_is_named(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.TASKS['default']['BACKEND']);"
        "print(s.STORAGES['default']['BACKEND']);"
        "print(s.STORAGES['default']['OPTIONS']['default_acl']);"
        "print(s.STORAGES['default']['OPTIONS']['file_overwrite']);"
        "print(s.CACHES['default']['BACKEND'])"
    )
    result = _manage(
        tmp_path,
        "shell",
        "-c",
        script,
        SECRET_KEY=secrets.token_urlsafe(64),
        AWS_STORAGE_BUCKET_NAME="chainon-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()[-5:]
    assert lines == [
        "django_tasks_db.DatabaseBackend",
        "storages.backends.s3.S3Storage",
        "private",
        "False",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_files_default_to_var_media_on_the_local_disk(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.STORAGES['default']['BACKEND']);"
        "print(s.STORAGES['default']['OPTIONS']['location'])"
    )
    result = _manage(
        tmp_path, "shell", "-c", script, SECRET_KEY=secrets.token_urlsafe(64)
    )
    assert result.returncode == 0, result.stderr
    backend, location = result.stdout.strip().splitlines()[-2:]
    assert backend == "django.core.files.storage.FileSystemStorage"
    assert location == str(tmp_path / "media")


def test_env_bool_accepts_common_words_and_rejects_the_rest(monkeypatch):
    monkeypatch.setenv("CHAINON_FLAG", "yes")
    assert env_bool("CHAINON_FLAG", False) is True
    monkeypatch.setenv("CHAINON_FLAG", "Off")
    assert env_bool("CHAINON_FLAG", True) is False
    monkeypatch.setenv("CHAINON_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="CHAINON_FLAG"):
        env_bool("CHAINON_FLAG", True)
    monkeypatch.delenv("CHAINON_FLAG")
    assert env_bool("CHAINON_FLAG", True) is True


def test_env_int_and_env_list(monkeypatch):
    monkeypatch.setenv("CHAINON_N", "12")
    assert env_int("CHAINON_N", 3) == 12
    monkeypatch.setenv("CHAINON_N", "douze")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("CHAINON_N", 3)
    monkeypatch.setenv("CHAINON_HOSTS", " a.example, ,b.example ")
    assert env_list("CHAINON_HOSTS", []) == ["a.example", "b.example"]
