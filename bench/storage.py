"""How fast and how lean are Chaînon's file transfers?

Uploads and downloads a 200 MB file through the project's own code paths
and prints throughput and the Django worker's memory:

* S3 (SeaweedFS started here): the browser's path, i.e. the upload API
  (start, presigned parts sent three at a time as the widget does, complete)
  and the download redirect to a presigned URL, as a ratio of a raw boto3
  ``upload_file``/``download_file`` of the same file in the same run
  (goal: ≥ 0.8);
* local disk: the body streamed through Django (PUT) and back (ranged
  streaming response), in MB/s.

Django runs in gunicorn (one worker, four threads), as in production; the
memory figure is the increase of that worker's peak resident memory
(VmHWM) during the transfer (goal: ≤ 64 MB). Figures only: nothing here
passes or fails.
"""

import os
import secrets
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import boto3  # noqa: E402
import urllib3  # noqa: E402
from boto3.s3.transfer import TransferConfig  # noqa: E402

from bench.gunicorn import Gunicorn  # noqa: E402
from tests.support.seaweedfs import SeaweedS3  # noqa: E402

SIZE = 200 * 1024 * 1024
PART_SIZE = 16 * 1024 * 1024
PARALLEL_PARTS = 3  # as media/static/media/js/direct-upload.js
BUCKET = "bench"
MB = 1_000_000

http = urllib3.PoolManager(maxsize=8, retries=False, timeout=120)


def make_file(path: Path) -> None:
    block = os.urandom(1024 * 1024)
    with path.open("wb") as out:
        out.write(b"\x00\x00\x00\x18ftypmp42" + block[12:])
        for _ in range(SIZE // len(block) - 1):
            out.write(block)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measured(server: Gunicorn, action) -> tuple[float, float]:
    """Seconds taken and the worker's peak memory increase in MB."""
    before = server.peak_kib()
    seconds = timed(action)
    return seconds, (server.peak_kib() - before) * 1024 / MB


class Browser:
    """Plays the upload widget against the API with a signed-in session."""

    def __init__(self, base_url: str, session_id: str):
        self.base_url = base_url
        csrf = secrets.token_hex(16)
        self.headers = {
            "Cookie": f"sessionid={session_id}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Accept-Language": "en",
        }

    def api(self, method, path, body=None):
        response = http.request(
            method, self.base_url + path, json=body, headers=self.headers
        )
        assert response.status < 300, (path, response.status, response.data[:300])
        return response.json()

    def upload(self, path: Path) -> dict:
        upload = self.api(
            "POST",
            "/api/media/uploads/",
            {
                "target": "testapp.evidence.file",
                "filename": path.name,
                "size": SIZE,
                "content_type": "video/mp4",
            },
        )
        if upload["strategy"] == "multipart":
            self._send_parts(upload, path)
        else:
            with path.open("rb") as body:
                response = http.request(
                    "PUT",
                    self.base_url + upload["put"]["url"],
                    body=body,
                    headers={
                        **self.headers,
                        **upload["put"]["headers"],
                        "Content-Length": str(SIZE),
                    },
                    preload_content=False,
                )
                assert response.status == 200, response.read()[:300]
        return self.api("POST", upload["complete_url"])

    def _send_parts(self, upload, path):
        numbers = list(range(1, upload["part_count"] + 1))
        urls = self.api("POST", upload["parts_url"], {"numbers": numbers})["urls"]

        def send(number):
            with path.open("rb") as source:
                source.seek((number - 1) * upload["part_size"])
                data = source.read(upload["part_size"])
            response = http.request("PUT", urls[str(number)], body=data)
            assert response.status == 200, response.data[:300]

        with ThreadPoolExecutor(PARALLEL_PARTS) as pool:
            list(pool.map(send, numbers))

    def warm_up(self) -> None:
        """One small upload started and cancelled, so imports and the boto3
        client made on a worker's first request are not counted."""
        upload = self.api(
            "POST",
            "/api/media/uploads/",
            {
                "target": "testapp.evidence.file",
                "filename": "warm.mp4",
                "size": 2 * PART_SIZE,
                "content_type": "video/mp4",
            },
        )
        http.request("DELETE", self.base_url + upload["url"], headers=self.headers)

    def download(self, content_url: str, target: Path) -> int:
        response = http.request(
            "GET",
            self.base_url + content_url,
            headers=self.headers,
            redirect=False,
            preload_content=False,
        )
        if response.status == 302:
            response.release_conn()
            response = http.request(
                "GET", response.headers["Location"], preload_content=False
            )
        received = 0
        with target.open("wb") as out:
            for chunk in response.stream(1024 * 1024):
                out.write(chunk)
                received += len(chunk)
        response.release_conn()
        target.unlink()
        assert received == SIZE, received
        return received


def prepare_database(env: dict) -> str:
    """Migrate a throw-away SQLite database and sign a user in; returns the
    session id the simulated browser sends."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from cms.models import User

    call_command("migrate", verbosity=0)
    user = User.objects.create_superuser("bench@example.org", "bench@example.org", "x")
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def main():
    work = Path(tempfile.mkdtemp(prefix="chainon-bench-storage-"))
    server = SeaweedS3()
    gunicorns = []
    try:
        server.start()
        server.create_bucket(BUCKET)
        source = work / "visite-360.mp4"
        make_file(source)
        common = {
            **os.environ,
            # The test settings: they install tests.testapp, whose Evidence
            # model has a StoredFileField any signed-in user may upload to.
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "CHAINON_TEST_MEDIA_ROOT": str(work / "media"),
            "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
            "CHAINON_VAR_DIR": str(work / "var"),
            "CHAINON_UPLOAD_PART_SIZE": str(PART_SIZE),
            "LOG_LEVEL": "WARNING",
        }
        s3_env = {
            **common,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": server.endpoint_url,
            "AWS_S3_REGION_NAME": server.region,
            "AWS_ACCESS_KEY_ID": server.access_key,
            "AWS_SECRET_ACCESS_KEY": server.secret_key,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
        session_id = prepare_database(common)

        raw = boto3.client(
            "s3",
            endpoint_url=server.endpoint_url,
            region_name=server.region,
            aws_access_key_id=server.access_key,
            aws_secret_access_key=server.secret_key,
        )
        transfer = TransferConfig(multipart_chunksize=PART_SIZE)
        raw_up = timed(
            lambda: raw.upload_file(str(source), BUCKET, "raw.mp4", Config=transfer)
        )
        raw_down = timed(
            lambda: raw.download_file(
                BUCKET, "raw.mp4", str(work / "raw-copy.mp4"), Config=transfer
            )
        )
        (work / "raw-copy.mp4").unlink()
        copy = work / "copy.mp4"

        s3_site = Gunicorn(s3_env)
        gunicorns.append(s3_site)
        browser = Browser(s3_site.url, session_id)
        browser.warm_up()
        done = {}
        up, up_mem = measured(s3_site, lambda: done.update(browser.upload(source)))
        down, down_mem = measured(
            s3_site, lambda: browser.download(done["content_url"], copy)
        )

        local_site = Gunicorn(common)
        gunicorns.append(local_site)
        browser = Browser(local_site.url, session_id)
        browser.warm_up()
        done = {}
        local_up, local_up_mem = measured(
            local_site, lambda: done.update(browser.upload(source))
        )
        local_down, local_down_mem = measured(
            local_site, lambda: browser.download(done["content_url"], copy)
        )

        mb = SIZE / MB
        print(
            f"file: {SIZE // 2**20} MiB; parts of {PART_SIZE // 2**20} MiB; "
            "downloads written to disk; MB = 10^6 bytes"
        )
        header = ("transfer", "MB/s", "x raw boto3", "worker +MB")
        print("{:34} {:>8} {:>12} {:>11}".format(*header))
        rows = [
            ("raw boto3 upload_file", raw_up, raw_up, None),
            ("raw boto3 download_file", raw_down, raw_down, None),
            ("S3 upload (API + presigned parts)", up, raw_up, up_mem),
            ("S3 download (presigned redirect)", down, raw_down, down_mem),
            ("local upload (streamed PUT)", local_up, None, local_up_mem),
            ("local download (streamed GET)", local_down, None, local_down_mem),
        ]
        for name, seconds, baseline, memory in rows:
            ratio = f"{baseline / seconds:12.2f}" if baseline else f"{'-':>12}"
            extra = f"{memory:11.1f}" if memory is not None else f"{'-':>11}"
            print(f"{name:34} {mb / seconds:8.1f} {ratio} {extra}")
    finally:
        for site in gunicorns:
            site.stop()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
