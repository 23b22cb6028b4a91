"""Checking and unpacking an uploaded H5P package, in the background.

Restartable: the core's completion files make a second run finish what a
killed one started (or find it done), and the package stays "processing",
so invisible to units, until this task has recorded it "ready".
"""

import hashlib
import json
import logging
from dataclasses import asdict
from functools import partial

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.tasks import task
from wagtail.models import Collection

from media.h5p.errors import PackageRejected
from media.h5p.limits import Limits
from media.h5p.package import inspect
from media.h5p.unpack import (
    installed_patch,
    library_folder,
    remove_content,
    stored_semantics,
    unpack,
)
from media.h5p_models import H5PLibrary, H5PPackage
from media.h5p_storage import StorageTarget

logger = logging.getLogger(__name__)


def limits() -> Limits:
    return Limits(
        max_entries=settings.CHAINON_H5P_MAX_ENTRIES,
        max_total_size=settings.CHAINON_H5P_MAX_TOTAL_SIZE,
        max_file_size=settings.CHAINON_H5P_MAX_FILE_SIZE,
        max_ratio=settings.CHAINON_H5P_MAX_RATIO,
    )


def _checksum(handle) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    handle.seek(0)
    while chunk := handle.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size


def _record_libraries(report, target) -> list[H5PLibrary]:
    """Database rows for the libraries this package uses, after unpacking."""
    rows = []
    for library in report.libraries_to_install:
        folder = library_folder(library.ref)
        with target.open(f"{folder}/library.json") as handle:
            library_json = json.load(handle)
        semantics = []
        if target.exists(f"{folder}/semantics.json"):
            with target.open(f"{folder}/semantics.json") as handle:
                semantics = json.load(handle)
        row, _created = H5PLibrary.objects.update_or_create(
            machine_name=library.ref.machine_name,
            major=library.ref.major,
            minor=library.ref.minor,
            defaults={
                "patch": library.patch,
                "title": library.title[:255],
                "runnable": library.runnable,
                "library_json": library_json,
                "semantics": semantics,
            },
        )
        rows.append(row)
    for reused in report.libraries_reused:
        row = H5PLibrary.objects.filter(
            machine_name=reused.ref.machine_name,
            major=reused.ref.major,
            minor=reused.ref.minor,
        ).first()
        if row is not None:
            rows.append(row)
    return rows


def process(package: H5PPackage) -> H5PPackage:
    """Check and unpack ``package``; it ends ready or rejected with reasons."""
    target = StorageTarget()
    owner = package.owner
    may_install = owner is None or owner.has_perm("media.install_h5plibrary")
    with package.file.open("rb") as handle:
        checksum, size = _checksum(handle)
        if package.checksum and package.checksum != checksum:
            # A new file for the same package: its old content goes first,
            # or the completion file would keep it as it was.
            remove_content(target, str(package.pk))
        try:
            report = inspect(
                handle,
                installed=partial(installed_patch, target),
                limits=limits(),
                may_install_libraries=may_install,
            )
            handle.seek(0)
            notes = unpack(
                handle,
                report,
                target,
                content_id=str(package.pk),
                semantics_of=stored_semantics(target),
            )
        except PackageRejected as rejected:
            package.status = H5PPackage.Status.REJECTED
            package.reasons = [asdict(reason) for reason in rejected.reasons]
            package.size, package.checksum = size, checksum
            package.save()
            logger.info("H5P package %s rejected: %s", package.pk, rejected)
            return package
    for note in notes:
        logger.info("H5P package %s sanitised: %s", package.pk, note)
    metadata = dict(report.metadata)
    with transaction.atomic():
        libraries = _record_libraries(report, target)
        package.libraries.set(libraries)
        package.status = H5PPackage.Status.READY
        package.reasons = []
        package.size, package.checksum = size, checksum
        package.main_library = report.main_library_name
        package.metadata = metadata
        package.language = (report.language or "")[:35]
        package.licence = str(metadata.get("license", ""))[:40]
        if not package.title:
            package.title = report.title[:255]
        package.save()
    return package


def import_package(
    handle, name: str, *, title: str = "", collection=None, owner=None
) -> H5PPackage:
    """A new package from the open .h5p file ``handle`` (saved as ``name``),
    checked and unpacked at once rather than in the background: imports
    from the command line (``manage.py import_h5p``) and the demo seed.

    ``collection`` defaults to the root collection, ``title`` to h5p.json's;
    libraries may be installed when ``owner`` is None or may install them.
    A refused package keeps nothing: its row is deleted, and the instance
    returned (status rejected, with every reason) only tells why.
    """
    if collection is None:
        collection = Collection.get_first_root_node()
    package = H5PPackage(title=title, collection=collection, owner=owner)
    package.file.save(name, File(handle), save=False)
    package.save()
    package = process(package)
    if package.status != H5PPackage.Status.READY:
        package.delete()
    return package


@task
def process_h5p_package(package_id: str) -> str:
    package = H5PPackage.objects.filter(pk=package_id).first()
    if package is None:  # deleted meanwhile
        return "gone"
    if package.status != H5PPackage.Status.PROCESSING:
        return package.status
    return process(package).status


@task
def delete_h5p_content(package_id: str) -> str:
    """A deleted package's unpacked content goes too; its libraries stay,
    shared with other packages."""
    remove_content(StorageTarget(), package_id)
    return package_id
