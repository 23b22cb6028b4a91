"""How fast and how lean is checking and unpacking a large H5P package?

Builds a 150 MB .h5p on disk (the Chainon.TestQuiz package plus three
40-odd MB "videos", 2 000 small images and 100 JSON files), then, in the
same run:

* ``unzip -q`` of the file into a temporary folder: the baseline;
* ``inspect`` + ``unpack`` (``media.h5p``) through ``StorageTarget`` to
  the local disk (Django's ``FileSystemStorage``);
* the same to S3 (SeaweedFS ``weed mini``, started here, with the
  project's own S3 storage options).

For each: seconds (split into inspect and unpack), the ratio to ``unzip``
(goal: ≤ 3) and the process's peak memory increase during the operation
(goal: ≤ 64 MB; entries must be streamed, never the archive or a large
entry held whole).  Memory is measured two ways, each run in a fresh
process: the resident high-water mark (``VmHWM``, reset just before the
operation through ``/proc/self/clear_refs``, minus the resident size then;
``ru_maxrss`` as a cross-check) in the timed run, and ``tracemalloc``'s
peak of Python allocations in a second, untimed run (tracing slows Python
down).  For reference, it also times boto3 ``put_object`` of every
unzipped file to SeaweedFS, one at a time and 16 at a time: what the S3
server costs per file at best.  Figures only: nothing here passes or fails.

    .venv/bin/python bench/h5p.py [--profile]

``--profile`` adds a third run per storage under cProfile and prints where
the time went.
"""

import argparse
import cProfile
import gc
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1_000_000
VIDEOS = 3
VIDEO_SIZE = 44 * MB
IMAGES = 2000
IMAGE_SIZE = 8 * 1024
JSON_FILES = 100
JSON_SIZE = 16 * 1024
BUCKET = "bench"
CONTENT_ID = "bench-h5p"
GOAL_RATIO = 3.0
GOAL_MEMORY_MB = 64.0
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
RAW_THREADS = 16


# -- the package -----------------------------------------------------------


def build_package(path: Path) -> dict:
    """Write the package to ``path`` entry by entry (large entries in 1 MiB
    blocks), so building it never holds it in memory either."""
    from tests.support.h5p_packages import testquiz_files

    counts = Counter()

    def info(name):
        entry = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED  # as H5P editors export
        entry.external_attr = 0o644 << 16
        return entry

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(testquiz_files().items()):
            archive.writestr(info(name), data)
            counts["quiz files"] += 1
        for number in range(VIDEOS):
            with archive.open(info(f"content/videos/visite-{number}.mp4"), "w") as out:
                out.write(b"\x00\x00\x00\x18ftypmp42")
                left = VIDEO_SIZE - 12
                while left:
                    block = os.urandom(min(left, 1 << 20))
                    out.write(block)
                    left -= len(block)
            counts["videos"] += 1
        headers = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff\xe0"}
        for number in range(IMAGES):
            ext = "png" if number % 2 else "jpg"
            data = headers[ext] + os.urandom(IMAGE_SIZE - len(headers[ext]))
            name = f"content/images/{number // 100:02d}/image-{number:04d}.{ext}"
            archive.writestr(info(name), data)
            counts["images"] += 1
        for number in range(JSON_FILES):
            rows = []
            while len(json.dumps(rows)) < JSON_SIZE:
                rows.append({"id": len(rows), "label": f"Salle {len(rows)}", "x": 0.5})
            archive.writestr(
                info(f"content/data/rooms-{number:03d}.json"), json.dumps(rows)
            )
            counts["json files"] += 1
    return dict(counts)


# -- the baseline ------------------------------------------------------------


def find_unzip() -> tuple[str | None, str]:
    """``unzip``, installed from Debian when running as root (as the
    Makefile installs Chromium); else None and why."""
    found = shutil.which("unzip")
    if found:
        return found, ""
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's unzip for the baseline", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)  # noqa: S607
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "-qq", "unzip"],  # noqa: S607
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        found = shutil.which("unzip")
        if found:
            return found, ""
    return None, (
        "`unzip` is not installed (install it with: sudo apt-get install unzip); "
        "the baseline is Python's zipfile.extractall instead, which is slower, "
        "so the ratios below flatter Chaînon"
    )


def unzip_seconds(unzip: str | None, package: Path, into: Path) -> float:
    into.mkdir()
    start = time.perf_counter()
    if unzip:
        subprocess.run([unzip, "-q", str(package), "-d", str(into)], check=True)  # noqa: S603
    else:
        with zipfile.ZipFile(package) as archive:
            archive.extractall(into)
    return time.perf_counter() - start


def raw_s3_seconds(client, tree: Path, prefix: str, threads: int) -> float:
    """boto3 ``put_object`` of every unzipped file (one request per file,
    no existence checks): what S3 costs at best, one file at a time or
    ``threads`` at a time."""
    files = sorted(path for path in tree.rglob("*") if path.is_file())

    def put(path):
        with path.open("rb") as body:
            key = f"{prefix}/{path.relative_to(tree).as_posix()}"
            client.put_object(Bucket=BUCKET, Key=key, Body=body)

    start = time.perf_counter()
    if threads == 1:
        for path in files:
            put(path)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(put, files))
    return time.perf_counter() - start


# -- one measured run, in a fresh process ------------------------------------


def status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def reset_peak() -> bool:
    """Set VmHWM back to the current resident size (Linux ≥ 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def count_calls(storage, counts: Counter) -> None:
    """Count the storage calls (and, on S3, the API calls) the run makes."""
    for method in ("exists", "save", "delete", "open", "get_available_name"):
        original = getattr(storage, method)

        def counted(*args, _original=original, _method=method, **kwargs):
            counts[f"storage.{_method}"] += 1
            return _original(*args, **kwargs)

        setattr(storage, method, counted)
    connection = getattr(storage, "connection", None)
    if connection is not None:

        def api_call(model, **_kwargs):
            counts[f"S3 {model.name}"] += 1

        connection.meta.client.meta.events.register("before-call.s3", api_call)


def child(options) -> None:
    """Inspect and unpack the package once; print the figures as JSON."""
    import django

    django.setup()
    from functools import partial

    from django.core.files.storage import storages

    from media.h5p.package import inspect
    from media.h5p.unpack import installed_patch, stored_semantics, unpack
    from media.h5p_storage import StorageTarget
    from media.h5p_tasks import limits

    storage = storages["default"]
    storage.exists("h5p/warm-up")  # the boto3 client exists from here on
    counts = Counter()
    count_calls(storage, counts)
    target = StorageTarget(storage)
    limits = limits()
    gc.collect()
    profiler = cProfile.Profile() if options.mode == "profile" else None
    if options.mode == "tracemalloc":
        import tracemalloc

        tracemalloc.start()
    reset = reset_peak()
    rss_before = status_kib("VmRSS")
    hwm_before = status_kib("VmHWM")
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if profiler:
        profiler.enable()
    start = time.perf_counter()
    with open(options.package, "rb") as handle:
        report = inspect(
            handle,
            installed=partial(installed_patch, target),
            limits=limits,
            may_install_libraries=True,
        )
        inspected = time.perf_counter()
        handle.seek(0)
        unpack(
            handle,
            report,
            target,
            content_id=CONTENT_ID,
            semantics_of=stored_semantics(target),
        )
    end = time.perf_counter()
    if profiler:
        profiler.disable()
    result = {
        "inspect": inspected - start,
        "unpack": end - inspected,
        "seconds": end - start,
        "hwm_reset": reset,
        "rss_before_kib": rss_before,
        "hwm_increase_kib": status_kib("VmHWM") - (rss_before if reset else hwm_before),
        "maxrss_increase_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        - (rss_before if reset else maxrss_before),
        "files": len(report.content_files)
        + sum(len(library.files) for library in report.libraries_to_install),
        "calls": dict(counts),
    }
    if options.mode == "tracemalloc":
        result["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(30)
    print(json.dumps(result))


def run_child(package: Path, mode: str, env: dict) -> dict:
    completed = subprocess.run(  # noqa: S603 - this very script
        [
            sys.executable,
            __file__,
            "--child",
            "--mode",
            mode,
            "--package",
            str(package),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


# -- the parent ----------------------------------------------------------------


def stored_locally(root: Path) -> tuple[int, int]:
    files = [path for path in root.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def stored_on_s3(client, prefix: str) -> tuple[int, int]:
    count = size = 0
    for page in client.get_paginator("list_objects_v2").paginate(
        Bucket=BUCKET, Prefix=prefix + "/"
    ):
        for item in page.get("Contents", []):
            count += 1
            size += item["Size"]
    return count, size


def main(options) -> None:
    import boto3
    from botocore.config import Config

    from tests.support.seaweedfs import SeaweedS3

    work = Path(tempfile.mkdtemp(prefix="chainon-bench-h5p-"))
    server = SeaweedS3()
    try:
        package = work / "visite-virtuelle.h5p"
        started = time.perf_counter()
        counts = build_package(package)
        size = package.stat().st_size
        print(
            f"package: {size / MB:.1f} MB on disk ("
            + ", ".join(f"{count} {what}" for what, count in counts.items())
            + f"), built in {time.perf_counter() - started:.0f} s; MB = 10^6 bytes",
            flush=True,
        )
        unzip, why = find_unzip()
        if why:
            print("NOTE: " + why)
        tree = work / "unzipped"
        baseline = unzip_seconds(unzip, package, tree)
        with zipfile.ZipFile(package) as archive:
            unpacked_size = sum(info.file_size for info in archive.infolist())

        server.start()
        server.create_bucket(BUCKET)
        client = server.client()
        raw = boto3.client(
            "s3",
            endpoint_url=server.endpoint_url,
            region_name=server.region,
            aws_access_key_id=server.access_key,
            aws_secret_access_key=server.secret_key,
            config=Config(
                s3={"addressing_style": "path"},
                max_pool_connections=RAW_THREADS,
            ),
        )
        print("raw boto3 runs…", file=sys.stderr, flush=True)
        raw_seconds = {
            threads: raw_s3_seconds(raw, tree, f"raw-{threads}", threads)
            for threads in (1, RAW_THREADS)
        }
        shutil.rmtree(tree)
        common = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": f"sqlite:///{work / 'unused.sqlite3'}",
            "CHAINON_VAR_DIR": str(work / "var"),
            "LOG_LEVEL": "WARNING",
        }
        for name in list(common):
            if name.startswith("AWS_"):
                del common[name]
        s3 = {
            **common,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": server.endpoint_url,
            "AWS_S3_REGION_NAME": server.region,
            "AWS_ACCESS_KEY_ID": server.access_key,
            "AWS_SECRET_ACCESS_KEY": server.secret_key,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
        modes = ["time", "tracemalloc"] + (["profile"] if options.profile else [])
        results = {}
        for storage in ("local", "s3"):
            for number, mode in enumerate(modes):
                if storage == "local":
                    media = work / f"media-{number}"
                    env = {**common, "CHAINON_TEST_MEDIA_ROOT": str(media)}
                else:
                    prefix = f"run-{number}"
                    env = {**s3, "AWS_LOCATION": prefix}
                print(f"{storage}: {mode} run…", file=sys.stderr, flush=True)
                result = run_child(package, mode, env)
                if storage == "local":
                    result["stored"] = stored_locally(media)
                    shutil.rmtree(media)
                else:
                    result["stored"] = stored_on_s3(client, prefix)
                results[(storage, mode)] = result

        report(baseline, unzip, results, unpacked_size, raw_seconds)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def report(baseline, unzip, results, unpacked_size, raw_seconds) -> None:
    name = "unzip -q" if unzip else "zipfile.extractall"
    print(f"baseline: {name} to local disk, {baseline:.2f} s")
    header = (
        "storage",
        "inspect s",
        "unpack s",
        "total s",
        "x unzip",
        "RSS +MB",
        "maxrss +MB",
        "tracemalloc MB",
    )
    print("{:8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>10} {:>14}".format(*header))
    verdicts = []
    for storage in ("local", "s3"):
        timed = results[(storage, "time")]
        traced = results[(storage, "tracemalloc")]
        ratio = timed["seconds"] / baseline
        rss = timed["hwm_increase_kib"] * 1024 / MB
        maxrss = timed["maxrss_increase_kib"] * 1024 / MB
        python = traced["tracemalloc_peak"] / MB
        print(
            f"{storage:8} {timed['inspect']:9.2f} {timed['unpack']:9.2f} "
            f"{timed['seconds']:8.2f} {ratio:8.2f} {rss:8.1f} {maxrss:10.1f} "
            f"{python:14.1f}"
        )
        memory = max(rss, python)
        verdicts.append(
            f"{storage}: time {ratio:.2f}x unzip (goal <= {GOAL_RATIO:g}: "
            f"{'met' if ratio <= GOAL_RATIO else 'NOT met'}); peak memory "
            f"+{memory:.1f} MB (goal <= {GOAL_MEMORY_MB:g}: "
            f"{'met' if memory <= GOAL_MEMORY_MB else 'NOT met'})"
        )
    for line in verdicts:
        print(line)
    for threads, seconds in raw_seconds.items():
        how = "one at a time" if threads == 1 else f"{threads} at a time"
        print(
            f"for reference: boto3 put_object of each unzipped file, {how}: "
            f"{seconds:.2f} s, {seconds / baseline:.2f}x unzip"
        )
    for storage in ("local", "s3"):
        timed = results[(storage, "time")]
        count, size = timed["stored"]
        calls = ", ".join(f"{k} {v}" for k, v in sorted(timed["calls"].items()))
        print(
            f"{storage}: {timed['files']} files unpacked, {count} stored "
            f"({size / MB:.1f} MB, {unpacked_size / MB:.1f} MB in the zip; "
            f"markers and the sanitised content.json differ); calls: {calls}"
        )
        if not timed["hwm_reset"]:
            print(
                f"{storage}: VmHWM could not be reset; RSS figure is an increase "
                "over the process's earlier peak"
            )
    if ("local", "profile") in results:
        print("profiles: printed on stderr above")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="time", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments)
    else:
        main(arguments)
