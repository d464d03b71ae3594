"""Output that never fails on the terminal's encoding (a GBK console, ``PYTHONIOENCODING=gbk``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["ASCII_FALLBACKS", "safe_streams", "safe_text"]

#: Characters the output uses that legacy encodings may lack, and what to write instead.
ASCII_FALLBACKS = {
    "−": "-",
    "—": "-",
    "–": "-",
    "…": "...",
    "✓": "v",
    "✗": "x",
    "≥": ">=",
    "≤": "<=",
    "·": ".",
}


def safe_text(text: str, encoding: str) -> str:
    """``text`` with each character ``encoding`` cannot write replaced (by an ASCII stand-in, else ``?``)."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        pass
    except LookupError:
        return text
    else:
        return text
    out = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            char = ASCII_FALLBACKS.get(char, "?")
        out.append(char)
    return "".join(out)


class _SafeStream:
    """A text stream that writes what its encoding cannot hold as a stand-in instead of raising."""

    def __init__(self, stream: object) -> None:
        self._stream = stream
        self._encoding = str(getattr(stream, "encoding", None) or "utf-8")

    def write(self, text: str) -> int:
        return int(self._stream.write(safe_text(text, self._encoding)))  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def safe_streams() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` never raise on characters they cannot encode."""
    saved = sys.stdout, sys.stderr
    needs = [not str(getattr(s, "encoding", "utf-8") or "utf-8").lower().startswith("utf") for s in saved]
    if needs[0]:
        sys.stdout = _SafeStream(saved[0])
    if needs[1]:
        sys.stderr = _SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
