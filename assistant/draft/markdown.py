"""A draft as Markdown: the text the chat shows and the API returns (citation markers kept)."""

from __future__ import annotations

from .document import MOTTO, Block, DraftDocument


def _block(block: Block) -> list[str]:
    if block.kind == "part":
        return ["", f"### {block.text}"]
    if block.kind == "section":
        return ["", f"**{block.text}**"]
    if block.kind == "table":
        return ["", *_table(block.rows)]
    return [block.text] if block.text.startswith("- ") else ["", block.text]


def to_markdown(doc: DraftDocument) -> str:
    # An official letter has no type title: its summary line (V/v …) stands under its number.
    heading = [f"## {doc.doc_type_title}", f"**{doc.title}**"] if doc.doc_type_title else [f"*{doc.title}*"]
    lines = [] if doc.partial else [f"**{doc.governing}**  ", f"**{doc.issuer}**", "", f"**{MOTTO[0]}**  ",
                                    f"**{MOTTO[1]}**", "", doc.number, "", f"*{doc.place_date}*", "", *heading, ""]
    for block in doc.body if doc.partial else [*doc.body, Block("line", ""), Block("line", doc.closing)]:
        lines += _block(block)
    if doc.partial:
        return "\n".join(lines).strip() + "\n"
    lines += ["", "**Nơi nhận:**", *[f"- {r}" for r in doc.recipients], "",
              *[f"**{s}**  " if s else "" for s in doc.signature]]
    for block in doc.annexes:
        lines += _block(block)
    return "\n".join(lines).strip() + "\n"


def _table(rows: list[list[str]]) -> list[str]:
    return [f"| {' | '.join(rows[0])} |", "|" + "---|" * len(rows[0]), *[f"| {' | '.join(r)} |" for r in rows[1:]]]
