"""Reading rule-set files: regular files only, inside their rule folder, their size checked before reading.

A rule file, a ``campaign.yaml`` or the notice text it names could otherwise be a link to ``/dev/zero``, a
FIFO that never ends, a folder, or a path such as ``/etc/passwd`` or ``../../..``; each is refused with a
:class:`~window_standard._errors.RuleDefinitionError` before anything is opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ._errors import Location, Problem, RuleDefinitionError

__all__ = ["MAX_FILE_BYTES", "file_problem", "read_text_file"]

#: The largest rule-set file, in bytes.
MAX_FILE_BYTES = 1_000_000


def file_problem(path: Path, root: Path | None = None, *, limit: int = MAX_FILE_BYTES) -> Problem | None:
    """Why a rule-set file may not be read, or None: checked before it is opened.

    Only a regular file (not a device such as ``/dev/zero``, a FIFO or a folder) of at most ``limit``
    bytes is read; with ``root``, only one inside that folder once symbolic links and ``..`` are resolved
    (no ``/etc/passwd``, no ``../../..``).
    """
    where = Location(str(path), 1, 1)
    if root is not None:
        try:
            inside = path.resolve().is_relative_to(root.resolve())
        except (OSError, RuntimeError):  # a symbolic-link loop
            inside = False
        if not inside:
            return Problem(
                "WS106",
                f"{path} is outside the rule folder {root}",
                "keep every file of a rule set inside its folder (no absolute paths, '..' or outside links)",
                where,
            )
    try:
        info = os.stat(path)
    except OSError as exc:
        return Problem("WS106", f"cannot read file: {exc.strerror}", "check the path", where)
    if not stat.S_ISREG(info.st_mode):
        return Problem("WS106", f"{path} is not a regular file", "give the path of a plain text file", where)
    if info.st_size > limit:
        return Problem(
            "WS104",
            f"file is {info.st_size} bytes, more than the limit of {limit}",
            "split the rule set into smaller files",
            where,
        )
    return None


def read_text_file(path: Path, root: Path | None = None) -> str:
    """A rule-set file's UTF-8 text, after :func:`file_problem`'s checks (and at most the limit, read).

    Raises:
        RuleDefinitionError: WS104 (too large), WS106 (not a regular file inside ``root``, unreadable, not
            UTF-8).
    """
    problem = file_problem(path, root)
    if problem is not None:
        raise RuleDefinitionError([problem])
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow between the check and the read
        if len(data) > MAX_FILE_BYTES:
            raise RuleDefinitionError(
                [
                    Problem(
                        "WS104",
                        f"file is more than the limit of {MAX_FILE_BYTES} bytes",
                        "split the rule set into smaller files",
                        Location(name, 1, 1),
                    )
                ]
            )
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleDefinitionError(
            [
                Problem(
                    "WS106",
                    f"file is not UTF-8 ({exc.reason})",
                    "save the file as UTF-8",
                    Location(name, 1, 1),
                )
            ]
        ) from None
    except OSError as exc:
        raise RuleDefinitionError(
            [Problem("WS106", f"cannot read file: {exc.strerror}", "check the path", Location(name, 1, 1))]
        ) from None
