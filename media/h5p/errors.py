"""Why a package is refused: every reason names the file and the rule.

A package is checked whole before anything is written, and all the
reasons are collected, so an editor fixes everything in one go instead of
uploading again and again.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejection:
    """One broken rule: ``path`` is the file inside the package ("" for
    the package itself), ``rule`` a stable code (``path.dotdot``,
    ``content.extension``, ``limits.ratio``…) that translations and tests
    key on, ``message`` an English sentence for logs and the command line."""

    path: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = self.path or "(package)"
        return f"{where}: {self.message} [{self.rule}]"


class PackageRejected(Exception):
    """The package breaks at least one rule; ``reasons`` lists them all."""

    def __init__(self, reasons: list[Rejection]):
        self.reasons = list(reasons)
        super().__init__("; ".join(str(reason) for reason in self.reasons))
