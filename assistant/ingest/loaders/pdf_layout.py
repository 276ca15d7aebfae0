"""A PDF page's text layer as the lines a plain-text copy of the page has, read as a Word file's are: a
paragraph a line, a blank line between paragraphs. pypdf's layout mode sets the text out on a grid as it stands
on the page (a two-cell header reads across, as in a scan's text); from that grid, text set in two columns is
read column by column, and the lines a paragraph was wrapped into are joined again, so that a heading or an item
is one line whatever the page width."""

from __future__ import annotations

import re

# A run of this many spaces inside a line separates two cells or columns, not two words.
_CELL_GAP = re.compile(r"\S {4,}\S")
# A gutter: this many blank grid columns, in this share of the lines that reach past it, two columns of text.
_GUTTER = 3
_GUTTER_SHARE = 0.6
_MIN_COLUMN_LINES = 8
# Prose fills a column: most of its lines reach this share of the column's width.
_FULL_LINE = 0.8
# A line was wrapped when the next line's first word would have ended past this share of the text width
# (the grid only approximates the font's widths).
_WRAP_SHARE = 0.9
# Grid columns a line must be set further in than the one above to open a paragraph (a 1 cm first-line indent
# is about 5).
_INDENT = 2
# A line that opens with a list label (bullet, 1., 1.1., a), I.) starts a paragraph of its own.
_LABEL = re.compile(r"^(?:[-+•–—*]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVXLC]{1,5}\.)(?:\s+|$)")


def _layout_line(line: str) -> bool:
    """Cells side by side on the line (the tab after a list label is no gap between cells)."""
    return bool(_CELL_GAP.search(_LABEL.sub("", line.strip(), count=1)))


def _gutter(lines: list[str]) -> int | None:
    """The grid column between two columns of text, when most lines that reach past it are blank there."""
    text = [line for line in lines if line.strip()]
    if len(text) < _MIN_COLUMN_LINES:
        return None
    width = max(len(line) for line in text)
    best, best_share = None, _GUTTER_SHARE
    for column in range(width // 3, 2 * width // 3):
        beyond = [line for line in text if len(line.rstrip()) > column + _GUTTER]
        if len(beyond) < _GUTTER_SHARE * len(text):
            continue
        # Left text must stand beside it too: a paragraph indented past the column is no second column.
        blank = [line for line in beyond if not line[column:column + _GUTTER].strip() and line[:column].strip()]
        share = len(blank) / len(beyond)
        # Prose set in columns fills its column up to the gutter; a table's cells (an agenda's hours, a budget's
        # items) stop well short of it: its rows stay rows.
        filled = sum(len(line[:column].rstrip()) >= _FULL_LINE * column for line in blank)
        if share > best_share and filled >= len(blank) / 2:
            best, best_share = column, share
    return best


def _columns(lines: list[str]) -> list[list[str]]:
    column = _gutter(lines)
    if column is None:
        return [lines]
    return [[line[:column].rstrip() for line in lines], [line[column:].rstrip() for line in lines]]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _opens_paragraph(line: str, previous: str) -> bool:
    """A line set further in than the one above opens a paragraph (a first-line indent, where paragraphs are
    not spaced apart), unless the line above opens a list item whose next lines hang under its text."""
    return _indent(line) > _indent(previous) + _INDENT and not _LABEL.match(previous.strip())


def _joined(lines: list[str]) -> list[str]:
    """A paragraph's wrapped lines as one line; blank lines, layout lines (cells side by side) and lines that
    open with a list label or an indent stay as they are."""
    plain = [len(line.rstrip()) for line in lines if line.strip() and not _layout_line(line)]
    margin = max(plain, default=0)
    out: list[str] = []
    previous = ""
    for line in lines:
        stripped = line.strip()
        # Wrapped: the line's next word would not have fitted on the line above.
        wrapped = (previous.strip() and stripped
                   and len(previous.rstrip()) + 1 + len(stripped.split()[0]) >= _WRAP_SHARE * margin
                   and not _layout_line(previous) and not _layout_line(stripped)
                   and not _LABEL.match(stripped) and not _opens_paragraph(line, previous))
        if wrapped:
            # A line broken after a word's own hyphen (5463/KH-|UBND, 2025-|2030) is joined without a space.
            out[-1] += ("" if re.search(r"\S-$", out[-1]) else " ") + stripped
        elif stripped:
            # A blank line between paragraphs, as a Word file's are read, whether or not the page spaced them.
            out += ([""] if out and out[-1] else []) + [stripped]
        previous = line
    return out


def page_text(layout: str) -> str:
    """The page's lines from pypdf's layout-mode text."""
    return "\n\n".join("\n".join(_joined(column)).strip("\n") for column in _columns(layout.split("\n")))
