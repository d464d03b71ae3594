"""Inputs to windows: a file, a folder (recursively), ``-`` (standard input) or JSON Lines.

:func:`iter_windows` yields ``(source, Window | InputError)`` pairs, one per window, in input order, so that a
batch reports a bad document with its source and goes on. :func:`reader_for` is the one place that picks a
reader by file name: new layouts (CSV, Excel) plug in there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .decode import decode
from .documents import DOCUMENT_SUFFIXES, read_bytes, read_window, window_from_text
from .errors import InputError, Lang

if TYPE_CHECKING:
    from .._model import Window

__all__ = ["BATCH_LIMIT", "Item", "Reader", "iter_windows", "reader_for"]

#: One window read, or why it could not be: ``(source, Window | InputError)``.
Item = tuple[str, Union["Window", InputError]]
#: A reader: a path and a language to the items of that file.
Reader = Callable[[Path, Lang], Iterator[Item]]
#: Largest batch file (JSON Lines, standard input) accepted, in bytes.
BATCH_LIMIT = 512 * 1024 * 1024
_STDIN = "<stdin>"


def iter_windows(inputs: Iterable[str | Path], lang: Lang = "en") -> Iterator[Item]:
    """Every window of the inputs, in order; a bad document is yielded as its :class:`InputError`.

    Args:
        inputs: Paths of files or folders, or ``-`` for standard input (YAML, JSON or JSON Lines).
        lang: Language of the error messages.
    """
    for item in inputs:
        if str(item) == "-":
            yield from _stdin(lang)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _folder(path, lang)
        else:
            yield from reader_for(path)(path, lang)


def reader_for(path: Path) -> Reader:
    """The reader for a file, by its name: JSON Lines, else one document (unknown endings are refused)."""
    if path.suffix.lower() == ".jsonl":
        return _jsonl_file
    return _document


def _document(path: Path, lang: Lang) -> Iterator[Item]:
    try:
        yield str(path), read_window(path, lang)
    except InputError as exc:
        yield str(path), exc


def _folder(folder: Path, lang: Lang) -> Iterator[Item]:
    known = (*DOCUMENT_SUFFIXES, ".jsonl")
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in known and not p.name.startswith("."))
    if not files:
        message = "文件夹中没有窗口文档" if lang == "zh" else "no window documents in the folder"
        yield str(folder), InputError(str(folder), message, lang=lang)
    for path in files:
        yield from reader_for(path)(path, lang)


def _jsonl_file(path: Path, lang: Lang) -> Iterator[Item]:
    try:
        text = decode(read_bytes(path, lang, limit=BATCH_LIMIT), str(path), lang)
    except InputError as exc:
        yield str(path), exc
        return
    yield from _jsonl(text, str(path), lang)


def _jsonl(text: str, name: str, lang: Lang) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        try:
            yield source, window_from_text(line, source, lang, json_document=True)
        except InputError as exc:
            yield source, _on_line(exc, number)


def _on_line(exc: InputError, number: int) -> InputError:
    """Problems of one JSON line, located on that line of the batch file."""
    problems = [
        replace(p, location=replace(p.location, line=number)) if p.location else p for p in exc.problems
    ]
    return replace(exc, problems=problems)


def _stdin(lang: Lang) -> Iterator[Item]:
    raw = sys.stdin.buffer.read(BATCH_LIMIT + 1)
    try:
        if len(raw) > BATCH_LIMIT:
            message = "标准输入过大" if lang == "zh" else f"standard input larger than {BATCH_LIMIT} bytes"
            raise InputError(_STDIN, message, lang=lang)
        text = decode(raw, _STDIN, lang)
    except InputError as exc:
        yield _STDIN, exc
        return
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines):
        yield from _jsonl(text, _STDIN, lang)
        return
    try:
        yield _STDIN, window_from_text(text, _STDIN, lang)
    except InputError as exc:
        yield _STDIN, exc
