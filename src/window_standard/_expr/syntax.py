"""The syntax side of the expression checker: operator tables, comments, positions and "did you mean".

These are the parts of :mod:`.check` that read the expression's text rather than its meaning.
"""

from __future__ import annotations

import ast
import difflib
import io
import tokenize
import unicodedata

__all__ = ["comment_start", "is_look_alike", "non_ascii_name"]

_ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARE = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}
_FORBIDDEN = {
    ast.Lambda: "lambda expressions",
    ast.Subscript: "subscripts (x[i])",
    ast.Slice: "slices",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "generator expressions",
    ast.JoinedStr: "f-strings",
    ast.FormattedValue: "f-strings",
    ast.NamedExpr: "assignment expressions (:=)",
    ast.Starred: "starred arguments",
    ast.Dict: "dict literals",
    ast.Await: "await",
}
_OPERATOR_NAMES = {
    ast.Pow: "'**' (power)",
    ast.FloorDiv: "'//'",
    ast.Mod: "'%'",
    ast.BitAnd: "'&'",
    ast.BitOr: "'|'",
    ast.BitXor: "'^'",
    ast.LShift: "'<<'",
    ast.RShift: "'>>'",
    ast.MatMult: "'@'",
    ast.Invert: "'~'",
}
_HINT_LANGUAGE = "see docs/rule-language.md for what expressions may contain"


def _blank_comments(source: str) -> str:
    """Replace each ``#`` comment by spaces, line by line.

    Lines are joined before parsing; without this a comment on one line of a multi-line expression would
    silently swallow every line after it. Blanking keeps offsets, so error columns stay exact.
    """
    lines = source.split("\n")
    for index, line in enumerate(lines):
        start = comment_start(line) if "#" in line else None
        if start is not None:
            lines[index] = line[:start] + " " * (len(line) - start)
    return "\n".join(lines)


def comment_start(line: str) -> int | None:
    """Column (0-based) where a ``#`` comment starts on one line of an expression, if it has one."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            if token.type == tokenize.COMMENT:
                return token.start[1]
    except (tokenize.TokenError, SyntaxError):
        pass  # an unbalanced bracket or string on this line; the parser reports it
    return None


def non_ascii_name(source: str) -> tuple[int, str] | None:
    """The offset and text of the first look-alike name (``ｓｔａｆｆ``), if there is one.

    Python folds names (NFKC) when it parses them, so a full-width or compatibility look-alike would
    silently mean another name; the rule language refuses them instead. Other non-ASCII names (``名字``)
    are left to the checker, which reports them as unknown.
    """
    if source.isascii():
        return None
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME and is_look_alike(token.string):
                return token.start[1], token.string
    except (tokenize.TokenError, SyntaxError):
        pass  # the parser reports what is wrong
    return None


def is_look_alike(name: str) -> bool:
    """Whether Python would read ``name`` as another name (its NFKC form differs)."""
    return not name.isascii() and unicodedata.normalize("NFKC", name) != name


def _position(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a 0-based character offset in ``source``."""
    before = source[: max(0, offset)]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def _suggest(name: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"known {what}: {', '.join(known[:12])}{' ...' if len(known) > 12 else ''}"
