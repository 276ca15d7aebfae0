"""Word's auto-numbering rendered as text: the "1.", "a)", "I." and bullets Word draws in front of a paragraph
are not in its text but in `numbering.xml` (a list's levels: start, format, label pattern such as `%1.%2.`) and
in the paragraph's or its style's `numPr` (list instance and level). The parser needs them to see the parts."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

# Bullets as the house style types them; Word's symbol-font bullets (U+F0B7 …) are drawn as •.
_BULLETS = "-–—+•"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(value: int) -> str:
    out = ""
    for amount, letters in _ROMAN:
        while value >= amount:
            out, value = out + letters, value - amount
    return out


def _letters(value: int) -> str:
    """Word's lowerLetter: a … z, then aa … zz."""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = " "


def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _level(lvl) -> _Level:
    fmt = _val(lvl, "w:numFmt", "decimal")
    text = _val(lvl, "w:lvlText", "")
    if fmt == "bullet":
        text = text if text in _BULLETS else "•"
    return _Level(start=int(_val(lvl, "w:start", "1")), fmt=fmt, text=text,
                  suffix="" if _val(lvl, "w:suff") == "nothing" else " ")


class Numbering:
    """The labels of a document's numbered paragraphs, counted in document order. Lists (w:num) that share an
    abstract list continue its count, as Word does, unless one restarts it (startOverride)."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract id, level → restart value)
        self.counts: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.styles = {style.style_id: style for style in document.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            self.levels[abstract.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
        for num in root.findall(qn("w:num")):
            restarts = {int(o.get(qn("w:ilvl"), "0")): int(_val(o, "w:startOverride"))
                        for o in num.findall(qn("w:lvlOverride")) if _val(o, "w:startOverride") is not None}
            self.lists[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), restarts)

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        """(numId, level) from the paragraph, else from its style and the styles that style is based on."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        style = self.styles.get(p_pr.pStyle.val) if p_pr is not None and p_pr.pStyle is not None else None
        while num_pr is None and style is not None:
            style_pr = style.element.pPr
            num_pr = style_pr.numPr if style_pr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            return None
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), level

    def label(self, paragraph) -> str:
        """The label Word draws before the paragraph ("2.", "1.1.", "b)", "-"), with its separator; '' if none."""
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self.lists:  # numId 0 switches numbering off
            return ""
        num_id, level = found
        abstract, restarts = self.lists[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counts = self.counts.setdefault(abstract, {})
        if (num_id, level) not in self.started and level in restarts:
            counts[level] = restarts[level] - 1
        self.started.add((num_id, level))
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [n for n in counts if n > level]:
            del counts[deeper]
        spec = levels[level]
        if spec.fmt in ("bullet", "none"):
            return spec.text + spec.suffix if spec.text else ""
        text = spec.text
        for n in range(level, -1, -1):  # %10 is not a level: Word has nine
            if f"%{n + 1}" in text:
                shown = levels.get(n, _Level())
                text = text.replace(f"%{n + 1}", _format(counts.get(n, shown.start), shown.fmt))
        return text + spec.suffix
