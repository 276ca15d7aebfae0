"""Plain text and Markdown: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""

from __future__ import annotations

from pathlib import Path

from . import UnreadableFile, loader


@loader(".txt", ".md")
def read_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
