"""A draft as Markdown: the text the chat shows and the API returns (citation markers kept)."""

from __future__ import annotations

from .document import Block, DraftDocument


def to_markdown(doc: DraftDocument) -> str:
    lines = [] if doc.partial else [f"**{doc.governing}**  ", f"**{doc.issuer}**", "", doc.number, "",
                                    f"*{doc.place_date}*", "", f"## {doc.doc_type_title}", f"**{doc.title}**", ""]
    for block in doc.body if doc.partial else [*doc.body, Block("line", ""), Block("line", doc.closing)]:
        if block.kind == "part":
            lines += ["", f"### {block.text}"]
        elif block.kind == "section":
            lines += ["", f"**{block.text}**"]
        elif block.kind == "table":
            lines += _table(block.rows)
        elif block.text.startswith("- "):
            lines.append(block.text)
        else:
            lines += ["", block.text]  # a paragraph of its own, not run into the heading above
    if doc.partial:
        return "\n".join(lines).strip() + "\n"
    lines += ["", "**Nơi nhận:**", *[f"- {r}" for r in doc.recipients], "",
              *[f"**{s}**  " if s else "" for s in doc.signature]]
    for block in doc.annexes:
        lines += ["", f"### {block.text}"] if block.kind == "part" else ["", *_table(block.rows)]
    return "\n".join(lines).strip() + "\n"


def _table(rows: list[list[str]]) -> list[str]:
    return [f"| {' | '.join(rows[0])} |", "|" + "---|" * len(rows[0]), *[f"| {' | '.join(r)} |" for r in rows[1:]]]
