"""Exhaustiveness: every expression function has every facet, every tree walker handles every node type.

A new node type or function that one walker forgets must fail here, loudly, rather than be skipped.
"""

from __future__ import annotations

import inspect

import pytest

from window_standard._engine.compiled.codegen import GENERATORS
from window_standard._expr import nodes as n
from window_standard._expr.functions import FUNCTIONS
from window_standard._lint.analyse import Analyser

NODE_TYPES = {
    cls for _, cls in inspect.getmembers(n, inspect.isclass) if issubclass(cls, n.Node) and cls is not n.Node
}


def test_the_node_types_are_the_known_set() -> None:
    assert {cls.__name__ for cls in NODE_TYPES} == {
        "BinOp", "BoolOp", "Call", "Compare", "Const", "Field", "IfElse", "IsNone", "Item", "Name", "Not",
        "Param", "Points", "Unary",
    }  # fmt: skip


def test_the_code_generator_handles_every_node_type() -> None:
    assert set(GENERATORS) == NODE_TYPES


def test_walk_knows_the_children_of_every_node_type() -> None:
    assert set(n.CHILDREN) == NODE_TYPES


def test_the_lint_analyser_handles_every_node_type() -> None:
    missing = [
        cls.__name__ for cls in NODE_TYPES if not callable(getattr(Analyser, f"_{cls.__name__}", None))
    ]
    assert missing == []


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_has_every_facet(name: str) -> None:
    spec = FUNCTIONS[name]
    assert 1 <= spec.min_args <= spec.max_args
    assert spec.usage.startswith(f"{name}(") and spec.summary
    assert callable(spec.check) and callable(spec.python)
    assert callable(getattr(Analyser, f"_call_{name}", None)), f"the lint has no transfer for {name}()"
