"""Bytes to text: UTF-8 (a BOM allowed), else the encoding the bytes most likely are, named in the error."""

from __future__ import annotations

import codecs

from .errors import InputError, InputProblem, Lang

__all__ = ["decode", "guess_encoding"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_HEADLINE = {
    "zh": "不是 UTF-8 文本（第 {offset} 个字节无效），看起来是 {encoding} 编码",
    "en": "not UTF-8 text (invalid byte at offset {offset}); it looks like {encoding}",
}
_UNKNOWN = {
    "zh": "不是 UTF-8 文本（第 {offset} 个字节无效）",
    "en": "not UTF-8 text (invalid byte at offset {offset})",
}
_HINT = {
    "zh": "请在编辑器中另存为 UTF-8，或执行 iconv -f {iconv} -t UTF-8 原文件 > 新文件",
    "en": "save it as UTF-8 in your editor, or run: iconv -f {iconv} -t UTF-8 OLD > NEW",
}


def guess_encoding(raw: bytes) -> str | None:
    """The likely encoding of bytes that are not UTF-8: a BOM, NUL patterns, else GB18030/GBK or Latin-1.

    Returns:
        ``UTF-16``, ``UTF-32``, ``GBK``, ``GB18030``, ``Big5`` or ``Latin-1``; ``None`` for binary data.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if sample and sample.count(0) * 4 >= len(sample):  # every other byte NUL: UTF-16 without a BOM
        return "UTF-16" if sample.count(0) * 2 <= len(sample) + 1 else None
    if b"\x00" in sample:
        return None
    for name in ("GBK", "GB18030", "Big5"):
        try:
            raw.decode(name.lower())
        except UnicodeDecodeError:
            continue
        return name
    return "Latin-1" if all(b >= 0x20 or b in b"\t\r\n" for b in sample) else None


def decode(raw: bytes, source: str, lang: Lang = "en") -> str:
    """Decode a document as UTF-8 (an initial BOM is dropped).

    Raises:
        InputError: When the bytes are not UTF-8; it names the likely encoding and how to convert.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(raw)
        if encoding is None:
            raise InputError(source, _UNKNOWN[lang].format(offset=exc.start), lang=lang) from None
        headline = _HEADLINE[lang].format(offset=exc.start, encoding=encoding)
        hint = _HINT[lang].format(iconv=encoding.upper().replace("LATIN-1", "LATIN1"))
        raise InputError(source, headline, [InputProblem(hint)], lang=lang) from None
