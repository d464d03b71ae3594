"""One document from a file or from text: size checked, decoded, parsed and validated."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .decode import decode
from .errors import InputError, Lang
from .models import validate
from .parse import MAX_BYTES, Parsed, parse_text

if TYPE_CHECKING:
    from .._model import Application, Window

__all__ = [
    "DOCUMENT_SUFFIXES",
    "open_regular",
    "read_application",
    "read_bytes",
    "read_document",
    "read_window",
    "window_from_text",
]

#: File name endings of one-document files.
DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
_MESSAGES = {
    "zh": {
        "type": "不支持的文件类型“{suffix}”，请使用 .yaml、.yml 或 .json",
        "big": "文件大小 {size} 字节，超过上限 {limit} 字节",
        "read": "无法读取文件：{reason}",
        "kind": "不是普通文件（可能是文件夹、设备或管道）",
    },
    "en": {
        "type": "unsupported file type '{suffix}'; use .yaml, .yml or .json",
        "big": "file is {size} bytes, more than the limit of {limit}",
        "read": "cannot read the file: {reason}",
        "kind": "not a regular file (a folder, a device or a pipe)",
    },
}


def open_regular(path: Path, lang: Lang = "en", *, limit: int | None = MAX_BYTES) -> BinaryIO:
    """Open a regular file for reading in binary, its kind and size checked first.

    Args:
        path: The file.
        lang: Language of the error.
        limit: Largest size accepted, in bytes (``None``: any size, for files read line by line).

    Raises:
        InputError: When the file is missing, unreadable, not a regular file (a folder, a device such as
            ``/dev/zero``, a pipe) or larger than ``limit``.
    """
    text = _MESSAGES[lang]
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), text["kind"], lang=lang)
        if limit is not None and info.st_size > limit:
            raise InputError(str(path), text["big"].format(size=info.st_size, limit=limit), lang=lang)
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), text["read"].format(reason=exc.strerror or exc), lang=lang) from None


def read_bytes(path: Path, lang: Lang = "en", *, limit: int = MAX_BYTES) -> bytes:
    """Read a regular file whose size is checked before reading (devices, pipes and folders refused).

    Raises:
        InputError: When the file is missing, unreadable, not a regular file or larger than ``limit``.
    """
    with open_regular(path, lang, limit=limit) as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        message = _MESSAGES[lang]["big"].format(size=len(raw), limit=limit)
        raise InputError(str(path), message, lang=lang)
    return raw


def read_document(path: Path, lang: Lang = "en") -> Parsed:
    """Read one YAML or JSON document (by extension) as plain data with its locations.

    Raises:
        InputError: When the file cannot be read, is too large, is not UTF-8 (the likely encoding is
            named) or does not parse (duplicate keys, aliases and tags refused; line and column given).
    """
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise InputError(str(path), _MESSAGES[lang]["type"].format(suffix=suffix), lang=lang)
    text = decode(read_bytes(path, lang), str(path), lang)
    return parse_text(text, str(path), json_document=suffix == ".json", lang=lang)


def read_window(path: Path, lang: Lang = "en") -> Window:
    """Read and validate one window file.

    Raises:
        InputError: As :func:`read_document`, or one located problem per validation error.
    """
    from .._model import Window

    return validate(Window, read_document(path, lang), str(path), lang)


def read_application(path: Path, lang: Lang = "en") -> Application:
    """Read and validate one application (Annex 2 form).

    Raises:
        InputError: As :func:`read_window`.
    """
    from .._model import Application

    return validate(Application, read_document(path, lang), str(path), lang, what="application")


def window_from_text(
    text: str, source: str, lang: Lang = "en", *, json_document: bool | None = None
) -> Window:
    """Parse and validate one window given as text (JSON when it starts with ``{`` unless told).

    Raises:
        InputError: As :func:`read_window`.
    """
    from .._model import Window

    is_json = text.lstrip().startswith("{") if json_document is None else json_document
    return validate(Window, parse_text(text, source, json_document=is_json, lang=lang), source, lang)
