"""Reading and writing populations: a folder of YAML/JSON documents, JSON Lines, CSV or Excel.

:func:`read_windows` yields ``(source, Window | WindowReadError)`` for every window it finds, so one bad
row never hides the good ones; ``source`` names the file and the row or line, and an error names the
field (or the column) as well. CSV and Excel use the flat layout of :mod:`.flat`: the activities are in
``NAME.activities.csv`` beside ``NAME.csv``, or in the sheet ``activities`` beside the sheet ``windows``.
:func:`write_windows` writes the same layouts (what it writes, :func:`read_windows` reads back unchanged).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .flat import ACTIVITY_KEY, FlatLayoutError, activity_columns, columns, from_document, to_document

__all__ = ["WindowReadError", "activities_path", "read_windows", "write_windows"]

_DOCUMENTS = (".yaml", ".yml", ".json")


class WindowReadError(ValueError):
    """An input that is not a valid window: where it is, and what is wrong (field by field)."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source


def activities_path(path: Path) -> Path:
    """Where the activities of a CSV population are: ``NAME.activities.csv`` beside ``NAME.csv``."""
    return path.with_name(f"{path.stem}.activities.csv")


def _read_document(path: Path) -> Any:
    """One YAML or JSON document as plain data: the one place documents are parsed (safe YAML, limits).

    Raises:
        WindowReadError: When the file cannot be read or parsed.
    """
    from .._errors import WindowStandardError
    from .._load import load_yaml_file

    try:
        if path.suffix == ".json":
            return json.loads(path.read_text(encoding="utf-8"))
        return load_yaml_file(path).data
    except json.JSONDecodeError as exc:
        raise WindowReadError(str(path), f"JSON syntax error at line {exc.lineno}: {exc.msg}") from None
    except (OSError, UnicodeDecodeError, WindowStandardError) as exc:
        raise WindowReadError(str(path), str(exc)) from None


def _validated(source: str, data: Any) -> Any:
    from pydantic import ValidationError

    from .._model import Window

    try:
        return Window.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{'.'.join(str(p) for p in e['loc']) or '(window)'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        ]
        return WindowReadError(source, "not a valid window: " + "; ".join(lines))


def read_windows(path: str | Path) -> Iterator[tuple[str, Any]]:
    """The windows of a folder of YAML/JSON documents, a ``.jsonl``, ``.csv`` or ``.xlsx`` file.

    Yields:
        ``(source, window)`` or ``(source, WindowReadError)``, in file order.
    """
    where = Path(path)
    if where.is_dir():
        for file in sorted(p for p in where.iterdir() if p.suffix in _DOCUMENTS):
            try:
                yield str(file), _validated(str(file), _read_document(file))
            except WindowReadError as exc:
                yield str(file), exc
    elif where.suffix == ".jsonl":
        yield from _json_lines(where)
    elif where.suffix == ".csv":
        yield from _flat(str(where), *_csv_tables(where))
    elif where.suffix == ".xlsx":
        yield from _flat(str(where), *_excel_tables(where))
    elif where.suffix in _DOCUMENTS:
        try:
            yield str(where), _validated(str(where), _read_document(where))
        except WindowReadError as exc:
            yield str(where), exc
    else:
        raise ValueError(f"{where}: read_windows reads a folder, .jsonl, .csv, .xlsx, .yaml or .json")


def _json_lines(path: Path) -> Iterator[tuple[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield source, WindowReadError(source, f"JSON syntax error at column {exc.colno}: {exc.msg}")
                continue
            yield source, _validated(source, data)


Table = list[tuple[str, dict[str, Any]]]


def _csv_tables(path: Path) -> tuple[Table, Table]:
    def rows(file: Path) -> Table:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            return [(f"{file}:{n}", dict(r)) for n, r in enumerate(csv.DictReader(handle), start=2)]

    extra = activities_path(path)
    return rows(path), (rows(extra) if extra.exists() else [])


def _excel_tables(path: Path) -> tuple[Table, Table]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)

    def rows(name: str) -> Table:
        sheet = book[name]
        values = sheet.iter_rows(values_only=True)
        head = [str(h) for h in next(values, ())]
        return [(f"{path}:{name}!{n}", dict(zip(head, r, strict=False))) for n, r in enumerate(values, 2)]

    main = "windows" if "windows" in book.sheetnames else book.sheetnames[0]
    found = rows(main), (rows("activities") if "activities" in book.sheetnames else [])
    book.close()
    return found


def _flat(name: str, main: Table, activities: Table) -> Iterator[tuple[str, Any]]:
    by_window: dict[str, list[dict[str, Any]]] = {}
    for _, row in activities:
        by_window.setdefault(str(row.get(ACTIVITY_KEY)), []).append(row)
    for source, row in main:
        try:
            data = to_document(row, by_window.get(str(row.get("id")), []))
        except FlatLayoutError as exc:
            yield source, WindowReadError(source, str(exc))
            continue
        yield source, _validated(source, data)


def _text(value: Any) -> str:
    return "" if value is None else ("true" if value is True else "false" if value is False else str(value))


def write_windows(windows: Iterable[Any], path: str | Path) -> Path:
    """Write windows (``Window`` objects or documents) as a ``.csv``, ``.xlsx`` or ``.jsonl`` file.

    Returns:
        The path written (a CSV population also writes ``NAME.activities.csv``).
    """
    from .._model import Window

    where = Path(path)
    valid = [w if isinstance(w, Window) else Window.model_validate(w) for w in windows]
    if where.suffix == ".jsonl":
        with where.open("w", encoding="utf-8") as out:
            out.writelines(w.model_dump_json(exclude_none=True) + "\n" for w in valid)
        return where
    flat = [from_document(w) for w in valid]
    head = [c.name for c in columns()]
    activity_head = [ACTIVITY_KEY, *(c.name for c in activity_columns())]
    rows = [row for row, _ in flat]
    items = [a for _, acts in flat for a in acts]
    if where.suffix == ".csv":
        _write_csv(where, head, rows)
        _write_csv(activities_path(where), activity_head, items)
    elif where.suffix == ".xlsx":
        _write_excel(where, [("windows", head, rows), ("activities", activity_head, items)])
    else:
        raise ValueError(f"{where}: write_windows writes .csv, .xlsx or .jsonl")
    return where


def _write_csv(path: Path, head: list[str], rows: Sequence[Mapping[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(head)
        writer.writerows([_text(r.get(h)) for h in head] for r in rows)


def _write_excel(path: Path, sheets: list[tuple[str, list[str], list[dict[str, Any]]]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, head, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.append(head)
        for row in rows:
            sheet.append([_text(row.get(h)) if row.get(h) is not None else None for h in head])
    book.save(path)
