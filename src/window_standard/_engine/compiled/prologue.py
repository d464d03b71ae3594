"""The first lines of a generated function: the parameters it reads, bound to locals once per call."""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from .exact import ParamFractions

if TYPE_CHECKING:  # the generator calls into this module; this module only types its argument
    from .codegen import CodeGen

__all__ = ["parameter_lines"]


def parameter_lines(gen: CodeGen) -> list[str]:
    """Lines binding every parameter the function reads (``p_NAME``) and every fraction (``q_NAME_n/_d``)."""
    return [*_values(gen), *_fractions(gen)]


def _values(gen: CodeGen) -> list[str]:
    if len(gen.params) < 2:
        return [f"    p_{name} = p[{name!r}]" for name in gen.params]
    # one C-level call reads them all (``operator.itemgetter`` of every name, in the namespace)
    getter = f"_pget{len(gen.namespace)}"
    gen.namespace[getter] = operator.itemgetter(*gen.params)
    return [f"    ({''.join(f'p_{name}, ' for name in gen.params)}) = {getter}(p)"]


def _fractions(gen: CodeGen) -> list[str]:
    if not gen.param_fractions:
        return []
    reader = f"_pfrac{len(gen.namespace)}"
    gen.namespace[reader] = ParamFractions(list(gen.param_fractions))
    locals_ = "".join(f"q_{name}_n, q_{name}_d, " for name in gen.param_fractions)
    return [f"    ({locals_}) = {reader}(p)"]
