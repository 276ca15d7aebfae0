"""The sources panel: each cited passage highlighted in its section, an OCR'd original one click away, and the
words the restorer only guessed underlined with what OCR read on hover. Every piece of document text is
HTML-escaped."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..schemas import Citation, UncertainWord
from ..service import Assistant

_GUESSES_NOTE = "từ gạch chân chấm: khôi phục chưa chắc, rê chuột để xem chữ OCR"


def _marked(text: str, uncertain: Sequence[UncertainWord], start: int = 0, end: int | None = None) -> str:
    """text[start:end] escaped, each guessed word inside it in a span whose title is the OCR original."""
    end = len(text) if end is None else end
    out, pos = [], start
    for word in sorted(uncertain, key=lambda w: w.start):
        if pos <= word.start and word.end <= end:
            title = html.escape(f"OCR: {word.ocr}", quote=True)
            out += [html.escape(text[pos:word.start]),
                    f'<span class="uncertain" title="{title}">{html.escape(text[word.start:word.end])}</span>']
            pos = word.end
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def _passage_html(text: str, quote: str, uncertain: Sequence[UncertainWord] = ()) -> str:
    """The passage with the quoted span highlighted (found as written, else the quote alone); `uncertain` marks
    words of `text`."""
    start = text.find(quote) if quote else -1
    if start < 0:
        return f"<mark>{html.escape(quote)}</mark>"
    end = start + len(quote)
    return (f"{_marked(text, uncertain, 0, start)}<mark>{_marked(text, uncertain, start, end)}</mark>"
            f"{_marked(text, uncertain, end)}")


def sources_html(assistant: Assistant, citations: list[Citation]) -> str:
    if not citations:
        return "<p class='meta'>Chưa có nguồn trích dẫn.</p>"
    chunks = {d.id: d for d in assistant.chunks([c.chunk_id for c in citations if c.chunk_id])}
    blocks = []
    for c in citations:
        chunk = chunks.get(c.chunk_id or "")
        meta = " · ".join(html.escape(x) for x in (c.number and f"Số {c.number}", c.date, c.source) if x)
        if chunk and c.quote in chunk.readable:
            guessed = UncertainWord.of(chunk.uncertain)
            passage = _passage_html(chunk.readable, c.quote, guessed)
        else:
            guessed = c.quote_uncertain
            passage = f"<mark>{_marked(c.quote, guessed)}</mark>"
        restored = ""
        if c.restored:
            original = chunk.page_content if chunk else c.quote_original
            note = f" <span class='meta'>{_GUESSES_NOTE}</span>" if guessed else ""
            restored = (f"<div><span class='badge'>văn bản OCR, đã khôi phục dấu</span>{note}"
                        f"<details><summary>Xem bản gốc</summary><div class='passage'>"
                        f"{_passage_html(original, c.quote_original)}</div></details></div>")
        blocks.append(f"<div class='source' data-n='{c.n}'><div class='head'>[{c.n}] {html.escape(c.title)}</div>"
                      f"<div class='meta'>{meta}</div><div class='meta'>{html.escape(c.section)}</div>"
                      f"<div class='passage'>{passage}</div>{restored}</div>")
    return "<div class='sources'>" + "".join(blocks) + "</div>"
