"""Lint checks of one compiled criterion, by abstract interpretation of its typed trees.

- the score's range before clamping against ``[0, points]`` (WL201-WL204);
- numeric comparisons that can never be true or are always true (WL211, WL212);
- a condition or ``applies_when`` that is constant (WL221, WL222), also when analysed kind by kind;
- an ``applies_when`` false for every window kind (WL231).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from .._check import CheckedCriterion
from .._errors import Location
from .._expr import nodes as n
from .._expr.types import field_type
from .analyse import Analyser
from .domain import INF, Abstract, Num
from .findings import Finding, make
from .show import show, show_number

__all__ = ["lint_criterion"]


class _CriterionLint:
    def __init__(self, rule: CheckedCriterion, root: type[BaseModel], params: Mapping[str, Abstract]) -> None:
        self.rule = rule
        self.root = root
        self.params = params
        self.id = rule.spec.id
        self.findings: list[Finding] = []

    def analyser(self) -> Analyser:
        lets = {k.split(".", 1)[1]: v for k, v in self.rule.trees.items() if k.startswith("let.")}
        return Analyser(self.root, self.params, self.rule.spec.points, let_trees=lets)

    def values(self, analyser: Analyser) -> dict[str, Abstract]:
        """Analyse every tree in order (lets first), returning the abstract value of each."""
        found: dict[str, Abstract] = {}
        for key, tree in self.rule.trees.items():
            found[key] = analyser.value(tree)
            if key.startswith("let."):
                analyser.lets[key.split(".", 1)[1]] = found[key]
        return found

    def run(self, locate: Mapping[str, Location | None]) -> list[Finding]:
        analyser = self.analyser()
        values = self.values(analyser)
        flagged = self.comparisons(analyser, locate)
        if "score" in values:
            self.score(values["score"], locate.get("score"))
        per_kind = self.per_kind()
        for key in ("condition", "applies_when"):
            if key in values and key not in flagged:
                self.constant(key, values[key], per_kind.get(key), locate.get(key))
        return self.findings

    def per_kind(self) -> dict[str, frozenset[bool]]:
        """The truth values of the condition and ``applies_when`` over all window kinds.

        Each kind is analysed with ``kind`` fixed, which sees through tests that contradict each other on
        the kind (``kind == "a" and kind == "b"``).
        """
        kind = self.root.model_fields.get("kind")
        typ = field_type(kind.annotation) if kind is not None else None
        if typ is None or typ.kind != "enum" or typ.enum is None:
            return {}
        found: dict[str, frozenset[bool]] = {}
        for member in typ.enum:
            analyser = self.analyser()
            with analyser.assuming(0, ("kind",), member.value):
                values = self.values(analyser)
            for key in ("condition", "applies_when"):
                value = values.get(key)
                truth = value if isinstance(value, frozenset) else frozenset({True, False})
                found[key] = found.get(key, frozenset()) | truth
        return found

    def score(self, value: Abstract, where: Location | None) -> None:
        if not isinstance(value, Num) or self.rule.spec.points is None:
            return
        points = show_number(self.rule.spec.points)
        high = show_number(value.hi)
        if value.hi <= 0:
            self.add(
                "WL204",
                f"{self.id}: the score can never be above 0 (it is at most {high})",
                "the criterion can never earn points: check the signs and the deductions",
                where,
            )
            return
        if value.hi < self.rule.spec.points:
            self.add(
                "WL203",
                f"{self.id}: the score can never reach full points: it is at most {high}, below {points}",
                "make full marks reachable, or lower the criterion's points",
                where,
            )
        elif value.hi > self.rule.spec.points:
            self.add(
                "WL201",
                f"{self.id}: the score can exceed its {points} points before clamping "
                + ("(it has no upper bound)" if value.hi == INF else f"(up to {high})"),
                "clamping makes this safe; write min(points, ...) to say so",
                where,
            )
        if value.lo < 0:
            self.add(
                "WL202",
                f"{self.id}: the score can go below 0 before clamping "
                + ("(it has no lower bound)" if value.lo == -INF else f"(down to {show_number(value.lo)})"),
                "clamping makes this safe (扣完为止); write max(0, ...) to say so",
                where,
            )

    def comparisons(self, analyser: Analyser, locate: Mapping[str, Location | None]) -> set[str]:
        """Report numeric comparisons with one outcome; return the tree keys they were found in."""
        flagged: set[str] = set()
        for key, tree in self.rule.trees.items():
            for node in n.walk(tree):
                seen = analyser.comparisons.get(id(node))
                if seen is None or len(seen[1]) != 1:
                    continue
                flagged.add(key)
                compare = seen[0]
                sides = self.sides(analyser, compare)
                if seen[1] == frozenset({False}):
                    self.add(
                        "WL211",
                        f"{self.id}.{key}: `{show(compare)}` can never be true ({sides})",
                        "the threshold is out of reach: check the number and the operator",
                        locate.get(key),
                    )
                else:
                    self.add(
                        "WL212",
                        f"{self.id}.{key}: `{show(compare)}` is always true when there is data ({sides})",
                        "the test decides nothing: check the number and the operator",
                        locate.get(key),
                    )
        return flagged

    def sides(self, analyser: Analyser, compare: n.Compare) -> str:
        parts = []
        for side in (compare.left, compare.right):
            value = analyser.value(side)
            if isinstance(value, Num) and not isinstance(side, n.Const):
                span = (
                    show_number(value.lo)
                    if value.lo == value.hi
                    else f"from {show_number(value.lo)} to {show_number(value.hi)}"
                )
                parts.append(f"{show(side)} is {span}")
        return "; ".join(parts) if parts else "both sides are constant"

    def constant(
        self, key: str, value: Abstract, per_kind: frozenset[bool] | None, where: Location | None
    ) -> None:
        """Report a condition or ``applies_when`` with one possible truth value."""
        if isinstance(value, frozenset) and len(value) == 1:
            suffix = ""
        elif per_kind is not None and len(per_kind) == 1:
            value, suffix = per_kind, " for every window kind"
        else:
            return
        (truth,) = value
        if key == "applies_when" and truth:
            self.add(
                "WL222",
                f"{self.id}.applies_when is always true{suffix}",
                "remove applies_when: the criterion always applies",
                where,
            )
        elif key == "applies_when" and suffix:
            self.add(
                "WL231",
                f"{self.id}.applies_when excludes every window kind: the criterion never applies",
                "check the kinds it names (and/or)",
                where,
            )
        else:
            what = "the criterion never applies" if key == "applies_when" else "it decides nothing"
            self.add(
                "WL221",
                f"{self.id}.{key} is always {str(truth).lower()}{suffix}: {what}",
                "the test does not depend on the window: check it",
                where,
            )

    def add(self, code: str, message: str, hint: str, where: Location | None) -> None:
        self.findings.append(make(code, message, hint, where))


def lint_criterion(
    rule: CheckedCriterion,
    root: type[BaseModel],
    params: Mapping[str, Abstract],
    locate: Mapping[str, Location | None],
) -> list[Finding]:
    """Lint one compiled criterion.

    Args:
        rule: The criterion, with its typed trees.
        root: The window model class.
        params: The abstract value of each parameter (the hull of its dated values).
        locate: Where each tree (``score``, ``condition``, ``applies_when``, ``let.NAME``) is written.
    """
    return _CriterionLint(rule, root, params).run(locate)
