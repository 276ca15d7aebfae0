"""The sources panel: each cited passage highlighted in its section, an OCR'd original one click away.
Every piece of document text is HTML-escaped."""

from __future__ import annotations

import html

from ..schemas import Citation
from ..service import Assistant


def _passage_html(text: str, quote: str) -> str:
    """The passage with the quoted span highlighted (found as written, else the quote alone)."""
    start = text.find(quote) if quote else -1
    if start < 0:
        return f"<mark>{html.escape(quote)}</mark>"
    end = start + len(quote)
    return f"{html.escape(text[:start])}<mark>{html.escape(quote)}</mark>{html.escape(text[end:])}"


def sources_html(assistant: Assistant, citations: list[Citation]) -> str:
    if not citations:
        return "<p class='meta'>Chưa có nguồn trích dẫn.</p>"
    chunks = {d.id: d for d in assistant.chunks([c.chunk_id for c in citations if c.chunk_id])}
    blocks = []
    for c in citations:
        chunk = chunks.get(c.chunk_id or "")
        meta = " · ".join(html.escape(x) for x in (c.number and f"Số {c.number}", c.date, c.source) if x)
        passage = _passage_html(chunk.readable, c.quote) if chunk else f"<mark>{html.escape(c.quote)}</mark>"
        restored = ""
        if c.restored:
            original = chunk.page_content if chunk else c.quote_original
            restored = ("<div><span class='badge'>văn bản OCR, đã khôi phục dấu</span>"
                        f"<details><summary>Xem bản gốc</summary><div class='passage'>"
                        f"{_passage_html(original, c.quote_original)}</div></details></div>")
        blocks.append(f"<div class='source' data-n='{c.n}'><div class='head'>[{c.n}] {html.escape(c.title)}</div>"
                      f"<div class='meta'>{meta}</div><div class='meta'>{html.escape(c.section)}</div>"
                      f"<div class='passage'>{passage}</div>{restored}</div>")
    return "<div class='sources'>" + "".join(blocks) + "</div>"
