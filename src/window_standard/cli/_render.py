"""Plain-text rendering shared by the commands: aligned tables that stay aligned with Chinese text.

Chinese characters take two terminal columns; every width here is a *display* width
(:func:`display_width`), so columns line up in a terminal without any rich-text dependency.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from .._vocab import COLON, status_word
from .._vocab import Lang as Code
from .._vocab import word as vocab_word

if TYPE_CHECKING:  # annotations only: rendering needs no library module imported at start-up
    from .._model import Window
    from .._result import CriterionResult, Result
    from .._standard import Standard

__all__ = [
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


def code(lang: Lang) -> Code:
    """The library's language code (``"zh"`` or ``"en"``) of an output language."""
    return "zh" if lang == Lang.zh else "en"


def word(key: str, lang: Lang) -> str:
    """A fixed word of the vocabulary (:data:`window_standard._vocab.WORDS`) in a command's language."""
    return vocab_word(key, code(lang))


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


def district_label(standard: Standard, district: str, lang: Lang) -> str:
    """A district with the standard's name for it: ``青羊区 510105``, ``成都高新区``; unnamed: the code."""
    from .._districts import district_name  # the rule set's data: read when a name is shown

    name = district_name(standard.spec, district, code(lang))
    if name is None:
        return district
    return f"{name} {district}" if district[:1].isdigit() else name


def status_label(criterion: CriterionResult, lang: Lang) -> str:
    """The status of a criterion in words (a veto's ``fail`` reads "veto applies", a bonus's "not earned")."""
    kind = criterion.kind
    return status_word(criterion.status, code(lang), veto=kind == "veto", bonus=kind == "bonus")


def points_text(criterion: CriterionResult) -> str:
    """``1.50/2.00`` for scored and bonus criteria, ``—/3.00`` when not applicable, empty for gates."""
    if criterion.max_points is None:
        return ""
    got = "—" if criterion.points is None else str(criterion.points)
    return f"{got}/{criterion.max_points}"


def render_result(
    result: Result,
    window: Window,
    lang: Lang,
    *,
    standard: Standard,
    explain: bool = True,
    file: str | None = None,
) -> list[str]:
    """The per-window block of ``evaluate``: identity, level, score, categories, criteria, rectifications.

    ``standard`` is the one that produced ``result``; it names the window's district.
    """
    colon = COLON[code(lang)]
    lines = [f"== {word('window', lang)} {result.window_id} {window.name} =="]
    if file is not None:
        lines.append(f"{word('file', lang)}{colon}{file}")
    lines.append(f"{word('district', lang)}{colon}{district_label(standard, window.district, lang)}")
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
    colon = COLON[code(lang)]
    stamp = f"{standard.id} {standard.version} ({word('digest', lang)} {standard.digest[:12]})"
    lines = [f"{word('ruleset', lang)}{colon}{stamp}"]
    disclaimer = standard.disclaimer
    if standard.provenance == "reconstructed":
        lines.append(word("note", lang))
        if disclaimer is not None:
            lines += wrap(disclaimer.get(code(lang)))
    return lines
