"""Plain data to a model: pydantic's errors as located problems with the received value and a suggestion."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import InputError, InputProblem, Lang
from .parse import Parsed

__all__ = ["field_path", "validate"]

M = TypeVar("M", bound=BaseModel)

_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能带小数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文本",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期，不含时间",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_max_places": "小数位数过多",
    "list_type": "应为列表",
    "model_type": "应为一组“字段: 值”",
    "dict_type": "应为一组“字段: 值”",
    "string_too_short": "不能为空",
    "string_too_long": "文字过长",
    "too_long": "项目过多",
    "string_pattern_mismatch": "格式不符合要求",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "enum": "不是允许的取值",
    "literal_error": "不是允许的取值",
}
_TITLE = {"zh": "不是有效的{what}（{n} 处错误）", "en": "not a valid {what} ({n} error{s})"}
_WHAT = {"zh": {"window": "窗口文档", "application": "申报材料"}, "en": {}}
_MEANT = {"zh": "是否想写 {name}？", "en": "did you mean '{name}'?"}
_RECEIVED = {"zh": "收到", "en": "received"}
_ASIDE = {"zh": "（{}）", "en": " ({})"}
_MAX_VALUE = 60


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("lei_feng", "activities", 2, "kind")`` as ``lei_feng.activities[2].kind``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def validate(model: type[M], parsed: Parsed, source: str, lang: Lang = "en", what: str = "window") -> M:
    """Validate parsed data against a model.

    Raises:
        InputError: One problem per validation error: field path, line:column (YAML), what is wrong, the
            received value and, for an unknown field, the nearest known name.
    """
    if not isinstance(parsed.data, dict):
        data = parsed.data
        kind = ("空文档" if lang == "zh" else "nothing") if data is None else type(data).__name__
        message = (
            f"文档应为一个{_WHAT['zh'].get(what, what)}（一组“字段: 值”），而不是 {kind}"
            if lang == "zh"
            else f"{_article(what)} document holds one {what} (a mapping of fields), not {_article(kind)}"
        )
        raise InputError(source, message, lang=lang)
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = [_problem(model, parsed, e, lang) for e in errors]
        n = len(errors)
        label = _WHAT[lang].get(what, what)
        raise InputError(
            source, _TITLE[lang].format(what=label, n=n, s="s" if n != 1 else ""), problems, lang=lang
        ) from None
    except RecursionError:
        raise InputError(source, "document nested too deeply", lang=lang) from None


def _article(kind: str) -> str:
    if kind == "nothing":
        return kind
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _problem(model: type[BaseModel], parsed: Parsed, error: Any, lang: Lang) -> InputProblem:
    loc = tuple(error["loc"])
    kind = str(error["type"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if lang == "zh":
        message = _zh_message(kind, error, message)
    hint = ""
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
        hint = _MEANT[lang].format(name=near[0]) if near else ""
    elif _worth_showing(kind, error, message):
        message += _ASIDE[lang].format(f"{_RECEIVED[lang]} {_shown(error['input'])}")
    location = parsed.locate(loc, key=kind == "extra_forbidden")
    return InputProblem(message, field_path(loc) or "(document)", location, hint)


def _worth_showing(kind: str, error: Any, message: str) -> bool:
    """Whether to append the received value (not for missing fields, nested data, or when already named)."""
    value = error.get("input")
    if kind == "missing" or "input" not in error or isinstance(value, (dict, list)):
        return False
    return str(value) not in message


def _zh_message(kind: str, error: Any, english: str) -> str:
    text = _ZH.get(kind)
    if text is None:
        return english
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error") and "expected" in ctx:
        return f"{text}，应为以下之一：{ctx['expected']}"
    for bound in ("ge", "le", "gt", "max_length", "min_length"):
        if bound in ctx:
            return f"{text}（限 {ctx[bound]}）"
    return text


def _shown(value: Any) -> str:
    text = (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the nested model at ``loc`` (list indexes skipped); [] when it is not a model."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _model_of(current.model_fields[part].annotation) if part in current.model_fields else None
        if current is None:
            return []
    return list(current.model_fields)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None
