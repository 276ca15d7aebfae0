"""Draft a plan in the house style: the request fills a skeleton from prompts/skeletons/, part V adapts the
tasks that plans in the corpus gave the same units (their specifics replaced) and, with an LLM, rewrites them
for the new event (assistant/draft_generation.py); each task cites its exemplar. The layout and the specifics
are then checked and every problem is reported as a warning. A request for one part drafts only that part."""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from string import Template

from pydantic import BaseModel

from .citations import Citation
from .config import Settings
from .draft_generation import TaskWriter
from .draft_request import DraftRequest, parse_request, review_kind, unasked_specifics
from .index import SearchIndex
from .llm import Generator
from .request_reading import FIELD_NAMES, read_request
from .restore import apply_case, ocr_slips
from .tasks import Task
from .text import fold

PLACEHOLDER = re.compile(r"\[(?!\d+\])[^\]]*\]")  # `[tỉnh]`, not a citation marker `[3]`
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DOC_NUMBER = re.compile(r"\b(?:số\s+)?\d+/[A-ZĐ]{1,4}(?:-[A-ZĐa-z]+)+\b", re.IGNORECASE)
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass
class Block:
    kind: str  # part, section, line, table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)  # a table's rows, header first


@dataclass
class DraftDocument:
    governing: str
    issuer: str
    number: str
    place_date: str
    doc_type_title: str
    title: str
    body: list[Block]
    closing: str
    recipients: list[str]
    signature: list[str]
    annexes: list[Block]
    partial: bool = False  # only the parts asked for: no header, closing, signature or annexes
    shifted_years: set[str] = field(default_factory=set)  # years of exemplar tasks moved to the new event's


class DraftResult(BaseModel):
    draft: str  # Markdown
    citations: list[Citation]
    warnings: list[str]
    mode: str = "extractive"  # who wrote the tasks: the LLM mode, or extractive (adapted exemplars)
    stats: dict = {}


SKELETONS = {"KH": "ke_hoach_hoi_nghi", "TB": "thong_bao_ket_luan"}


def skeleton(settings: Settings, name: str = "ke_hoach_hoi_nghi") -> dict:
    return tomllib.loads((settings.prompts_dir / "skeletons" / f"{name}.toml").read_text("utf-8"))


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


def _fields(request: DraftRequest) -> dict[str, str]:
    total = request.budget_total or (sum(b.amount for b in request.budget) if request.budget else None)
    after_kind = request.event[fold(request.event).find(fold(request.kind)) + len(request.kind):].strip() \
        if request.event and request.kind and fold(request.kind) in fold(request.event) else ""
    period = after_kind or "[giai đoạn]"
    return {
        "province": request.province or "[tỉnh]", "PROVINCE": (request.province or "[tỉnh]").upper(),
        "year": str(request.year) if request.year else "[năm]", "event": request.event or "Hội nghị [tên hội nghị]",
        "date": request.date or "[ngày/tháng/năm]", "time": request.time or "[giờ]",
        "form": request.form or "[trực tiếp / trực tuyến]", "venue": request.venue or "[địa điểm]",
        "budget_total": vnd(total) if total else "[tổng kinh phí]", "period": period,
        "participants": "",
    }


def exemplar_year(request: DraftRequest, exemplar_title: str) -> int | None:
    """The year of the review an exemplar plans, when it is the same kind of review as the request's and its
    title names the year; then its tasks' years move with the event (see `moved_year`). Otherwise None, and
    every year of a task becomes the requested one."""
    year = _YEAR.search(exemplar_title)
    if request.year and request.kind and year and review_kind(exemplar_title) == request.kind:
        return int(year.group())
    return None


def moved_year(year: int, base: int, request_year: int) -> int:
    """A task's year moved by the distance between the exemplar's review and the new one: the year-end review
    of 2025 plans "phương hướng năm 2026", that of 2026 "năm 2027". A year before the exemplar's own is a line
    its authors kept from the year before, so it counts as the exemplar's year."""
    return max(year, base) + request_year - base


def _despecify(text: str, request: DraftRequest, stale: set[str], base: int | None = None,
               kind: str | None = None) -> str:
    """An exemplar's task with its own dates, years, document numbers and places replaced, and the kind of
    review it prepares (`kind`, from its title) changed to the requested one: a year-end plan's "tổng kết
    hoạt động ngành" becomes "sơ kết" in a mid-term plan."""
    deadline = request.deadlines[0] if request.deadlines else "[ngày]"
    if kind and request.kind and kind != request.kind:
        text = re.sub(rf"\b{kind}\b", lambda m: apply_case(request.kind, m.group()), text, flags=re.IGNORECASE)
    text = _DOC_NUMBER.sub("[số văn bản]", text)
    text = _DATE.sub(deadline, text)
    if base is not None and request.year:
        text = _YEAR.sub(lambda m: str(moved_year(int(m.group()), base, request.year)), text)
    else:
        text = _YEAR.sub(str(request.year) if request.year else "[năm]", text)
    for place in stale:
        text = re.sub(re.escape(place), request.province or "[tỉnh]", text, flags=re.IGNORECASE)
    return text


def _citation(n: int, task: Task, restored: bool) -> Citation:
    return Citation(n=n, source=task.source, title=task.title, section=task.section, quote=task.task,
                    quote_original=task.quote, restored=restored, chunk_id=task.chunk_id)


def _adapted(tasks: list[Task], request: DraftRequest, stale: set[str], bases: dict[str, int | None],
             kinds: dict[str, str | None]) -> list[tuple[str, Task]]:
    """A unit's exemplar tasks with their specifics replaced, each once."""
    seen: set[str] = set()
    adapted = []
    for task in tasks:
        text = _despecify(task.task.rstrip(" .;"), request, stale, bases.get(task.source), kinds.get(task.source))
        if fold(text) not in seen:
            seen.add(fold(text))
            adapted.append((text, task))
    return adapted


def agenda_rows(agenda: dict, request: DraftRequest, fill: Callable[[str], str]) -> list[list[str]]:
    """The agenda timed from the requested start (`08h00 - 08h30`), or with the times left to fill in."""
    rows = [list(agenda["header"])]
    start = re.fullmatch(r"(\d{2})h(\d{2})", request.time or "")
    minute = int(start.group(1)) * 60 + int(start.group(2)) if start else None
    for minutes, content, who in agenda["items"]:
        if minute is None:
            when = "[giờ]"
        else:
            when = f"{minute // 60:02d}h{minute % 60:02d} - {(minute + minutes) // 60:02d}h{(minute + minutes) % 60:02d}"
            minute += minutes
        rows.append([when, fill(content), who])
    return rows


class Drafter:
    def __init__(self, index: SearchIndex, generator: Callable[[], Generator] | None = None) -> None:
        """`generator` gives the LLM when a draft needs it (started on first use); without it, or when it
        is extractive, the adapted exemplars stand as they are."""
        self.index = index
        self.settings = index.settings
        self.generator = generator

    def exemplar_specifics(self) -> set[str]:
        """Places, signers and years of the documents in the corpus: none may reach a new draft unasked."""
        catalog = self.index.catalog
        return {str(v) for f in ("place", "signer", "year") for v in catalog.distinct(f) if v}

    def _unit_tasks(self, units: list[str], sk: dict, listing: dict[str, dict]) -> dict[str, list[Task]]:
        """Each unit's tasks in documents of the skeleton's type (for a plan: its "Tổ chức thực hiện" part):
        only those of conference documents when the unit has any (a general plan's tasks, such as following
        a five-year programme, do not fit a conference), clean text before restored OCR, short before long;
        at most `draft_bullets_per_unit`. `listing`: the catalogue's files by source."""
        grouped: dict[str, list[Task]] = {u: [] for u in units}
        for task in self.index.catalog.tasks():
            doc = listing.get(task.source)
            if task.unit in grouped and doc and fold(doc["doc_type"] or "") == sk["exemplar_type"] \
                    and sk["exemplar_section"] in fold(task.section):
                grouped[task.unit].append(task)

        def conference(task: Task) -> bool:
            return "hoi nghi" in fold(listing[task.source]["title"])

        def rank(task: Task) -> tuple:
            return (listing[task.source]["restored"], len(task.task) > 200)

        chosen = {u: [t for t in ts if conference(t)] or ts for u, ts in grouped.items()}
        return {u: sorted(ts, key=rank)[:self.settings.draft_bullets_per_unit] for u, ts in chosen.items()}

    def compose(self, request: DraftRequest, writer: TaskWriter | None = None) -> tuple[DraftDocument, list[Citation]]:
        sk = skeleton(self.settings, SKELETONS[request.doc_type])
        values = _fields(request)
        fill = lambda text: Template(text).safe_substitute(values)  # noqa: E731 - one-line formatter
        stale = {p for p in self.index.catalog.distinct("place")}
        listing = {d["source"]: d for d in self.index.catalog.listing()}
        restored = {source for source, d in listing.items() if d["restored"]}
        bases = {source: exemplar_year(request, d["title"] or "") for source, d in listing.items()}
        kinds = {source: review_kind(d["title"] or "") for source, d in listing.items()}
        parts = [p for p in sk["part"] if not request.sections or any(s in fold(p["heading"]) for s in request.sections)]
        body: list[Block] = [] if request.sections else [Block("line", fill(line)) for line in sk["basis"]]
        citations: list[Citation] = []
        cited: dict[str, int] = {}
        shifted: set[str] = set()
        for part in parts:
            body.append(Block("part", part["heading"]))
            for section in part.get("section", []):
                body.append(Block("section", section["heading"]))
                for line in section["lines"]:
                    if line == "$participants":
                        body += [Block("line", f"- {p};") for p in request.participants] or [
                            Block("line", "- [thành phần tham dự]")]
                    else:
                        body.append(Block("line", fill(line)))
            for line in part.get("lines", []):
                body.append(Block("line", "- " + fill(line)))
            for n, (unit, tasks) in enumerate(self._unit_tasks(part.get("units", []), sk, listing).items(), 1):
                body.append(Block("section", f"{n}. {unit}"))
                adapted = _adapted(tasks, request, stale, bases, kinds)
                written = writer.rewrite(unit, [text for text, _ in adapted]) if writer else None
                lines = [(text, adapted[i][1]) for text, i in written] if written else adapted
                if not lines:
                    body.append(Block("line", "- " + part["fallback"]))
                for text, task in lines:
                    if (base := bases.get(task.source)) is not None and request.year:
                        shifted.update(str(moved_year(int(m.group()), base, request.year))
                                       for m in _YEAR.finditer(task.task))
                    key = task.chunk_id + task.task
                    if key not in cited:
                        citations.append(_citation(len(citations) + 1, task, task.source in restored))
                        cited[key] = len(citations)
                    body.append(Block("line", f"- {text}. [{cited[key]}]"))
        annexes = [] if request.sections else self._annexes(sk, request, fill)
        document = DraftDocument(
            governing=fill(sk["governing"]), issuer=sk["issuer"], number=sk["number"], place_date=fill(sk["place_date"]),
            doc_type_title=sk["doc_type_title"], title=fill(sk["title"]), body=body, closing=fill(sk["closing"]),
            recipients=sk["recipients"], signature=sk["signature"], annexes=annexes, partial=bool(request.sections),
            shifted_years=shifted)
        return document, citations

    def _annexes(self, sk: dict, request: DraftRequest, fill: Callable[[str], str]) -> list[Block]:
        annexes = []
        if "agenda" in sk:
            annexes += [Block("part", sk["agenda"]["title"]), Block("table", rows=agenda_rows(sk["agenda"], request, fill))]
        if request.doc_type == "KH":
            annexes += [Block("part", "DỰ TRÙ KINH PHÍ"), Block("table", rows=self._budget_rows(request))]
        return annexes

    @staticmethod
    def _budget_rows(request: DraftRequest) -> list[list[str]]:
        rows = [["STT", "Nội dung", "Thành tiền"]]
        rows += [[str(n), b.item, vnd(b.amount)] for n, b in enumerate(request.budget, 1)] or [["1", "[nội dung chi]", "[số tiền]"]]
        total = request.budget_total or sum(b.amount for b in request.budget)
        rows.append(["", "Tổng cộng", vnd(total) if total else "[tổng]"])
        return rows

    def draft(self, instruction: str) -> DraftResult:
        return self.build(instruction)[0]

    def build(self, instruction: str) -> tuple[DraftResult, DraftDocument]:
        """The checked draft, and the document it renders, for the Word export."""
        if not instruction.strip():
            raise ValueError("the instruction is empty")
        started = time.perf_counter()
        request = parse_request(instruction)
        sk = skeleton(self.settings, SKELETONS[request.doc_type])
        generator = self.generator() if self.generator else None
        reading = None
        if generator and generator.chat is not None and generator.mode in self.settings.draft_read_llm_modes:
            reading = read_request(request, generator.chat, self.settings.draft_read_max_tokens, sk["read_fields"])
            request = reading.request
        specifics = self.exemplar_specifics()
        writer = None
        if generator and generator.chat is not None and generator.mode in self.settings.draft_llm_modes:
            event = f"{Template(sk['title']).safe_substitute(_fields(request))} của Sở Y tế tỉnh {request.province or '[tỉnh]'}"
            writer = TaskWriter(generator.chat, self.settings, request, specifics, event)
        document, citations = self.compose(request, writer)
        markdown = to_markdown(document)
        warnings = check_layout(markdown, request.sections or sk["required"], document.doc_type_title,
                                whole=not document.partial)
        warnings += check_specifics(markdown, request, specifics, whole=not document.partial,
                                    shifted_years=document.shifted_years)
        warnings += check_budget(request)
        gaps = sorted(set(PLACEHOLDER.findall(markdown)) - {"[số]"})
        if gaps:
            warnings.append("còn phải điền: " + ", ".join(gaps))
        slips = [ocr_slips(b.text) for b in document.body]
        if damaged := [words for words in slips if words]:
            words = list(dict.fromkeys(w for ws in damaged for w in ws))
            warnings.append(f"{len(damaged)} ý mượn từ văn bản OCR còn lỗi chữ, cần soát lại: " + ", ".join(words[:12]))
        if reading and reading.fields:
            warnings.append("LLM đọc từ yêu cầu, cần kiểm tra lại: " + ", ".join(FIELD_NAMES[f] for f in reading.fields))
        if reading and reading.error:
            warnings.append(f"LLM không đọc được yêu cầu ({reading.error}); bản thảo chỉ dùng những gì quy tắc đọc được")
        stats = {"seconds": round(time.perf_counter() - started, 2)}
        if writer:
            stats.update(writer.stats.as_dict())
            if writer.stats.skipped:
                warnings.append(f"{writer.stats.skipped} đơn vị giữ nhiệm vụ mẫu: hết thời gian dành cho LLM")
            if writer.stats.error:
                warnings.append(f"LLM không viết được nhiệm vụ ({writer.stats.error}); các đơn vị giữ nhiệm vụ mẫu")
        if reading and reading.seconds:
            tokens = stats.get("tokens", 0) + reading.tokens
            seconds = stats.get("llm_seconds", 0.0) + reading.seconds
            stats.update(read_fields=reading.fields, tokens=tokens, llm_seconds=round(seconds, 1),
                         tokens_per_second=round(tokens / seconds, 1))
        mode = generator.mode if writer and writer.stats.kept else "extractive"
        return DraftResult(draft=markdown, citations=citations, warnings=warnings, mode=mode, stats=stats), document


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


def check_layout(markdown: str, required: list[str], doc_type_title: str = "KẾ HOẠCH", whole: bool = True) -> list[str]:
    """Required parts present and in order, parts numbered I, II, … and sections 1, 2, … within each part;
    a whole document also has its type title and Nơi nhận (one part drafted alone keeps its numeral)."""
    warnings = []
    parts = re.findall(r"^### ([IVX]+)\. (.+)$", markdown, flags=re.MULTILINE)
    names = [fold(name) for _, name in parts]
    positions = [next((i for i, n in enumerate(names) if want in n), None) for want in required]
    for want, pos in zip(required, positions):
        if pos is None:
            warnings.append(f"thiếu phần bắt buộc: {want.upper()}")
    found = [p for p in positions if p is not None]
    if found != sorted(found):
        warnings.append("các phần bắt buộc không theo thứ tự")
    numerals = [numeral for numeral, _ in parts]
    if whole and numerals != _ROMAN[:len(numerals)]:
        warnings.append(f"đánh số phần không liên tục: {', '.join(numerals)}")
    for chunk in re.split(r"^### ", markdown, flags=re.MULTILINE)[1:]:
        numbers = [int(n) for n in re.findall(r"^\*\*(\d+)\. ", chunk, flags=re.MULTILINE)]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            warnings.append(f"đánh số mục không liên tục trong phần {chunk.split(chr(10))[0]}: {numbers}")
    for marker in ("Nơi nhận", doc_type_title) if whole else ():
        if marker not in markdown:
            warnings.append(f"thiếu {marker}")
    return warnings


def check_specifics(markdown: str, request: DraftRequest, specifics: set[str], whole: bool = True,
                    shifted_years: set[str] = frozenset()) -> list[str]:
    """Places, signers and years of old documents that the request did not ask for; other years too, except
    those the drafter moved by the distance between an exemplar's event and the new one; in a whole
    document, the requested province and date."""
    text = fold(markdown)
    warnings = [f"chi tiết cũ từ văn bản mẫu: {s}" for s in unasked_specifics(markdown, request, specifics)]
    if request.year:
        others = sorted({y.group(0) for y in re.finditer(r"\b20\d{2}\b", markdown)} - {str(request.year)} - set(
            re.findall(r"\b20\d{2}\b", request.instruction)) - shifted_years)
        warnings += [f"năm khác năm yêu cầu: {y}" for y in others if f"chi tiết cũ từ văn bản mẫu: {y}" not in warnings]
    if not whole:
        return warnings
    if request.province and fold(request.province) not in text:
        warnings.append(f"không thấy tỉnh yêu cầu: {request.province}")
    if request.date and request.date not in markdown:
        warnings.append(f"không thấy ngày yêu cầu: {request.date}")
    return warnings


def check_budget(request: DraftRequest) -> list[str]:
    if request.budget and request.budget_total is not None:
        added = sum(b.amount for b in request.budget)
        if added != request.budget_total:
            return [f"dự trù kinh phí không khớp: các khoản cộng lại {vnd(added)}, tổng ghi {vnd(request.budget_total)}"]
    return []
