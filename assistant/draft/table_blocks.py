"""The computed tables as draft blocks: the table a table request asks for (a budget estimate, an indicator
table, an agenda), the lines of a funding part (the total and its amount in words), and the annexes of a
whole document (the agenda timed from the start hour, the budget estimate)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vietnamese.folding import fold
from .agenda import agenda_rows, agenda_subtitle, agenda_times, listed_agenda
from .belonging import document_named
from .clauses import Clause, said
from .columns import UNIT_COLUMN, column, column_names, columns_in, named_columns
from .document import Block, vnd
from .request import DraftRequest
from .indicator_names import house_name
from .indicators import (CHANGE_ASKED, COMPARED_YEARS, COMPARISON, RATE_COLUMN, SHARE_COLUMN, VALUE_LABEL, assessed,
                         change_of, decimals, indicator_columns, indicator_row, rate_rows, share_of_plan)
from .funding import funding_sources, source_name, source_pieces
from .number_words import in_words
from .amounts import money
from .tables import CostLine, budget_rows, cost_lines
from .listed_table import listed_table
from .typed_tables import pasted_table, worked_table

_ASSESS = re.compile(r"danh gia|assessment|evaluation|dat")
_RESULTS = re.compile(r"\b(?:thuc hien|th|ket qua|results?|actual|achieved)\b")
# "không cần lập bảng dự trù", "no budget table": the plan's annex has no estimate to fill in.
_NO_ESTIMATE = re.compile(r"\b(?:khong|ko|k) (?:can|phai) (?:lap |lam |kem )?(?:bang )?(?:du tru|du toan)|"
                          r"\bno (?:budget )?(?:table|estimate|annex)\b|\bwithout (?:a |the )?budget (?:table|estimate)")
_BUDGET_ASKED = re.compile(r"\b(?:du tru|du toan|kinh phi|budget|cost)\b")
_BY_SOURCE = re.compile(r"\b(?:(?:theo|tu) (?:tung |cac |hai |ba |bon |nam )?nguon|by source|from (?:the following|these|"
                        r"two|three|four) sources)\b\s*:?")
_INLINE_ITEM = re.compile(r"(?:^|\s)\d{1,2}\.\s+")


# What is left between the columns and the first row: "… Tỷ lệ % so với kế hoạch (làm tròn 1 chữ số thập phân): ".
_NOTE_BEFORE_ROW = re.compile(r"^[\s):]*(?:\([^)]*\)[\s):]*)?")


def _row_texts(request: DraftRequest, clauses: list[Clause]) -> list[str]:
    """The clauses' texts without the columns they name: "(chỉ bảng, các cột: TT, Chỉ tiêu, …): số bác sĩ/10.000
    dân 11,5" is a row of its own."""
    named = named_columns(request.text)
    return [_NOTE_BEFORE_ROW.sub("", c.text[own.end():]) if (own := columns_in(c.text))
            else _NOTE_BEFORE_ROW.sub("", c.text[len(named):]) if named and c.text.startswith(named)
            else said(c) if c.typed_label and c.text[:1].isdigit() else c.text  # "Blood slides tested: 8.000 …": named by its label
            for c in clauses]


def table_in_part(request: DraftRequest, clauses: list[Clause]) -> tuple[list[Clause], list[Block]]:
    """A part asked for with a table whose columns the request names ("đoạn văn ngắn + bảng (TT, chỉ tiêu, …): lượt
    khám KH 1.450.000, thực hiện 1.087.500; …"): the clauses left for its text, and the table of the rows."""
    # A row gives two values or more (a plan and a result); "9 tháng ghi nhận 126 ca …" stays in the text.
    rows = [c for c, text in zip(clauses, _row_texts(request, clauses)) if len(indicator_row(text) or []) > 3]
    if not named_columns(request.text) or not (table := _indicator_table(request, rows)):
        return clauses, []
    return [c for c in clauses if c not in rows], [Block("table", rows=table)]


def _indicator_table(request: DraftRequest, clauses: list[Clause]) -> list[list[str]] | None:
    # Rows typed in one sentence, split by commas ("tỷ lệ tiêm chủng >= 95%, số giường bệnh/10.000 dân 32 giường").
    # The columns' clause is no row; "…, cùng kỳ 3 vụ" is the row's other value.
    clauses = [c for c in clauses if fold(c.label) not in ("cot", "cac cot", "column", "columns")]
    named = named_columns(request.text)
    texts = _row_texts(request, clauses)
    # "…, thực hiện 1.087.500" is the row's other value, after its label.
    listed = [[indicator_row(part) for part in re.split(rf",\s+(?=[^\W\d])(?!{COMPARISON}|{VALUE_LABEL}\s*:?\s*\d)", text,
                                                       flags=re.IGNORECASE)]
              for text in texts]
    rows = [row for text, parts in zip(texts, listed)
            for row in ([p for p in parts if p] if len(parts) > 1 and all(parts) else [indicator_row(text)]) if row]
    # Rows typed one a line and numbered reach the request joined ("… 1. số bác sĩ: KH 11, TH 11,4 2. …"), and
    # their colons cut its clauses elsewhere: read from the numbers, when that gives more rows.
    numbered = [row for piece in _INLINE_ITEM.split(request.text)[1:] if (row := indicator_row(piece))]
    rows = numbered if len(numbered) > len(rows) else rows
    # "…, Số đối tượng, Số được tiêm, Tỷ lệ %": each row's count and part, and the rate worked out.
    if named and RATE_COLUMN.search(fold(named.split(",")[-1])) and (
            rated := rate_rows([t for t in texts if t.strip()], fold(request.text))):
        rows = rated
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows) - 2  # values per row, after the name and the unit
    year = str(request.year or "")
    columns = [column(c.strip(" ."), year) for c in re.split(r",\s+|\s+(?:và|and)\s+|\s*\|\s*", named)] if named else []
    if columns and fold(columns[0]) not in ("tt", "stt"):  # the rows are numbered all the same
        columns.insert(0, "TT")
    # Columns named without a unit's: each value carries its unit ("86,2%").
    lead = 2 if columns and not any(UNIT_COLUMN.search(fold(c)) for c in columns) and len(columns) >= 2 + width else 3
    compared = COMPARED_YEARS.search(fold(request.text)) if width == 2 else None  # "comparing 2026 and 2027"
    if len(columns) < 2 + width:
        columns = ["TT", "Chỉ tiêu", "Đơn vị tính"] + (
            [f"Kế hoạch năm {year}".strip()] if width == 1 else [f"Năm {compared.group(1)}", f"Năm {compared.group(2)}"]
            if compared else ["Kế hoạch", "Thực hiện"] + [""] * (width - 2))
    # Đạt / Không đạt: in the column the request names, or, when it names none, beside a plan and a result.
    assess = (len(columns) > lead + width and _ASSESS.search(fold(columns[-1])) is not None and width >= 2) or (
        not named and width == 2 and _RESULTS.search(fold(request.text)) is not None)
    if assess and len(columns) == lead + width:
        columns = [*columns, "Đánh giá"]
    # A plan and a result, and a column named for the share of the plan: worked out, not left to fill in.
    share = not assess and width == 2 and len(columns) == lead + 1 + width and SHARE_COLUMN.search(fold(columns[-1])) is not None
    change = not (assess or share) and width == 2 and CHANGE_ASKED.search(fold(request.text)) is not None
    extra = [] if change else [c for c in columns[lead + width + (assess or share):] if c]
    table = [columns[:lead + width + (assess or share)] + (["Tăng/giảm (%)"] if change else []) + extra]  # extra: to fill in
    digits = decimals(fold(request.text))
    for n, (name, unit, *cells) in enumerate(rows, 1):
        cells += [""] * (width - len(cells))  # a row typed with fewer values keeps its columns
        shown = [unit, *cells] if lead == 3 else [f"{c}{'' if unit in '%‰' else ' '}{unit}" if c and unit else c for c in cells]
        table.append([str(n), house_name(name, unit, cells), *shown] + ([assessed(cells[0], cells[1]) if cells[1] else ""] if assess else [])
                     + ([share_of_plan(cells[0], cells[1], digits) if cells[1] else ""] if share else [])
                     + ([change_of(cells[0], cells[1], digits)] if change else []) + [""] * len(extra))
    return table


def _budget_subtitle(request: DraftRequest, document: str) -> list[Block]:
    """The event an estimate is for, under its title, as the seeds' annex names it; else the document it goes
    with ("(Kèm theo Kế hoạch truyền thông … năm 2026 của Sở Y tế Ninh Bình)")."""
    if request.event and not request.english:
        return agenda_subtitle(request)
    named = document_named(request, document)
    return [Block("line", f"(Kèm theo {named})")] if named else []


def _budget_title(request: DraftRequest) -> str:
    return "DỰ TOÁN KINH PHÍ" if "du toan" in fold(request.text) else "DỰ TRÙ KINH PHÍ"


def _words_line(total: int) -> Block:
    return Block("line", f"Bằng chữ: {in_words(total)}.")


# Where an estimate's money comes from, said without an amount: "Nguồn ngân sách tỉnh năm 2026", "Funding: provincial budget".
_SOURCE = re.compile(r"\b(?:ngan sach|nguon|kinh phi su nghiep|chuong trinh muc tieu|xa hoi hoa|funded|funding|(?:provincial|state|central) budget)\b")


def _source_line(clauses: list[Clause]) -> list[Block]:
    """An estimate drafted alone says its source under it, as the request names it."""
    named = next((c for c in clauses if not money(c.text) and _SOURCE.search(fold(f"{c.label} {c.text}"))
                  and len(c.text.split()) <= 15), None)
    if not named:
        return []
    name = re.sub(r"^(?:nguồn(?: kinh phí)?|kinh phí|từ)\s*(?:đề nghị\s*)?(?:từ\s+)?:?\s*", "", named.text.strip(" ."), flags=re.IGNORECASE)
    return [Block("line", f"Nguồn kinh phí: {name[:1].lower()}{name[1:]}.")] if name else []


def table_title(request: DraftRequest) -> str:
    """"bảng phân công kèm TB …" is titled BẢNG PHÂN CÔNG."""
    named = re.search(r"\bbảng\s+(?!thôi\b)(.{3,60}?)\s*(?=\bkèm\b|\bgửi\b|\bđính kèm\b|\bđể\b|\bcủa\b|\bcho\b|\btheo\b|\(|[:,.;]|$)",
                      request.text, re.IGNORECASE)
    return f"BẢNG {named.group(1).upper()}" if named else "BẢNG"


def scope_table(request: DraftRequest, clauses: list[Clause], inline: bool = False, document: str = "") -> list[Block]:
    """The table a request asks for; `inline` (a section presented as a table): only when it says so. `document`:
    the kind of document it goes with ("Kế hoạch"), named under a budget's title."""
    texts = [said(c) for c in clauses]
    indicators = indicator_columns(fold(named_columns(request.text) or ""))
    factored = [] if indicators else cost_lines(texts, context=request.text)
    # A budget section gives its priced lines as its estimate, "bảng" said or not ("section 3 Kinh phí … include the
    # detailed estimate").
    if inline and not re.search(r"\b(?:bang|table)\b", fold(request.text)) and not (
            factored and _BUDGET_ASKED.search(fold(request.scope_title or request.text))):
        return []
    lines = [] if indicators else factored or (cost_lines(texts, lump=True, context=request.text) if _BUDGET_ASKED.search(fold(request.text)) else [])
    if factored or (len(lines) >= 2 and not inline):  # amounts alone make a budget table from two lines up
        title = _budget_title(request)
        # In a section ("điểm 2 … có bảng nhỏ") the table stands under the section's own heading; an estimate of
        # its own names its event under its title, as the seeds' annex does.
        return ([] if inline else [Block("part", title), *_budget_subtitle(request, document)]) + [
            Block("table", rows=budget_rows(lines)), _words_line(sum(line.amount for line in lines)),
            *([] if inline else _source_line(clauses))]
    # An agenda before indicators: "7h30 - 8h00: đón tiếp" would read as a row named 7h30.
    if not inline and (agenda := agenda_rows(request, clauses) or listed_agenda(request, clauses)):
        return [Block("part", "CHƯƠNG TRÌNH"), *agenda_subtitle(request), Block("table", rows=agenda)]
    if table := worked_table(request.text) or pasted_table(request) or listed_table(request.text, column_names(request.text)):
        return ([] if inline else [Block("part", table_title(request))]) + [Block("table", rows=table)]
    if table := _indicator_table(request, clauses):
        return ([] if inline else [Block("part", "CÁC CHỈ TIÊU CHỦ YẾU")]) + [Block("table", rows=table)]
    return [] if inline else [Block("line", "[bảng: yêu cầu chưa cho số liệu]")]


def funding_lines(request: DraftRequest, clauses: list[Clause], annexed: bool = True,
                  estimate: list[CostLine] | None = None) -> list[Block]:
    """The total of a funding part with its amount in words: from the sources the request splits it into,
    from the budget lines it gives (their table in the annex, or here when the part is drafted alone), or from
    a total it states."""
    text = " ".join(c.text for c in clauses)
    if found := funding_sources(text):
        return [_sources_line("Tổng kinh phí", found[1])]
    if lines := cost_lines([said(c) for c in clauses] or [request.text], context=request.text):
        total = sum(line.amount for line in estimate or lines)  # the annexed estimate's, lines in other parts too
        if not annexed:
            return [Block("line", f"- Tổng kinh phí: {vnd(total)} (Bằng chữ: {in_words(total)}), chi tiết như sau:"),
                    Block("section", _budget_title(request)), Block("table", rows=budget_rows(lines))]
        return [Block("line", f"- Tổng kinh phí: {vnd(total)} (Bằng chữ: {in_words(total)}), chi tiết tại Phụ lục.")]
    if sources := _by_source(clauses):  # sources without their total: the total is theirs
        return [_sources_line("Tổng kinh phí", sources)]
    stated = next((money(c.text) for c in clauses if "tong" in fold(c.text) and money(c.text)), None)
    if stated:
        return [Block("line", f"- Bằng chữ: {in_words(stated)}.")]
    amounts = [amount for c in clauses if (amount := money(c.text))]
    # The part's only amount is its total.
    return [Block("line", f"- Tổng kinh phí: {vnd(amounts[0])} (Bằng chữ: {in_words(amounts[0])}).")] if len(amounts) == 1 else []


def priced_said_once(clauses: list[Clause], costed: list[CostLine], context: str, say_total: bool = True) -> list[Clause]:
    """A part's clauses with its priced lines, in the annexed estimate (`costed`), said once as the total (unless
    `say_total` is false: the funding part says it): the body does not list them beside the annex. What a priced clause says
    before its last sentence, the one that prices ("… chỉ đủ dùng đến hết tháng 10. Dự trù: vắc xin 1.200 liều x
    185.000 đồng"), stays."""
    total = sum(line.amount for line in costed)
    items = [fold(line.item) for line in costed]
    out: list[Clause] = []
    said_once = not say_total  # a funding part says it
    for clause in clauses:
        # A lump sum of the estimate ("sơ kết cuối năm trọn gói 8 triệu") is priced by its amount and its name.
        lump = money(said(clause)) is not None and any(item in fold(said(clause)) for item in items)
        if not (lump or cost_lines([said(clause)], context=context)):
            out.append(clause)
            continue
        if (cut := clause.text.rfind(". ")) > 0 and not cost_lines([clause.text[:cut]], context=context):
            out.append(Clause(text=clause.text[:cut]))
        if not said_once:
            out.append(Clause(text=f"Tổng kinh phí: {vnd(total)} (Bằng chữ: {in_words(total)}), chi tiết tại Phụ lục kèm theo"))
            said_once = True
    return out


def _by_source(clauses: list[Clause]) -> list[tuple[str, int]]:
    """The amounts a request lists by source ("… theo nguồn: ngân sách trung ương …; ngân sách tỉnh …", "lấy từ
    ba nguồn: …, … và …"), in one clause or several, up to the first piece without one."""
    start = next((n for n, c in enumerate(clauses) if _BY_SOURCE.search(fold(c.text))), None)
    if start is None:
        return []
    text = " ; ".join(c.text for c in clauses[start:])
    text = text[_BY_SOURCE.search(fold(text)).end():]
    sources: list[tuple[str, int]] = []
    for piece in source_pieces(text):
        if (amount := money(piece)) is None:
            if sources:
                break
            continue
        sources.append((source_name(piece), amount))
    return sources if len(sources) >= 2 else []


def _sources_line(label: str, sources: list[tuple[str, int]]) -> Block:
    total = sum(amount for _, amount in sources)
    return Block("line", f"- {label}: {vnd(total)} (Bằng chữ: {in_words(total)}), trong đó: "
                         + "; ".join(f"{name}: {vnd(amount)}" for name, amount in sources) + ".")


def sources_total(clauses: list[Clause]) -> list[Block]:
    """Amounts listed by source outside a funding part get their total and its amount in words, as the house
    style writes them."""
    return [_sources_line("Tổng cộng", sources)] if (sources := _by_source(clauses)) else []


def annex_tables(request: DraftRequest, clauses: list[Clause], sk: dict, fill: Callable[[str], str]) -> list[Block]:
    annexes: list[Block] = []
    rows = agenda_rows(request, clauses)
    if rows and "agenda" not in sk:  # an invitation, a letter … with the programme the request attaches
        annexes += [Block("part", "CHƯƠNG TRÌNH"), *agenda_subtitle(request), Block("table", rows=rows)]
    if "agenda" in sk:
        if rows is None:
            agenda = sk["agenda"]
            times = agenda_times(request.time, [minutes for minutes, _, _ in agenda["items"]])
            rows = [list(agenda["header"]), *[[when, fill(content), who]
                                               for when, (_, content, who) in zip(times, agenda["items"])]]
        annexes += [Block("part", sk["agenda"]["title"]), Block("table", rows=rows)]
    if lines := cost_lines([said(c) for c in clauses], context=request.text):
        annexes += [Block("part", "DỰ TRÙ KINH PHÍ"), *_budget_subtitle(request, ""), Block("table", rows=budget_rows(lines)),
                    _words_line(sum(line.amount for line in lines))]
    elif sk["name"] == "conference_plan" and not _NO_ESTIMATE.search(fold(request.text)):
        rows = [["STT", "Nội dung", "Thành tiền"]]
        rows += [[str(n), b.item, vnd(b.amount)] for n, b in enumerate(request.budget, 1)] or [["1", "[nội dung chi]", "[số tiền]"]]
        total = request.budget_total or sum(b.amount for b in request.budget)
        rows.append(["", "Tổng cộng", vnd(total) if total else "[tổng]"])
        annexes += [Block("part", "DỰ TRÙ KINH PHÍ"), Block("table", rows=rows)]
    return annexes
