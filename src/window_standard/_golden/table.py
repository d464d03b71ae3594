"""The spec → rule → cases table of a rule set's README, generated from the rule files and golden cases.

The table sits in ``RULES_DIR/README.md`` between :data:`BEGIN` and :data:`END`. Regenerate it with::

    python -m window_standard._golden.table rules/cdpma-window-2013
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import load_standard
from .._numbers import decimal_text
from .._spec import CriterionSpec
from .load import load_cases
from .spec import GoldenCase

__all__ = ["BEGIN", "END", "REGENERATE", "coverage_table", "readme_table", "write_readme_table"]

BEGIN = "<!-- BEGIN GENERATED TABLE -->"
END = "<!-- END GENERATED TABLE -->"
#: The command that rewrites a README's table (``{rules_dir}`` is filled in).
REGENERATE = "PYTHONPATH=src python -m window_standard._golden.table {rules_dir}"

_HEADER = (
    "| id | kind / category | points | title (zh) | provenance | clause | cases |",
    "|---|---|---|---|---|---|---|",
)


def coverage_table(rules_dir: Path) -> str:
    """A Markdown table: one row per rule (file order) with the golden cases that assert something about it.

    Args:
        rules_dir: The edition folder (``standard.yaml``, ``criteria/``, ``cases/``).

    Raises:
        RuleDefinitionError: When rule files or case files are invalid.
    """
    standard = load_standard(path=rules_dir)
    cases = load_cases(rules_dir, standard.spec)
    rows = [_row(spec, cases) for spec in standard.spec.criteria]
    return "\n".join((*_HEADER, *rows))


def _row(spec: CriterionSpec, cases: tuple[GoldenCase, ...]) -> str:
    kind = spec.category if spec.kind == "scored" else spec.kind
    points = "—" if spec.points is None else decimal_text(spec.points)
    if spec.kind == "bonus":
        points = "+" + points
    provenance: str = spec.provenance
    if spec.threshold is not None and spec.threshold != spec.provenance:
        provenance += f" (threshold {spec.threshold})"
    covering = [case.name for case in cases if spec.id in case.targets]
    names = ", ".join(covering) if covering else "**none**"
    cells = (spec.id, kind or "", points, spec.title.zh, provenance, spec.source.clause or "—", names)
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def readme_table(readme: str) -> str | None:
    """The text between the markers of a README (without the marker lines), or None without markers."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        return None
    return readme[start + len(BEGIN) : end].strip("\n")


def write_readme_table(rules_dir: Path) -> bool:
    """Rewrite the generated table of ``rules_dir/README.md``; True when the file changed.

    Raises:
        ValueError: When the README has no markers.
    """
    readme = rules_dir / "README.md"
    text = readme.read_text(encoding="utf-8")
    if readme_table(text) is None:
        raise ValueError(f"{readme} has no '{BEGIN}' … '{END}' markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{coverage_table(rules_dir)}\n{END}{tail}"
    if new == text:
        return False
    readme.write_text(new, encoding="utf-8")
    return True


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m window_standard._golden.table RULES_DIR", file=sys.stderr)
        return 2
    changed = write_readme_table(Path(argv[0]))
    print(f"{Path(argv[0]) / 'README.md'}: {'table updated' if changed else 'table already up to date'}")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised by hand
    raise SystemExit(_main(sys.argv[1:]))
