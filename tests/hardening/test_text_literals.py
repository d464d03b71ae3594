"""Text literals that no text can hold (lone surrogate escapes) are refused when a rule is checked.

Found by the expression fuzzer: ``let: x: "\\ud800\\udc00"`` loaded, and a result carrying the fact could not
be written as JSON (``UnicodeEncodeError: surrogates not allowed``).
"""

from __future__ import annotations

import pytest

from window_standard._expr.check import Scope, check_expression
from window_standard._expr.functions import ExpressionError
from window_standard._model import Window

SCOPE = Scope(Window, {}, {}, {}, allow_points=False)


@pytest.mark.parametrize("text", ['"\\ud800"', '"\\ud800\\udc00"', '"a\\udfffb"'])
def test_a_surrogate_escape_is_refused(text: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        check_expression(f"name == {text}", SCOPE)
    assert caught.value.code == "WS302"
    assert "surrogate escapes" in str(caught.value)


def test_the_character_itself_is_fine() -> None:
    assert check_expression('name == "𐀀锦江"', SCOPE).type.kind == "bool"
