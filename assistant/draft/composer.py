"""The request's content laid into its skeleton, at the scope asked for:

- whole: every part of the skeleton (or the parts the user lists, in their order, with their words), each
  with its house-style lines, then the request's clauses it takes (clauses.py), the units given work as
  numbered sections of the part that assigns work, and borrowed exemplar tasks (already checked clean);
- part: that part alone, under its numeral, with the programme given; section: that numbered section; table: the table.

A house-style line whose placeholder the request fills in its own words is left out. Periods follow the kind
of review (periods.py). Tables are computed in tables.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from string import Template

from ..vietnamese.folding import fold
from ..vietnamese.units import find_units
from .agenda import agenda_items, programme_in_part
from .belonging import belonging_line
from .clause_lines import clause_line, full_line
from .clauses import Clause, said, takes
from .document import Block, DraftDocument
from .participants import asks_for_participants, counted_items, participants_blocks
from .periods import ROMAN as _ROMAN
from .finance_division import finance_as_asked
from .request import DraftRequest
from .task_table import asks_for_tasks, task_blocks
from .table_blocks import annex_tables, funding_lines, priced_said_once, scope_table, sources_total, table_in_part, table_title
from .stated_total import stated_total_left_out
from .tables import cost_lines, money
from .values import values

_NUMERAL = re.compile(r"^[IVX]+\.\s*")
_OPENING = re.compile(r"\b(?:(?:phan )?mo dau|phan dau|opening (?:part|paragraph|lines?)|lead-in|introduction|preamble)\b")


class Composer:
    def __init__(self, request: DraftRequest, sk: dict, clauses: list[Clause],
                 borrowed: Callable[[str], list[str]]) -> None:
        """`borrowed(unit)`: clean exemplar task lines (with their citation markers) for a unit."""
        self.request, self.sk = request, finance_as_asked(request, sk)
        self.values = values(request, sk)
        # "Các đơn vị tại Mục V": the numeral of the part that assigns work, in the skeleton or as the request lists it.
        self.values["units_part"] = next((_ROMAN[n] for n, p in enumerate(sk["part"]) if "units" in p), "V")
        # What the skeleton writes from the request's fields (participants, time, venue) is written once.
        given = [words for words, value in (("thanh phan|participants|attending|tham du|kinh moi", request.participants),
                                            ("thoi gian|time", request.time or request.date),
                                            ("dia diem|venue", request.venue)) if value]
        represented = re.compile("|".join(given)) if given and request.scope == "whole" else None
        # The chair is written once too; a line that runs on under its label is content ("Chủ trì: …" then "đề nghị …").
        chair = fold(request.chair or "-")
        # Those invited, listed after "mời các đồng chí:", are the participants' lines, not content.
        invited = tuple(fold(p) for p in request.participants) if represented and sk["name"] == "invitation" else ()
        self.content = [c for c in clauses if not c.meta and not (represented and represented.search(c.label))
                        and not (re.search(r"chu tri|chaired", c.label) and fold(c.text) in chair)
                        and not any(fold(c.text).rstrip(" .;") == p or fold(c.text).startswith(f"{p} den du ") for p in invited)]
        # The request's lines priced person by person make a table whose total is computed: a total the user
        # typed beside them ("tổng 12.800.000", "tổng anh em tính ra …") is checked against it, not written.
        self.costed = cost_lines([said(c) for c in self.content], context=request.text)
        self.content, self.warnings = stated_total_left_out(self.content, self.costed)
        if request.reason:
            self.content.insert(0, Clause(text=request.reason))
        elif not self.content and request.frame_content:  # a request in one sentence: that sentence is the content
            self.content = [Clause(text=request.frame_content)]
        elif sk.get("subject_in_body") and request.scope == "whole" and request.frame_content and \
                len(asks := request.frame_content.split(": ")[0].split()) >= 4:
            # A letter's opening sentence says what it asks, whatever else the request gives (a contact, a deadline);
            # what follows its colon is given as clauses of their own.
            self.content.insert(0, Clause(text=" ".join(asks).rstrip(" ,;")))
        if sk.get("subject_in_body") and request.scope == "part" and request.subject:
            # A letter's body drafted alone says what it is about: its "V/v" line is not there to say it.
            self.content.insert(0, Clause(text=request.subject))
        self.borrowed = borrowed

    def fill(self, text: str) -> str:
        return Template(text).safe_substitute(self.values)

    # --- which parts ---------------------------------------------------------------------------
    def _match(self, words: str, parts: list[dict]) -> dict | None:
        folded = fold(words)
        return next((p for p in parts if p.get("keys") and re.search(p["keys"], folded)), None)

    def _whole_parts(self) -> list[tuple[str, dict]]:
        """(heading without numeral, skeleton part) in the order the draft writes them."""
        parts = self.sk["part"]
        if not self.request.listed:
            return [(_NUMERAL.sub("", self.fill(p["heading"])), p) for p in parts]
        chosen: list[tuple[str, dict]] = []
        for listed in self.request.listed:
            part = self._match(listed, [p for p in parts if p not in [c for _, c in chosen]])
            chosen.append((self._heading(listed, part), part or {"heading": listed}))
        return chosen

    def _heading(self, typed: str, part: dict | None) -> str:
        """A part's heading: the skeleton's words when they hold the user's (typed without marks or commas, or
        in English), else the user's."""
        own = _NUMERAL.sub("", self.fill(part["heading"])) if part else ""
        bare = re.sub(r"\W+", " ", fold(typed)).strip()
        return own if own and (bare in re.sub(r"\W+", " ", fold(own)) or self.request.english) else typed.upper()

    def _unit_number(self, unit: str) -> int:
        """A unit's section number in the part that assigns work, as the skeleton orders its units (1 if none)."""
        units = next((p["units"] for p in self.sk["part"] if p.get("units")), [])
        return next((n for n, u in enumerate(units, 1)
                     if fold(u).startswith(fold(unit)) or fold(unit).startswith(fold(u))), 1)

    def _target_part(self) -> tuple[str, dict]:
        """The part a part or section request asks for, by its numeral or its name."""
        parts, wanted = self.sk["part"], self.request.scope_part or ""
        # Matched folded: a restored "phân V. KINH PHI thời" is still part V named KINH PHÍ.
        typed = re.search(rf"\b(?:phan|muc|part)\s+{wanted}\.?\s*([^:(;]+?)(?=\s+(?:cho|cua|trong|thuoc|for|of|thoi|nhe|only)\b"
                          rf"|,\s*(?:co|kem|with)\b|[:(;]|\.\s|$)", fold(self.request.text)) if re.fullmatch(r"[ivx]+", wanted) else None
        title = self.request.text[typed.start(1):typed.end(1)].strip(" .,;") if typed else ""
        index = _ROMAN.index(wanted.upper()) if re.fullmatch(r"[ivx]+", wanted) and wanted.upper() in _ROMAN else None
        if index is not None and index < len(self.request.listed):  # "gồm hai phần: I. …; II. …", then "viết phần II"
            title = self.request.listed[index]
        by_name = self._match(title or wanted, parts) if (title or not re.fullmatch(r"[ivx]+", wanted)) else None
        part = by_name or (parts[index] if index is not None and index < len(parts) else None) or {"heading": title}
        numeral = wanted.upper() if index is not None else _ROMAN[parts.index(part)] if part in parts else ""
        heading = self._heading(title, by_name) if title else _NUMERAL.sub("", self.fill(part["heading"]))
        return (f"{numeral}. {heading}" if numeral else heading), part

    # --- content -------------------------------------------------------------------------------
    def _route(self, parts: list[dict]) -> dict[int, list[Clause]]:
        """Each content clause to a part: a unit's task to the part that assigns work, then by label, by the
        words the part takes, else the main part."""
        units_part = next((i for i, p in enumerate(parts) if "units" in p), None)
        funding = next((i for i, p in enumerate(parts) if "kinh phi" in fold(p.get("heading", ""))), None)
        main = next((i for i, p in enumerate(parts) if p.get("main")), len(parts) - 1)
        routed: dict[int, list[Clause]] = {i: [] for i in range(len(parts))}
        timed = agenda_items(self.request, self.content)  # in the annexed programme, not the body
        for clause in [c for c in self.content if c not in timed]:
            by_label = next((i for i, p in enumerate(parts) if clause.label and p.get("keys")
                             and re.search(p["keys"], clause.label)), None)
            # A clause that opens on a part the request listed ("kinh phí (từ nguồn …)") is that part's.
            by_listed = next((i for i, p in enumerate(parts) if p.get("keys") and any(
                fold(clause.text).startswith(fold(name)) and re.search(p["keys"], fold(name)) for name in self.request.listed)), None)
            by_words = next((i for i, p in enumerate(parts) if i != units_part and takes(p, clause)), None)
            if clause.unit and units_part is not None:
                target = units_part
            elif funding is not None and by_label is None and cost_lines([said(clause)], context=self.request.text):
                target = funding  # a budget line typed on a line of its own, after the one that says "Kinh phí:"
            else:
                target = next((i for i in (by_label, by_listed, by_words) if i is not None), main)
            routed[target].append(clause)
        return routed

    def _part_body(self, part: dict, clauses: list[Clause], whole: bool) -> list[Block]:
        body: list[Block] = []
        given = bool(clauses)
        for section in part.get("section", []):
            # The request's own lines for a section: those it labels so ("Mục tiêu chung: …"), or the rest of the
            # part's for the section that takes them ("2. Mục tiêu cụ thể").
            own = [c for c in clauses if not c.unit and (section.get("takes_rest") or (
                section.get("label") and re.match(section["label"], fold(c.label or c.text))))]
            clauses = [c for c in clauses if c not in own]
            lines = [] if own and section.get("label") else [
                self.fill(line) for line in section["lines"] if line != "$participants"]
            if "$participants" in section["lines"]:
                lines += [f"- {p[:1].upper()}{p[1:]};" for p in self.request.participants] or ([] if given else ["- [thành phần tham dự]"])
            lines = [line for line in lines if not (given and "[" in line)]
            if lines or own:  # numbered anew: a section left out leaves no gap
                heading = f"{sum(b.kind == 'section' for b in body) + 1}. {re.sub(r'^[0-9.]+ ', '', section['heading'])}"
                body += [Block("section", heading), *[Block("line", line) for line in lines], *map(clause_line, own)]
        for line in part.get("lines", []):
            if line == "$participants":
                body += [Block("line", f"- {p[:1].upper()}{p[1:]};") for p in self.request.participants] or [
                    Block("line", "- [thành phần]")]
            elif not (given and "[" in self.fill(line)):
                body.append(Block("line", "- " + full_line(self.fill(line))))
        funding = "kinh phi" in fold(part.get("heading", ""))
        # A part drafted alone takes the budget lines the request gives for it ("phần kiến nghị … có bảng dự trù"),
        # after its text; a funding part opens with them.
        lines = cost_lines([said(c) for c in clauses], context=self.request.text) if funding or not whole else []
        costed = funding_lines(self.request, clauses, annexed=whole, estimate=self.costed if whole else None) \
            if funding or lines else []
        # Its lines are in the table now, here or in the annex: the figures as typed are not repeated beside it.
        if any(b.kind == "table" for b in costed) or (whole and funding and lines):
            items = [fold(line.item) for line in lines]
            clauses = [c for c in clauses if not any(item in fold(said(c)) for item in items)]
        body += costed if funding else []
        clauses, table = table_in_part(self.request, clauses) if not (whole or funding or lines) else (clauses, [])
        tasks: dict[str, list[str]] = {}
        before = ""  # the unit of the line before: a unit's second line does not name it again
        for clause in clauses:
            if clause.unit and "units" in part:
                tasks.setdefault(clause.unit, []).append("- " + full_line(clause.task))
            else:
                body.append(clause_line(clause, unit_named=clause.unit != before))
                before = clause.unit
        if not funding:
            body += sources_total(clauses) + costed + table
        units = list(tasks)
        if "units" in part and (not tasks or (whole and self.sk["name"] == "conference_plan")):
            # The skeleton's units in house-style order, each taking the request's tasks of a unit it names
            # ("Các đơn vị" → "Các đơn vị trực thuộc Sở"), then the request's other units.
            merged: dict[str, list[str]] = {}
            for unit in part["units"]:
                same = [t for t in tasks if fold(unit).startswith(fold(t))]
                merged[unit] = [line for t in same for line in tasks.pop(t)]
            tasks = {**{u: ls for u, ls in merged.items() if ls}, **tasks}
            units = [*merged, *[t for t in tasks if t not in merged]]
        for n, unit in enumerate(units, 1):
            # The request's own tasks for a unit stand alone; the corpus fills only units it gave none.
            lines = tasks.get(unit) or self.borrowed(unit) or ["- " + part.get("fallback", "[nhiệm vụ]")]
            body += [Block("section", f"{n}. {self._unit_heading(unit)}"), *[Block("line", line) for line in lines]]
        return body

    def _unit_heading(self, unit: str) -> str:  # a notice's directive names its unit: "1. Giao Sở Tài chính"
        asked = self.sk.get("asked_units") and re.search(self.sk["asked_units"], fold(unit))
        return self.sk.get("unit_heading_asked" if asked else "unit_heading", "$unit").replace("$unit", unit)

    def _document_word(self) -> str:  # the type's own word ("Kế hoạch", "Công văn"), as a piece drafted alone names it
        return (self.sk.get("doc_type_title") or self.sk.get("label", "")).capitalize()

    def body(self) -> tuple[list[Block], list[str]]:
        """The blocks of the scope asked for, and the required parts to check (folded). A part or a section
        drafted alone says under its heading which document it belongs to (belonging.py)."""
        blocks, required = self._scope_body()
        if self.request.scope in ("part", "section") and blocks and blocks[0].kind in ("part", "section"):
            said = "\n".join([b.text for b in blocks] + [cell for b in blocks for row in b.rows for cell in row])
            blocks[1:1] = belonging_line(self.request, self._document_word(), said)
        return blocks, required

    def _scope_body(self) -> tuple[list[Block], list[str]]:
        scope = self.request.scope
        if scope == "table":
            if asks_for_participants(self.request):
                return participants_blocks(self.request, self.sk.get("label", "văn bản")), []
            if asks_for_tasks(self.request) and (tasks := task_blocks(self.request, self.content)):
                return tasks, []
            if counted := counted_items(self.request, [c.text for c in self.content]):
                return [Block("part", table_title(self.request)), Block("table", rows=counted)], []
            return scope_table(self.request, self.content, document=self._document_word()), []
        if scope == "section":
            units = {c.unit for c in self.content if c.unit}
            # A section asked by number alone, about one unit's work, is that unit's ("2. Phòng Kế hoạch - Tài chính").
            title = self.request.scope_title or (units.pop() if len(units) == 1 else "[tên mục]")
            heading = self._unit_heading(title) if find_units(title, vague=False) == [title] else title
            body = [Block("section", f"{self.request.scope_section or self._unit_number(title)}. {heading}")]
            table = scope_table(self.request, self.content, inline=True)  # with it, the lines it does not price
            for clause in [c for c in self.content if not (table and money(said(c)))]:
                if clause.number and "." in clause.number:
                    head, _, rest = clause.text.partition(": ")
                    body.append(Block("section", f"{clause.number}. {head}"))
                    body += [Block("line", "- " + full_line(r)) for r in [rest] if r]
                else:
                    body.append(Block("line", "- " + full_line(clause.task and f"{clause.unit} {clause.task[:1].lower()}"
                                                           f"{clause.task[1:]}" or clause.text)))
            return body + table, []
        if scope == "part":
            heading, part = self._target_part()
            # "phần mở đầu và đánh giá chung": the opening lines (when, who chaired, who attended) come first.
            asked = _OPENING.search(fold(self.request.instruction))
            folded = fold(self.request.instruction)
            # Not when the user has it already: "phần đầu, phần I … mình làm rồi".
            wanted = asked and not re.search(r"\bkhong(?: can)?\s+$", folded[:asked.start()]) and not re.match(
                r"[^.;]{0,60}?\b(?:roi|xong|done|already)\b", folded[asked.end():])
            opening = [Block("line", self.fill(self.sk["intro"]))] \
                if self.sk.get("intro") and wanted and not self.sk.get("intro_is_address") else []
            # A skeleton whose body has no named parts (a letter) gives its content without a heading.
            headed = [Block("part", heading)] if heading.strip(" .IVX") else []
            content, programme = programme_in_part(self.request, self.content)
            return [*opening, *headed, *self._part_body(part, content, whole=False), *programme], []
        chosen = self._whole_parts()
        routed = self._route([p for _, p in chosen])
        numbered = self.sk.get("numbered_parts", True)
        self.values["units_part"] = next((_ROMAN[n] for n, (_, p) in enumerate(chosen) if "units" in p), self.values["units_part"])
        body = [Block("line", self.fill(line)) for line in self.sk["basis"] if not self.request.basis]
        # Only a document with a legal-basis block (a plan) lists what it implements; others cite it in the text.
        body += [Block("line", f"Thực hiện {b};") for b in self.request.basis if self.sk["basis"]]
        if self.sk.get("intro"):
            body.append(Block("line", self.fill(self.sk["intro"])))
        if self.costed:  # the annexed estimate holds the priced lines: the body says their total once, in one place
            funding = next((n for n, (_, p) in enumerate(chosen) if "kinh phi" in fold(p.get("heading", ""))), None)
            routed = {n: clauses if n == funding else priced_said_once(clauses, self.costed, self.request.text,
                                                                       say_total=funding is None)
                      for n, clauses in routed.items()}
        for n, (heading, part) in enumerate(chosen):
            if heading:
                body.append(Block("part" if numbered else "section", f"{_ROMAN[n]}. {heading}" if numbered else heading))
            body += self._part_body(part, routed[n], whole=True)
        return body, [fold(h) for h, _ in chosen] if self.request.listed else self.sk["required"]

    def document(self) -> tuple[DraftDocument, list[str]]:
        body, required = self.body()
        whole = self.request.scope == "whole"
        sk = self.sk
        title = self.fill(sk["title"])
        return DraftDocument(
            # The provincial People's Committee is its own governing body: ỦY BAN NHÂN DÂN over TỈNH …
            governing="ỦY BAN NHÂN DÂN" if self.request.provincial else self.fill(sk["governing"]),
            issuer=self.fill(sk["issuer"]),
            number=f"Số: {n}" if (n := self.request.number) and not n.isdigit() else self.fill(sk["number"]).replace("[số]", n or "[số]"),
            place_date=self.fill(sk["place_date"]), doc_type_title=sk["doc_type_title"], title=title, body=body,
            closing=self.fill(sk["closing"]), recipients=[self.fill(r) for r in sk["recipients"]],
            signature=self.request.signature or sk["signature"],
            annexes=annex_tables(self.request, self.content, sk, self.fill) if whole else [],
            partial=not whole, warnings=self.warnings), required
