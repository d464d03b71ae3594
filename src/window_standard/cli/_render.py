"""Plain-text rendering shared by the commands: aligned tables that stay aligned with Chinese text.

Chinese characters take two terminal columns; every width here is a *display* width
(:func:`display_width`), so columns line up in a terminal without any rich-text dependency.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # annotations only: rendering needs no library module imported at start-up
    from .._model import Window
    from .._result import CriterionResult, Result
    from .._standard import Standard
    from .._template import Lang as Code

__all__ = [
    "DISTRICTS",
    "Lang",
    "code",
    "display_width",
    "district_label",
    "footer",
    "pad",
    "points_text",
    "render_result",
    "status_label",
    "table",
    "word",
    "wrap",
]


class Lang(StrEnum):
    """Output language of a command (``--lang``)."""

    zh = "zh"
    en = "en"


#: County-level divisions of Chengdu (and functional zones), including later changes and 简阳市.
DISTRICTS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "510104": ("锦江区", "Jinjiang"),
        "510105": ("青羊区", "Qingyang"),
        "510106": ("金牛区", "Jinniu"),
        "510107": ("武侯区", "Wuhou"),
        "510108": ("成华区", "Chenghua"),
        "510112": ("龙泉驿区", "Longquanyi"),
        "510113": ("青白江区", "Qingbaijiang"),
        "510114": ("新都区", "Xindu"),
        "510115": ("温江区", "Wenjiang"),
        "510116": ("双流区", "Shuangliu District"),
        "510117": ("郫都区", "Pidu"),
        "510118": ("新津区", "Xinjin District"),
        "510121": ("金堂县", "Jintang"),
        "510122": ("双流县", "Shuangliu County"),
        "510124": ("郫县", "Pi County"),
        "510129": ("大邑县", "Dayi"),
        "510131": ("蒲江县", "Pujiang"),
        "510132": ("新津县", "Xinjin County"),
        "510181": ("都江堰市", "Dujiangyan"),
        "510182": ("彭州市", "Pengzhou"),
        "510183": ("邛崃市", "Qionglai"),
        "510184": ("崇州市", "Chongzhou"),
        "510185": ("简阳市", "Jianyang"),
        "gaoxin": ("高新区", "Hi-tech Zone"),
        "tianfu": ("天府新区", "Tianfu New Area"),
        "dongbu": ("东部新区", "Eastern New Area"),
    }
)

_STATUS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "pass": ("符合", "met"),
        "partial": ("部分符合", "partly met"),
        "fail": ("不符合", "not met"),
        "not_applicable": ("不适用", "n/a"),
        "no_data": ("无数据", "no data"),
    }
)
_VETO_STATUS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"pass": ("未触发", "not fired"), "fail": ("触发否决", "FIRED")}
)
_BONUS_STATUS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"pass": ("获得加分", "earned"), "fail": ("未获加分", "not earned")}
)
_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "window": ("窗口", "Window"),
        "file": ("文件", "File"),
        "district": ("区(市)县", "District"),
        "level": ("等级", "Level"),
        "score": ("得分", "Score"),
        "detail": (
            "适用条目得分 {raw} / {raw_max}，加分 {bonus}",
            "applicable criteria {raw} / {raw_max}, bonus {bonus}",
        ),
        "category": ("类别", "Category"),
        "criterion": ("条目", "Criterion"),
        "status": ("状态", "Status"),
        "points": ("得分/满分", "Points"),
        "explanation": ("说明", "Explanation"),
        "title": ("名称", "Title"),
        "vetoes": ("一票否决", "Vetoes fired"),
        "gates": ("未满足的前提条件", "Prerequisites failed"),
        "none": ("无", "none"),
        "rectify": ("整改清单", "Rectification list"),
        "ruleset": ("规则集", "Rule set"),
        "digest": ("摘要", "digest"),
        "note": (
            "注意：本规则集为重构版本，并非官方标准。",
            "Note: this rule set is a reconstruction, not the official standard.",
        ),
    }
)
_COLON = {"zh": "：", "en": ": "}


def code(lang: Lang) -> Code:
    """The library's language code (``"zh"`` or ``"en"``) of an output language."""
    return "zh" if lang == Lang.zh else "en"


def word(key: str, lang: Lang) -> str:
    """A fixed UI word in one language."""
    zh, en = _WORDS[key]
    return zh if lang == Lang.zh else en


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: wide and full-width characters count two, combining marks zero."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """Pad ``text`` with spaces to ``width`` display columns."""
    fill = " " * max(0, width - display_width(text))
    return text + fill if align == "left" else fill + text


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = (), indent: str = ""
) -> list[str]:
    """Lines of an aligned table: a header, a rule, then the rows (a left-aligned last column is not padded).

    Args:
        headers: Column titles.
        rows: Cells, one sequence per row, as many as headers.
        right: Indices of right-aligned columns.
        indent: Prefix of every line.
    """
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    last = len(headers) - 1

    def line(cells: Sequence[str]) -> str:
        parts = [
            pad(cell, widths[i], "right") if i in right else cell if i == last else pad(cell, widths[i])
            for i, cell in enumerate(cells)
        ]
        return (indent + "  ".join(parts)).rstrip()

    rules = [*widths[:-1], max(display_width(headers[-1]), min(widths[-1], 64))]
    return [line(headers), indent + "  ".join("-" * w for w in rules), *(line(r) for r in rows)]


def wrap(text: str, width: int = 100) -> list[str]:
    """Wrap text to ``width`` display columns: Latin words stay whole, Chinese breaks between characters."""
    tokens: list[str] = []
    for char in text:
        if char.isspace():
            if tokens and tokens[-1] != " ":
                tokens.append(" ")
        elif display_width(char) == 1 and tokens and tokens[-1] != " " and display_width(tokens[-1][-1]) == 1:
            tokens[-1] += char
        else:
            tokens.append(char)
    lines: list[str] = []
    current = ""
    for token in tokens:
        if current and display_width(current + token) > width:
            lines.append(current.rstrip())
            current = "" if token == " " else token
        else:
            current += token
    return [*lines, current.rstrip()]


def district_label(code: str, lang: Lang) -> str:
    """A district code with its name when known: ``青羊区 510105``."""
    names = DISTRICTS.get(code)
    if names is None:
        return code
    name = names[0] if lang == Lang.zh else names[1]
    return f"{name} {code}" if code[0].isdigit() else name


def status_label(criterion: CriterionResult, lang: Lang) -> str:
    """The status of a criterion in words (a veto's ``fail`` reads as "fired", a bonus's as "not earned")."""
    special = {"veto": _VETO_STATUS, "bonus": _BONUS_STATUS}.get(criterion.kind, _STATUS)
    table_ = special if criterion.status in special else _STATUS
    zh, en = table_[criterion.status]
    return zh if lang == Lang.zh else en


def points_text(criterion: CriterionResult) -> str:
    """``1.50/2.00`` for scored and bonus criteria, ``—/3.00`` when not applicable, empty for gates."""
    if criterion.max_points is None:
        return ""
    got = "—" if criterion.points is None else str(criterion.points)
    return f"{got}/{criterion.max_points}"


def render_result(
    result: Result, window: Window, lang: Lang, *, explain: bool = True, file: str | None = None
) -> list[str]:
    """The per-window block of ``evaluate``: identity, level, score, categories, criteria, rectifications."""
    colon = _COLON[lang]
    lines = [f"== {word('window', lang)} {result.window_id} {window.name} =="]
    if file is not None:
        lines.append(f"{word('file', lang)}{colon}{file}")
    lines.append(f"{word('district', lang)}{colon}{district_label(window.district, lang)}")
    title = result.level_title
    lines.append(f"{word('level', lang)}{colon}{title.zh} / {title.en} ({result.level})")
    detail = word("detail", lang).format(raw=result.raw_score, raw_max=result.raw_max, bonus=result.bonus)
    lines.append(f"{word('score', lang)}{colon}{result.score} / {result.max_score} ({detail})")
    lines.append("")
    categories = [
        [f"{c.id} {c.title.get(code(lang))}", f"{c.score}/{c.max_score}"] for c in result.categories.values()
    ]
    lines += table([word("category", lang), word("points", lang)], categories, right=(1,))
    lines.append("")
    last = word("explanation", lang) if explain else word("title", lang)
    rows = [
        [
            c.id,
            status_label(c, lang),
            points_text(c),
            c.explain(code(lang)) if explain else c.title.get(code(lang)),
        ]
        for c in result.criteria.values()
    ]
    headers = [word("criterion", lang), word("status", lang), word("points", lang), last]
    lines += table(headers, rows, right=(2,))
    lines.append("")
    none = word("none", lang)
    lines.append(f"{word('vetoes', lang)}{colon}{', '.join(result.vetoes) or none}")
    lines.append(f"{word('gates', lang)}{colon}{', '.join(result.prerequisites) or none}")
    items = result.rectifications()
    lines.append(f"{word('rectify', lang)}{colon}{'' if items else none}".rstrip())
    lines += [f"  {n}. {item.describe(code(lang))}" for n, item in enumerate(items, 1)]
    return lines


def footer(standard: Standard, lang: Lang) -> list[str]:
    """The closing lines: the rule set (id, version, 12-character digest) and, if reconstructed, a warning."""
    colon = _COLON[lang]
    stamp = f"{standard.id} {standard.version} ({word('digest', lang)} {standard.digest[:12]})"
    lines = [f"{word('ruleset', lang)}{colon}{stamp}"]
    disclaimer = standard.disclaimer
    if standard.provenance == "reconstructed":
        lines.append(word("note", lang))
        if disclaimer is not None:
            lines += wrap(disclaimer.get(code(lang)))
    return lines
