"""Draft a document in the house style: the request (request.py, request_reading.py) fills the skeleton of its
type (skeletons.py); the part that assigns work adapts the tasks that documents of the same type gave the same
units (exemplars.py) and, with an LLM, rewrites them for the new event (task_writer.py); each task cites its
exemplar. The layout and the specifics are then checked (checks.py) and every problem is reported as a
warning. A request for one part drafts only that part."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from string import Template

from ..config import GeneratorMode
from ..index.records import Citation, Task
from ..index.search_index import SearchIndex
from ..models.generators import ChatGenerator, Generator
from ..vietnamese.folding import fold
from ..vietnamese.patterns import YEAR
from ..vietnamese.restorer import get_restorer, ocr_slips
from .checks import PLACEHOLDER, check_budget, check_layout, check_specifics
from .document import Block, DraftDocument, DraftResult, vnd
from .exemplars import adapted, citation, exemplar_year, moved_year
from .markdown import to_markdown
from .request import DraftRequest, parse_request, review_kind
from .request_reading import FIELD_NAMES, Reading, read_request
from .skeletons import skeleton
from .task_writer import TaskWriter


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
        return {str(v) for f in ("place", "signer", "year") for v in self.index.distinct(f) if v}

    def _unit_tasks(self, units: list[str], sk: dict, listing: dict[str, dict]) -> dict[str, list[Task]]:
        """Each unit's tasks in documents of the skeleton's type (for a plan: its "Tổ chức thực hiện" part):
        only those of conference documents when the unit has any (a general plan's tasks, such as following
        a five-year programme, do not fit a conference), clean text before restored OCR, short before long;
        at most `draft_bullets_per_unit`. `listing`: the catalogue's files by source."""
        grouped: dict[str, list[Task]] = {u: [] for u in units}
        for task in self.index.tasks():
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
        sk = skeleton(self.settings.prompts_dir, request.doc_type)
        values = _fields(request)
        fill = lambda text: Template(text).safe_substitute(values)  # noqa: E731 - one-line formatter
        stale = set(self.index.distinct("place"))
        listing = {d["source"]: d for d in self.index.listing()}
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
                chosen = adapted(tasks, request, stale, bases, kinds)
                written = writer.rewrite(unit, [text for text, _ in chosen]) if writer else None
                lines = [(text, chosen[i][1]) for text, i in written] if written else chosen
                if not lines:
                    body.append(Block("line", "- " + part["fallback"]))
                for text, task in lines:
                    if (base := bases.get(task.source)) is not None and request.year:
                        shifted.update(str(moved_year(int(m.group()), base, request.year))
                                       for m in YEAR.finditer(task.task))
                    key = task.chunk_id + task.task
                    if key not in cited:
                        citations.append(citation(len(citations) + 1, task, task.source in restored))
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
        sk = skeleton(self.settings.prompts_dir, request.doc_type)
        generator = self.generator() if self.generator else None
        chat = generator.chat if isinstance(generator, ChatGenerator) else None
        restorer = get_restorer(self.settings.restorer_params)
        reading = None
        if chat is not None and generator.mode in self.settings.draft_read_llm_modes:
            remaining = self.settings.answer_deadline_seconds - self.settings.answer_deadline_margin \
                - (time.perf_counter() - started)
            if generator.turn.acquire(blocking=False):  # the LLM's one slot: a busy model is not waited for
                try:
                    # The client tries once more after a timeout: both tries, and the drafting after them, must
                    # fit in the time left.
                    reading = read_request(request, chat, self.settings.prompts_dir,
                                           self.settings.draft_read_max_tokens, sk["read_fields"],
                                           timeout=max((remaining - self.settings.answer_deadline_margin) / 2, 1.0))
                finally:
                    generator.turn.release()
            else:
                reading = Reading(request, error="busy with other requests")
            request = reading.request
        specifics = self.exemplar_specifics()
        writer = None
        if chat is not None and generator.mode in self.settings.draft_llm_modes:
            event = f"{Template(sk['title']).safe_substitute(_fields(request))} của Sở Y tế tỉnh {request.province or '[tỉnh]'}"
            writer = TaskWriter(chat, self.settings, request, specifics, event, restorer)
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
        slips = [ocr_slips(b.text, restorer) for b in document.body]
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
        mode = generator.mode if writer and writer.stats.kept else GeneratorMode.EXTRACTIVE
        return DraftResult(draft=markdown, citations=citations, warnings=warnings, mode=mode, stats=stats,
                           doc_type=sk["name"], scope="part" if request.sections else "whole"), document
