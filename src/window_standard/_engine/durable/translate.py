"""Checked rules → durable-rules JSON rulesets: tests and branches in durable, numbers in Python.

Every test of a rule becomes two durable conditions, one that matches when the test is **true** and one
that matches when it is **false** ("dual rail"); when neither matches the test has no data. Missing values
are left out of the facts, and every comparison first requires its fields to exist (``$ex``), so durable's
missing-field semantics give exactly Kleene's three-valued logic::

    true(a and b) = true(a) and true(b)      false(a and b) = false(a) or false(b)
    true(not a)   = false(a)
    true(x < 3)   = x exists and x < 3       false(x < 3) = x exists and x >= 3

What durable cannot compute — aggregates (``count``, ``sum``, ``distinct``, ``ratio``, ``len`` …),
arithmetic, collection tests (``any``/``all``, membership in a list field) and each score's number — is a
*derived fact*: computed in Python (:mod:`.derive`) into the rule's fact as ``d.N``, which the durable
conditions then compare (``volunteer >= 1`` is a durable comparison of the derived count). A score's
``a if test else b`` chain is decided by durable (one rule per branch), the branch's number in Python.

Rule names are ``K.a.T`` / ``K.a.F`` (applies), ``K.m.T`` / ``K.m.F`` (a test) or ``K.m.N`` (branch N of
a score): a criterion made of parts would add ``K.pJ.T`` / ``K.pJ.F`` per part through the same
:meth:`_RuleTranslator.rails`, and decide its status from the parts' rails as the shared scoring does.

Each criterion K has its own fact (``__r: K``) and its rules start by matching ``__r``, so a fact meets
only its own criterion's conditions (durable refuses a fact that matches more than 64). Rules outside what
durable can do are refused with :class:`~window_standard.RuleDefinitionError` (code WS401) naming the
criterion: literals that a double cannot hold, criteria with more conditions than the limits below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..._check import CheckedRule
from ..._errors import Problem, RuleDefinitionError
from ..._expr import nodes as n
from .values import normalise

__all__ = [
    "MAX_CONDITIONS_PER_CRITERION",
    "MAX_DISTINCT_COMPARISONS",
    "RuleTranslation",
    "Translation",
    "translate",
]

#: Durable refuses a fact that matches more than 64 alpha conditions (events.c ``MAX_STACK_SIZE``).
MAX_CONDITIONS_PER_CRITERION = 60
#: About 600 distinct conditions make ``create_ruleset`` hang (``NEXT_BUCKET_LENGTH`` 512).
MAX_DISTINCT_COMPARISONS = 480

GUARD: dict[str, Any] = {"$ex": {"__rec": 1}}
_ALWAYS: dict[str, Any] = {"$always": True}
_NEVER: dict[str, Any] = {"$never": True}
_SCALAR_KINDS = ("number", "str", "enum", "bool", "date")
_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq", "==": "$eq"}
_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


class Untranslatable(Exception):
    """An expression durable cannot run (the message says why)."""


@dataclass
class RuleTranslation:
    """One criterion translated.

    Attributes:
        index: Its position in the rule set (its ``__r``).
        rule: The checked rule.
        reads: Fact keys and the tree whose value each holds (``w.PATH`` fields, ``p.NAME`` parameters,
            ``d.N`` derived facts).
        applies: Names of the durable rules for "applies" true / false (None: always applies).
        main: For a test, the names of its true / false rules; for a score, one rule per branch.
        branches: For a score, the tree whose number each branch rule gives.
        derived: What was computed in Python, described per derived fact (for reports and docs).
        conditions: The conditions of its durable rules, by rule name.
    """

    index: int
    rule: CheckedRule
    reads: dict[str, n.Node] = field(default_factory=dict)
    applies: tuple[str, str] | None = None
    main: tuple[str, ...] = ()
    branches: dict[str, n.Node] = field(default_factory=dict)
    derived: list[str] = field(default_factory=list)
    conditions: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Translation:
    """A rule set translated: per criterion, what durable decides and what Python computes.

    Attributes:
        rules: One translation per criterion, in rule-set order.
    """

    rules: list[RuleTranslation]

    def ruleset(self) -> dict[str, dict[str, Any]]:
        """The durable ruleset definition (without actions): rule name → ``{"all": [{"m": cond}]}``."""
        found: dict[str, dict[str, Any]] = {}
        for rule in self.rules:
            for name, cond in rule.conditions.items():
                found[name] = {"all": [{"m": cond}]}
        found["catch_all"] = {"all": [{"m": GUARD}]}
        return found

    def report(self) -> dict[str, list[str]]:
        """Per criterion id, what is computed in Python rather than matched by durable."""
        return {t.rule.id: list(t.derived) for t in self.rules if t.derived}


def _and(*conds: dict[str, Any]) -> dict[str, Any]:
    if any(c is _NEVER for c in conds):
        return _NEVER
    kept: list[dict[str, Any]] = []
    for cond in conds:
        if cond is _ALWAYS:
            continue
        kept.extend(cond.get("$and", [cond]))
    if not kept:
        return _ALWAYS
    return kept[0] if len(kept) == 1 else {"$and": kept}


def _or(*conds: dict[str, Any]) -> dict[str, Any]:
    if any(c is _ALWAYS for c in conds):
        return _ALWAYS
    kept: list[dict[str, Any]] = []
    for cond in conds:
        if cond is _NEVER:
            continue
        kept.extend(cond.get("$or", [cond]))
    if not kept:
        return _NEVER
    return kept[0] if len(kept) == 1 else {"$or": kept}


def _exists(key: str) -> dict[str, Any]:
    return {"$ex": {key: 1}}


class _RuleTranslator:
    """Translates one criterion's trees into dual-rail conditions."""

    def __init__(self, index: int, rule: CheckedRule) -> None:
        self.out = RuleTranslation(index, rule)
        self.lets = dict(rule.lets)
        self.keys: dict[n.Node, str] = {}

    def operand(self, node: n.Node) -> tuple[str | None, Any]:
        """``(fact key, None)`` for a value read from the fact, ``(None, literal)`` for a literal."""
        if isinstance(node, n.Name) and not node.is_constant:
            return self.operand(self.lets[node.name])
        if isinstance(node, n.Const):
            return None, _literal(node.value)
        if isinstance(node, n.Points):
            points = self.out.rule.points
            return None, None if points is None else _literal(points)
        if node.type.kind not in _SCALAR_KINDS:
            raise Untranslatable(f"a {node.type.describe()} cannot be compared by durable")
        if isinstance(node, n.Field) and node.scope == 0:
            return self.key(node, "w." + ".".join(node.path)), None
        if isinstance(node, n.Param):
            return self.key(node, f"p.{node.name}"), None
        return self.derive(node), None

    def key(self, node: n.Node, name: str) -> str:
        self.out.reads.setdefault(name, node)
        return name

    def derive(self, node: n.Node) -> str:
        """The key of a derived fact holding ``node``'s value, computed in Python."""
        found = self.keys.get(node)
        if found is None:
            found = self.keys[node] = f"d.{len(self.keys)}"
            self.out.reads[found] = node
            self.out.derived.append(f"{found}: {_describe(node)}")
        return found

    def rails(self, node: n.Node) -> tuple[dict[str, Any], dict[str, Any]]:
        """The conditions under which a test is true, and false."""
        if isinstance(node, n.Name) and not node.is_constant:
            return self.rails(self.lets[node.name])
        if isinstance(node, n.Const):
            return _truth(node.value)
        if isinstance(node, n.Not):
            true, false = self.rails(node.operand)
            return false, true
        if isinstance(node, n.BoolOp):
            pairs = [self.rails(v) for v in node.values]
            trues, falses = [p[0] for p in pairs], [p[1] for p in pairs]
            if node.op == "and":
                return _and(*trues), _or(*falses)
            return _or(*trues), _and(*falses)
        if isinstance(node, n.IfElse):
            cond_t, cond_f = self.rails(node.cond)
            then_t, then_f = self.rails(node.then)
            else_t, else_f = self.rails(node.orelse)
            return _or(_and(cond_t, then_t), _and(cond_f, else_t)), _or(
                _and(cond_t, then_f), _and(cond_f, else_f)
            )
        if isinstance(node, n.IsNone) and node.operand.type.kind not in _SCALAR_KINDS:
            return self.flag(self.derive(node))  # whether a record or list has data: computed in Python
        if isinstance(node, n.IsNone):
            key, literal = self.operand(node.operand)
            if key is None:  # a literal: no data only when it is None
                return _truth((literal is None) is not node.negate)
            missing, present = {"$nex": {key: 1}}, _exists(key)
            return (present, missing) if node.negate else (missing, present)
        if isinstance(node, n.Compare):
            return self.compare(node)
        if isinstance(node, n.Call) and node.func == "in_period" and node.args[0].type.kind == "date":
            return self.in_period(node)
        key, _ = self.operand(node)
        assert key is not None  # a bool operand that is not a literal is read from the fact
        return self.flag(key)

    def flag(self, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The rails of a bool read from the fact."""
        return _and(_exists(key), {key: True}), _and(_exists(key), {key: False})

    def in_period(self, node: n.Call) -> tuple[dict[str, Any], dict[str, Any]]:
        day = n.Compare(node.type, ">=", node.args[0], n.Param(node.args[0].type, "period_start"))
        end = n.Compare(node.type, "<=", node.args[0], n.Param(node.args[0].type, "period_end"))
        return self.rails(n.BoolOp(node.type, "and", (day, end)))

    def compare(self, node: n.Compare) -> tuple[dict[str, Any], dict[str, Any]]:
        if node.op in ("in", "not in"):
            if not isinstance(node.right, n.Const):  # a list field or parameter: membership in Python
                return self.flag(self.derive(node))
            key, literal = self.operand(node.left)
            members = sorted(_literal(v) for v in node.right.value)
            if key is None:
                return _truth(None if literal is None else (literal in members) == (node.op == "in"))
            inside = _or(*({"$eq": {key: m}} for m in members))
            outside = _and(_exists(key), *({"$neq": {key: m}} for m in members))
            return (inside, outside) if node.op == "in" else (outside, inside)
        left, left_value = self.operand(node.left)
        right, right_value = self.operand(node.right)
        if (left is None and left_value is None) or (right is None and right_value is None):
            return _NEVER, _NEVER  # a literal None: no data, whatever the other side holds
        if left is None and right is None:
            return _truth(_fold(node.op, left_value, right_value))
        return self.comparison(node.op, left, left_value, right, right_value), self.comparison(
            _NEGATED[node.op], left, left_value, right, right_value
        )

    def comparison(self, op: str, left: str | None, lv: Any, right: str | None, rv: Any) -> dict[str, Any]:
        if left is None:  # literal OP key → key FLIPPED literal
            left, right, rv, op = right, None, lv, _FLIPPED[op]
        assert left is not None
        value = rv if right is None else {"$m": right}
        test = {_OPS[op]: {left: value}}
        return _and(_exists(left), *([_exists(right)] if right is not None else []), test)

    def run(self) -> RuleTranslation:
        out, rule, index = self.out, self.out.rule, self.out.index
        head = _and({"__r": index}, GUARD)
        if rule.applies is not None:
            true, false = self.rails(rule.applies)
            out.applies = self.add("a.T", _and(head, true)), self.add("a.F", _and(head, false))
        if rule.scored:
            for number, (cond, leaf) in enumerate(self.branches(rule.main, _ALWAYS)):
                name = self.add(f"m.{number}", _and(head, cond))
                out.main += (name,)
                out.branches[name] = leaf
        else:
            true, false = self.rails(rule.main)
            out.main = self.add("m.T", _and(head, true)), self.add("m.F", _and(head, false))
        return out

    def branches(self, node: n.Node, cond: dict[str, Any]) -> list[tuple[dict[str, Any], n.Node]]:
        if isinstance(node, n.IfElse):
            true, false = self.rails(node.cond)
            return [
                *self.branches(node.then, _and(cond, true)),
                *self.branches(node.orelse, _and(cond, false)),
            ]
        self.out.derived.append(f"{'score' if cond is _ALWAYS else 'branch'}: {_describe(node)}")
        return [(cond, node)]

    def add(self, suffix: str, cond: dict[str, Any]) -> str:
        name = f"{self.out.index}.{suffix}"
        if cond is not _NEVER:  # a rail that can never match has no rule
            self.out.conditions[name] = GUARD if cond is _ALWAYS else cond
        return name


def _truth(value: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rails of a known value: true, false, or None (no data: neither rail matches)."""
    if value is None:
        return _NEVER, _NEVER
    return (_ALWAYS, _NEVER) if value else (_NEVER, _ALWAYS)


def _literal(value: Any) -> Any:
    normal = normalise(value)
    if isinstance(value, Decimal) and Decimal(repr(normal)) != value:
        raise Untranslatable(f"the number {value} cannot be held exactly by a double")
    return normal


def _fold(op: str, left: Any, right: Any) -> bool:
    ops = {"==": left == right, "!=": left != right, "<": left < right}
    ops.update({"<=": left <= right, ">": left > right, ">=": left >= right})
    return bool(ops[op])


def _describe(node: n.Node) -> str:
    if isinstance(node, n.Call):
        return f"{node.func}(…) computed in Python"
    if isinstance(node, n.Compare):
        return f"'{node.op}' over a list computed in Python"
    return f"{type(node).__name__.lower()} computed in Python"


def _count(cond: Any) -> int:
    if isinstance(cond, dict):
        if "$and" in cond or "$or" in cond:
            return sum(_count(c) for c in next(iter(cond.values())))
        return 1
    return 0


def _leaves(cond: Any) -> list[str]:
    if isinstance(cond, dict) and ("$and" in cond or "$or" in cond):
        return [leaf for c in next(iter(cond.values())) for leaf in _leaves(c)]
    return [repr(sorted(cond.items()))]


def translate(rules: Sequence[CheckedRule], *, source: Mapping[str, Any] | None = None) -> Translation:
    """Translate a rule set, refusing what durable cannot run.

    Raises:
        RuleDefinitionError: WS401 for each criterion durable cannot run (an untranslatable expression, or
            more conditions than durable's limits), naming the criterion and the reason.
    """
    problems: list[Problem] = []
    done: list[RuleTranslation] = []
    for index, rule in enumerate(rules):
        try:
            out = _RuleTranslator(index, rule).run()
        except Untranslatable as exc:
            problems.append(_problem(rule, str(exc)))
            continue
        size = sum(_count(c) for c in out.conditions.values())
        if size > MAX_CONDITIONS_PER_CRITERION:
            problems.append(
                _problem(
                    rule,
                    f"{size} conditions, more than durable's limit of "
                    f"{MAX_CONDITIONS_PER_CRITERION} per criterion",
                )
            )
        done.append(out)
    distinct = {leaf for t in done for c in t.conditions.values() for leaf in _leaves(c)}
    if len(distinct) > MAX_DISTINCT_COMPARISONS:
        problems.append(
            Problem(
                "WS401",
                f"the rule set has {len(distinct)} distinct comparisons, more than durable's limit of "
                f"{MAX_DISTINCT_COMPARISONS}",
                "use the compiled engine, or split the rule set",
            )
        )
    if problems:
        raise RuleDefinitionError(problems)
    return Translation(done)


def _problem(rule: CheckedRule, why: str) -> Problem:
    return Problem(
        "WS401",
        f"in {rule.id}: the durable engine cannot run this criterion: {why}",
        "use the compiled engine (the default), or rewrite the expression",
        rule.location,
    )
