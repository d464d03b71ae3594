"""Text to plain data: the rule files' safe YAML loader (locations kept) or strict JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from .._errors import Location, Problem, RuleDefinitionError
from .._load import MAX_FILE_BYTES, LoadedYaml, load_yaml_text
from .errors import InputError, InputProblem, Lang

__all__ = ["MAX_BYTES", "Parsed", "parse_json", "parse_text", "parse_yaml"]

#: Largest input document accepted, in bytes (the rule files' limit).
MAX_BYTES = MAX_FILE_BYTES
_ZH_TITLES = {
    "WS101": "YAML 语法错误",
    "WS102": "键重复",
    "WS103": "不允许使用 YAML 锚点、别名和标签",
    "WS104": "文件过大或节点过多",
    "WS105": "嵌套层级过深",
    "WS203": "值无效",
}
_ZH_HINTS = {
    "WS101": "请修正此处的 YAML 语法",
    "WS102": "删除或改名其中一个键，否则后一个值会覆盖前一个",
    "WS103": "请把值完整写出",
    "WS104": "请拆分为较小的文件",
    "WS105": "请减少嵌套层级",
    "WS203": "请填写有效的值（日期须为真实存在的日期）",
}
_EN_HINTS = {
    "WS102": "remove or rename one of the two keys; otherwise the second value would win",
    "WS203": "write a valid value: a date must exist, as YYYY-MM-DD",
}
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:\s")
_QUOTED = re.compile(r"'([^']*)'")


@dataclass(frozen=True)
class Parsed:
    """A parsed document and, for YAML, where each of its values stands.

    Attributes:
        data: The document as plain data.
        loaded: The YAML loader's locations (``None`` for JSON).
    """

    data: Any
    loaded: LoadedYaml | None = None

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> Location | None:
        """Line and column of the value (or key) at ``path``, or its nearest ancestor; ``None`` for JSON."""
        return None if self.loaded is None else self.loaded.locate(path, key=key)


def parse_text(text: str, source: str, *, json_document: bool, lang: Lang = "en") -> Parsed:
    """Parse one document, YAML or JSON.

    Raises:
        InputError: On a syntax error, a duplicate key, an alias, a tag, too much nesting or too many nodes.
    """
    return parse_json(text, source, lang) if json_document else parse_yaml(text, source, lang)


def parse_yaml(text: str, source: str, lang: Lang = "en") -> Parsed:
    """Parse YAML with the loader rule files use (duplicate keys refused, locations kept, limits enforced)."""
    try:
        loaded = load_yaml_text(text, source)
    except RuleDefinitionError as exc:
        raise _from_rule_error(exc, source, lang, text) from None
    except RecursionError:
        raise _too_deep(source, lang) from None
    return Parsed(loaded.data, loaded)


def _from_rule_error(exc: RuleDefinitionError, source: str, lang: Lang, text: str) -> InputError:
    problems = [replace(_translate(p, lang), field=_key_at(text, p.location)) for p in exc.problems]
    return InputError(source, problems[0].message, problems, lang=lang)


def _key_at(text: str, location: Location | None) -> str:
    """The mapping key written on the line of a scalar error (the loader stops before it knows the path)."""
    if location is None:
        return ""
    lines = text.splitlines()
    line = lines[location.line - 1] if 0 < location.line <= len(lines) else ""
    match = _KEY.match(line)
    return match.group(1) if match and match.end() <= location.column else ""


def _translate(problem: Problem, lang: Lang) -> InputProblem:
    if lang == "en":
        hint = _EN_HINTS.get(problem.code, problem.hint.replace("the rule set", "the document"))
        return InputProblem(problem.message, location=problem.location, hint=hint)
    title = _ZH_TITLES.get(problem.code, "文档无效")
    quoted = _QUOTED.search(problem.message)
    detail = f"：{quoted.group(1)}" if quoted and problem.code in ("WS102", "WS203") else ""
    return InputProblem(f"{title}{detail}", location=problem.location, hint=_ZH_HINTS.get(problem.code, ""))


def _too_deep(source: str, lang: Lang) -> InputError:
    return InputError(source, "文档嵌套层级过深" if lang == "zh" else "document nested too deeply", lang=lang)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a finite number")


def parse_json(text: str, source: str, lang: Lang = "en") -> Parsed:
    """Parse strict JSON: duplicate keys and NaN/Infinity refused, decimals kept exact."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_float=Decimal, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        where = Location(source, exc.lineno, exc.colno)
        head = "JSON 语法错误" if lang == "zh" else "JSON syntax error"
        message = f"{head}: {exc.msg}" if lang == "en" else head
        raise InputError(source, message, [InputProblem(exc.msg, location=where)], lang=lang) from None
    except _DuplicateKey as exc:
        message = f"键重复：{exc.key}" if lang == "zh" else f"duplicate key '{exc.key}'"
        hint = _ZH_HINTS["WS102"] if lang == "zh" else _EN_HINTS["WS102"]
        raise InputError(source, message, [InputProblem(message, hint=hint)], lang=lang) from None
    except ValueError as exc:
        raise InputError(source, str(exc), lang=lang) from None
    except RecursionError:
        raise _too_deep(source, lang) from None
    return Parsed(data)
