"""Inputs to windows: a file, a folder (recursively), ``-`` (standard input) or JSON Lines.

:func:`iter_windows` yields ``(source, Window | InputError)`` pairs, one per window, in input order, so that a
batch reports a bad document with its source and goes on. :func:`reader_for` is the one place that picks a
reader by file name: new layouts (CSV, Excel) plug in there.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Union

from .decode import decode
from .documents import DOCUMENT_SUFFIXES, open_regular, read_window, window_from_text
from .errors import InputError, InputProblem, Lang
from .parse import MAX_BYTES

if TYPE_CHECKING:
    from .._model import Window

__all__ = ["Item", "Reader", "iter_windows", "reader_for"]

#: One window read, or why it could not be: ``(source, Window | InputError)``.
Item = tuple[str, Union["Window", InputError]]
#: A reader: a path and a language to the items of that file.
Reader = Callable[[Path, Lang], Iterator[Item]]
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
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _jsonl_file
    if suffix == ".xlsx":
        return _workbook
    return _document


def _document(path: Path, lang: Lang) -> Iterator[Item]:
    try:
        yield str(path), read_window(path, lang)
    except InputError as exc:
        yield str(path), exc


def _workbook(path: Path, lang: Lang) -> Iterator[Item]:
    """A filled scoring workbook (评分表, ``excel`` extra): one window per filled column."""
    try:
        from ..report import WorkbookError, read_workbook
    except ModuleNotFoundError:
        hint = 'pip install "window-standard[excel]"'
        message = (
            f"读取 .xlsx 需要 openpyxl：{hint}" if lang == "zh" else f"reading .xlsx needs openpyxl: {hint}"
        )
        yield str(path), InputError(str(path), message, lang=lang)
        return
    try:
        for source, item in read_workbook(path):
            if isinstance(item, WorkbookError):
                problems = [InputProblem(f"{cell}：{text}", field) for cell, field, text in item.problems]
                headline = f"{len(problems)} 处单元格错误" if lang == "zh" else f"{len(problems)} bad cell(s)"
                yield source, InputError(source, headline, problems, lang=lang)
            else:
                yield source, item
    except WorkbookError as exc:
        problems = [InputProblem(text, field) for _, field, text in exc.problems]
        headline = "不是评分表" if lang == "zh" else "not a scoring workbook"
        yield str(path), InputError(str(path), headline, problems, lang=lang)


def _folder(folder: Path, lang: Lang) -> Iterator[Item]:
    known = (*DOCUMENT_SUFFIXES, ".jsonl", ".xlsx")
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in known and not p.name.startswith("."))
    if not files:
        message = "文件夹中没有窗口文档" if lang == "zh" else "no window documents in the folder"
        yield str(folder), InputError(str(folder), message, lang=lang)
    for path in files:
        yield from reader_for(path)(path, lang)


def _jsonl_file(path: Path, lang: Lang) -> Iterator[Item]:
    """A JSON Lines file, read line by line (each line at most :data:`MAX_BYTES`; the file any size)."""
    try:
        handle = open_regular(path, lang, limit=None)
    except InputError as exc:
        yield str(path), exc
        return
    with handle:
        yield from _jsonl(_lines(handle), str(path), lang)


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary stream; ``None`` for a line longer than :data:`MAX_BYTES` (skipped unread)."""
    while True:
        line = handle.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drop the rest of the line, a chunk at a time
                line = handle.readline(MAX_BYTES)
            yield None
            continue
        yield line


def _jsonl(lines: Iterable[bytes | None], name: str, lang: Lang, first: int = 1) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=first):
        source = f"{name}:{number}"
        if raw is None:
            message = f"一行超过 {MAX_BYTES} 字节" if lang == "zh" else f"line longer than {MAX_BYTES} bytes"
            yield source, InputError(source, message, lang=lang)
            continue
        if not raw.strip():
            continue
        try:
            line = decode(raw, source, lang)
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
    """Standard input: JSON Lines when the first line is a whole JSON object, else one document."""
    stream: BinaryIO = sys.stdin.buffer
    lines = _lines(stream)
    head: list[bytes | None] = []
    for line in lines:
        head.append(line)
        if line is None or line.strip():
            break
    first = head[-1] if head else None
    if first is not None and _whole_object(first):
        yield from _jsonl(itertools.chain(head, lines), _STDIN, lang)
        return
    rest = stream.read(MAX_BYTES + 1)
    raw = b"".join(line or b"" for line in head) + rest
    try:
        if None in head or len(raw) > MAX_BYTES:
            message = "标准输入过大" if lang == "zh" else f"standard input larger than {MAX_BYTES} bytes"
            raise InputError(_STDIN, message, lang=lang)
        yield _STDIN, window_from_text(decode(raw, _STDIN, lang), _STDIN, lang)
    except InputError as exc:
        yield _STDIN, exc


def _whole_object(line: bytes) -> bool:
    """Whether one line is a complete JSON object (the first line of JSON Lines)."""
    text = line.strip()
    if not (text.startswith(b"{") and text.endswith(b"}")):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
