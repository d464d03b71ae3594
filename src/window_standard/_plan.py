"""The rectification plan (整改方案): the least-effort set of fixes that reaches a level, computed exactly.

A plan reads only a :class:`~window_standard._result.Result`. Failed prerequisites and fired vetoes are
hard constraints: each must be cleared (its effort counts), and one marked ``rectifiable: false`` in the
rule files makes the target unreachable. The other fixes are the lost points of applicable scored criteria
and the unearned bonuses; choosing among them is a small 0/1 knapsack: the smallest total effort whose
points lift the normalised total (:func:`~window_standard._numbers.normalised_total`) to the target's
threshold. Ties are broken by the most points gained on the total, then on the criteria, then by the fewest
steps, then by the earliest criteria in rule-set order, so the plan is unique.

The search is a dynamic programme over ``(effort, bonus points)``: for each pair it keeps the best
``(raw points, -steps, rule-order mask)``. Those keys add up item by item, so keeping one best per pair is
exact (the total is monotone in the raw points for a fixed bonus).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ._base import FrozenModel
from ._numbers import DECIMAL_CONTEXT, ZERO_POINTS, normalised_total
from ._result import CriterionResult, LocalText, Result, Status
from ._vocab import Lang

__all__ = ["EFFORT_TEXT", "Plan", "PlanStep", "plan_for"]

#: The words for a fix's effort (1, 2, 3).
EFFORT_TEXT: dict[int, LocalText] = {
    1: LocalText(zh="低", en="low"),
    2: LocalText(zh="中", en="medium"),
    3: LocalText(zh="高", en="high"),
}

StepKind = Literal["prerequisite", "veto", "criterion", "bonus"]


class PlanStep(FrozenModel):
    """One step of a rectification plan.

    Attributes:
        id: The criterion, prerequisite or veto.
        kind: ``prerequisite`` or ``veto`` (cleared first), ``criterion`` (lost points) or ``bonus``.
        title: Its title.
        advice: What to do (the rule's advice).
        effort: 1 low, 2 medium, 3 high.
        status: Its status now.
        points: Points recovered on the criterion (None for prerequisites and vetoes).
        gain: Points this step adds to the normalised total, after the steps before it.
        total_after: The normalised total after this step.
    """

    id: str
    kind: StepKind
    title: LocalText
    advice: LocalText | None
    effort: int
    status: Status
    points: Decimal | None
    gain: Decimal
    total_after: Decimal

    def describe(self, lang: Lang = "zh") -> str:
        """One line for a printed plan."""
        effort = EFFORT_TEXT[self.effort].get(lang)
        if self.points is None:
            what = "须先满足" if self.kind == "prerequisite" else "须先消除"
            head = f"{what}（难度{effort}）" if lang == "zh" else f"clear first (effort {effort})"
        elif lang == "zh":
            head = f"总分 +{self.gain} → {self.total_after}（本项 +{self.points}，难度{effort}）"
        else:
            head = f"+{self.gain} on the total → {self.total_after} (+{self.points} here, effort {effort})"
        advice = f" — {self.advice.get(lang)}" if self.advice is not None else ""
        sep = "：" if lang == "zh" else ": "
        return f"{self.id} {self.title.get(lang)}{sep}{head}{advice}"


class Plan(FrozenModel):
    """A rectification plan: the steps, in order, from a result's total to a target level.

    Attributes:
        window_id: The window.
        target: The target level id.
        target_title: Its name.
        threshold: The total the target needs.
        score: The total now.
        level: The level now.
        reachable: Whether the steps reach the target (when False, ``obstacles`` say why).
        steps: Prerequisites and vetoes to clear, then the fixes chosen (empty when already there).
        effort: The total effort of the steps.
        score_after: The total after every step.
        obstacles: Why the target cannot be reached (empty when it can).
    """

    window_id: str
    target: str
    target_title: LocalText
    threshold: Decimal
    score: Decimal
    level: str
    reachable: bool
    steps: list[PlanStep]
    effort: int
    score_after: Decimal
    obstacles: list[LocalText]

    def explain(self, lang: Lang = "zh") -> str:
        """The plan as printed lines: the target, the steps, and the total after, or why not."""
        title = self.target_title.get(lang)
        if lang == "zh":
            lines = [f"整改方案：目标{title}（总分不低于 {self.threshold}），当前总分 {self.score}"]
        else:
            lines = [f"Plan: target {title} (a total of {self.threshold} or more), total now {self.score}"]
        lines += [f"  {n}. {step.describe(lang)}" for n, step in enumerate(self.steps, 1)]
        if not self.reachable:
            head = "无法达到目标：" if lang == "zh" else "The target cannot be reached: "
            lines += [f"  {head}{text.get(lang)}" for text in self.obstacles]
        elif not self.steps:
            lines.append("  已达到目标，无需整改" if lang == "zh" else "  Already there: nothing to fix")
        elif lang == "zh":
            lines.append(f"  完成后总分 {self.score_after}，难度合计 {self.effort}")
        else:
            lines.append(f"  Total after the plan: {self.score_after}; effort {self.effort} in all")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Option:
    """A fix that recovers points: its criterion, effort, and points in hundredths (raw or bonus)."""

    criterion: CriterionResult
    kind: StepKind
    cost: int
    raw_cents: int
    bonus_cents: int


def _cents(value: Decimal) -> int:
    return int(value.scaleb(2, DECIMAL_CONTEXT))


def _points(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2, DECIMAL_CONTEXT)


def options_of(result: Result) -> list[_Option]:
    """The fixes that recover points, in rule-set order (rectifiable criteria only)."""
    found: list[_Option] = []
    for c in result.criteria.values():
        if not c.rectifiable or c.status in ("pass", "not_applicable") or c.max_points is None:
            continue
        if c.kind == "scored" and c.lost_points > 0:
            found.append(_Option(c, "criterion", c.effort, _cents(c.lost_points), 0))
        elif c.kind == "bonus":
            missing = DECIMAL_CONTEXT.subtract(c.max_points, c.points or ZERO_POINTS)
            if missing > 0:
                found.append(_Option(c, "bonus", c.effort, 0, _cents(missing)))
    return found


def total_with(result: Result, raw_cents: int, bonus_cents: int) -> Decimal:
    """The normalised total of a result with some points recovered (hundredths, raw and bonus)."""
    raw = DECIMAL_CONTEXT.add(result.raw_score, _points(raw_cents))
    bonus = DECIMAL_CONTEXT.add(result.bonus, _points(bonus_cents))
    return normalised_total(result.max_score, raw, result.raw_max, bonus)


def best_choice(result: Result, options: list[_Option], threshold: Decimal) -> list[int] | None:
    """Positions in ``options`` of the least-effort choice reaching ``threshold`` (None: none does).

    See the module docstring for the order of ties.
    """
    n = len(options)
    states: dict[tuple[int, int], tuple[int, int, int]] = {(0, 0): (0, 0, 0)}
    for i, option in enumerate(options):
        weight = 1 << (n - 1 - i)
        for (cost, bonus), (raw, negative_steps, mask) in list(states.items()):
            state = (cost + option.cost, bonus + option.bonus_cents)
            candidate = (raw + option.raw_cents, negative_steps - 1, mask | weight)
            if candidate > states.get(state, (-1, 0, 0)):
                states[state] = candidate
    best: tuple[int, Decimal, int, int, int] | None = None
    for (cost, bonus), (raw, negative_steps, mask) in states.items():
        total = total_with(result, raw, bonus)
        if total < threshold:
            continue
        key = (cost, -total, -(raw + bonus), -negative_steps, -mask)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    mask = -best[4]
    return [i for i in range(n) if mask & (1 << (n - 1 - i))]


def plan_for(result: Result, target: str = "meets") -> Plan:
    """The rectification plan of a result (see :meth:`Result.plan`)."""
    levels = [lv.id for lv in result.levels]
    if not levels:
        raise ValueError(
            "this result carries no level thresholds (it was read from JSON written by an older version); "
            "evaluate the window again to plan"
        )
    if target not in levels[:-1]:
        raise ValueError(f"unknown target level {target!r}; choose one of: {', '.join(levels[:-1])}")
    goal = result.levels[levels.index(target)]
    threshold = goal.min_score
    if threshold is None:
        raise ValueError(f"level {target!r} has no threshold in force on {result.evaluated_on}")
    blockers = [result.criteria[cid] for cid in (*result.prerequisites, *result.vetoes)]
    steps = [_blocker_step(c, result.score) for c in blockers]
    obstacles = [_stuck(c) for c in blockers if not c.rectifiable]
    already = levels.index(result.level) <= levels.index(target)
    options = options_of(result)
    chosen = None if already else best_choice(result, options, threshold)
    if not already and chosen is None:  # even every fix falls short: show them all, and by how much
        chosen = list(range(len(options)))
        obstacles.append(_short_of(_after(result, options, chosen), threshold, goal.title))
    steps += _point_steps(result, [options[i] for i in chosen or []])
    return Plan(
        window_id=result.window_id,
        target=target,
        target_title=goal.title,
        threshold=threshold,
        score=result.score,
        level=result.level,
        reachable=not obstacles,
        steps=steps,
        effort=sum(step.effort for step in steps),
        score_after=steps[-1].total_after if steps else result.score,
        obstacles=obstacles,
    )


def _after(result: Result, options: list[_Option], chosen: list[int]) -> Decimal:
    raw = sum(options[i].raw_cents for i in chosen)
    return total_with(result, raw, sum(options[i].bonus_cents for i in chosen))


def _blocker_step(c: CriterionResult, total: Decimal) -> PlanStep:
    kind: StepKind = "veto" if c.kind == "veto" else "prerequisite"
    return PlanStep(
        id=c.id,
        kind=kind,
        title=c.title,
        advice=c.advice,
        effort=c.effort,
        status=c.status,
        points=None,
        gain=ZERO_POINTS,
        total_after=total,
    )


def _point_steps(result: Result, chosen: list[_Option]) -> list[PlanStep]:
    """The chosen fixes as steps, cheapest first, then most points, then by id; totals accumulate."""
    ordered = sorted(chosen, key=lambda o: (o.cost, -(o.raw_cents + o.bonus_cents), o.criterion.id))
    steps: list[PlanStep] = []
    raw = bonus = 0
    before = result.score
    for option in ordered:
        raw, bonus = raw + option.raw_cents, bonus + option.bonus_cents
        after = total_with(result, raw, bonus)
        c = option.criterion
        steps.append(
            PlanStep(
                id=c.id,
                kind=option.kind,
                title=c.title,
                advice=c.advice,
                effort=c.effort,
                status=c.status,
                points=_points(option.raw_cents + option.bonus_cents),
                gain=DECIMAL_CONTEXT.subtract(after, before),
                total_after=after,
            )
        )
        before = after
    return steps


def _stuck(c: CriterionResult) -> LocalText:
    if c.kind == "veto":
        return LocalText(
            zh=f"一票否决项 {c.id}「{c.title.zh}」已触发，活动期内无法消除",
            en=f"veto {c.id} ({c.title.en}) applies and cannot be undone within the period",
        )
    return LocalText(
        zh=f"前提条件 {c.id}「{c.title.zh}」未满足，活动期内无法整改",
        en=f"prerequisite {c.id} ({c.title.en}) is not met and cannot be put right within the period",
    )


def _short_of(best: Decimal, threshold: Decimal, title: LocalText) -> LocalText:
    return LocalText(
        zh=f"即使完成全部可整改项，总分最高为 {best}，低于{title.zh}所需的 {threshold} 分",
        en=f"even with every fix the total reaches at most {best}, below the {threshold} that "
        f"{title.en.lower()} needs",
    )
