"""What checking produces: :class:`CheckedRule` and :class:`CheckedCriterion` — typed trees, no code.

These are plain frozen values that engines translate (:mod:`window_standard._engine`); see
:mod:`window_standard._check` for how they are made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal

from ._errors import Location
from ._expr import nodes as n
from ._spec import CriterionSpec, PartSpec, RequiresSpec, Text
from ._template import Template
from ._vocab import Lang

__all__ = ["CheckedCriterion", "CheckedPart", "CheckedRule", "RuleText"]


@dataclass(frozen=True)
class RuleText:
    """The expressions of one rule as written, whatever kind of rule file it comes from.

    Attributes:
        id: The rule's id.
        let: Named intermediate expressions, in order.
        applies_when: When false the rule does not apply.
        score: A number of points (scored and bonus criteria).
        condition: An all-or-nothing test (gates, vetoes, campaign checks).
        explain: Explanation templates, zh and en.
        points: The rule's maximum (``points`` in expressions), if it has one.
        parts: The parts of a composite criterion (``parts:``), else empty.
        requires: What the rule needs to be assessed (false or no data: the rule is no data).
        explain_no_data: The sentence when the rule has no data.
        explain_not_applicable: The sentence when the rule does not apply.
    """

    id: str
    let: Mapping[str, str]
    applies_when: str | None
    score: str | None
    condition: str | None
    explain: Text | None
    points: Decimal | None = None
    parts: tuple[PartSpec, ...] = ()
    requires: RequiresSpec | None = None
    explain_no_data: Text | None = None
    explain_not_applicable: Text | None = None

    @classmethod
    def of(cls, spec: CriterionSpec) -> RuleText:
        """The expressions of a criterion."""
        return cls(
            spec.id,
            spec.let,
            spec.applies_when,
            spec.score,
            spec.condition,
            spec.explain,
            spec.points,
            tuple(spec.parts or ()),
            spec.requires,
            spec.explain_no_data,
            spec.explain_not_applicable,
        )


@dataclass(frozen=True)
class CheckedPart:
    """One part of a composite criterion.

    Its test is the ``let`` binding named :attr:`id` of the criterion (a bool, None for no data); the
    criterion's ``score`` tree adds the points of the parts whose test is true, counts an unknown part as 0,
    and is no data only when every part is unknown.

    Attributes:
        id: The part's name (also the name of its ``let`` binding).
        title: Its title.
        points: The points it earns when its test holds.
        templates: Its parsed explanation templates by language.
    """

    id: str
    title: Text
    points: Decimal
    templates: Mapping[Lang, Template] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckedRule:
    """A type-checked rule: typed trees, facts and templates; nothing executable.

    Attributes:
        id: The rule's id.
        points: The rule's maximum points (None for gates, vetoes and campaign rules).
        lets: ``let`` bindings in order, each with its typed tree.
        applies: The ``applies_when`` tree (None: always applies).
        main: The ``score`` tree (a number) or the ``condition`` tree (a bool).
        main_key: ``score`` or ``condition``.
        facts: The values the rule reads besides its lets (field paths, ``params.NAME``), as typed nodes.
        templates: Parsed explanation templates by language.
        location: Where the rule starts in its file.
        parts: The parts of a composite criterion (their tests are lets, ``main`` adds their points).
        special: Templates of special sentences by case, then language: ``no_data``, ``not_applicable``
            and ``unassessable`` (``requires`` false; its test is the let ``requires``).
    """

    id: str
    points: Decimal | None
    lets: tuple[tuple[str, n.Node], ...]
    applies: n.Node | None
    main: n.Node
    main_key: Literal["score", "condition"]
    facts: tuple[tuple[str, n.Node], ...]
    templates: Mapping[Lang, Template] = field(default_factory=dict)
    location: Location | None = None
    parts: tuple[CheckedPart, ...] = ()
    special: Mapping[str, Mapping[Lang, Template]] = field(default_factory=dict)

    @cached_property
    def fact_names(self) -> tuple[str, ...]:
        """Names of every fact in order: the let names, then field paths and ``params.NAME``."""
        return (*(name for name, _ in self.lets), *(name for name, _ in self.facts))

    @cached_property
    def trees(self) -> dict[str, n.Node]:
        """Every typed tree by key: ``let.NAME``, ``applies_when``, then ``score`` or ``condition``."""
        found = {f"let.{name}": node for name, node in self.lets}
        if self.applies is not None:
            found["applies_when"] = self.applies
        found[self.main_key] = self.main
        return found

    @property
    def scored(self) -> bool:
        """Whether the main tree is a score expression (rather than a test)."""
        return self.main_key == "score"


@dataclass(frozen=True, kw_only=True)
class CheckedCriterion(CheckedRule):
    """A checked criterion of a rule set, with the validated rule it came from.

    Attributes:
        spec: The criterion as validated from its rule file.
    """

    spec: CriterionSpec
