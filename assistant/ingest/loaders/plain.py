"""Plain text and Markdown: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ...vietnamese.language import marked_share

from ...config import Settings
from . import UnreadableFile, loader


# Text decoded as Windows-1258 is taken as such when this share of its words carry marks (clean Vietnamese
# carries about 0.85; bytes of another encoding read as cp1258 give few), unless its bytes are mostly UTF-8
# sequences with a broken one among them: that is damaged UTF-8, not another code page.
_MIN_MARKED = 0.3
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


@loader(".txt", ".md")
def read_text(path: Path, settings: Settings) -> str:
    """UTF-8 first; then Windows-1258, the Vietnamese code page older Windows editors save in, when the bytes
    decode that way into text that carries Vietnamese marks."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
        if in_sequences * 2 >= len(_HIGH_BYTE.findall(data)):
            raise UnreadableFile(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
        try:
            text = unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            text = ""
        if text and marked_share(text) >= _MIN_MARKED:
            return text
        raise UnreadableFile(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
