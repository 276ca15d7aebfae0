"""Draft a document in the house style: the request is read by rules (understanding.py: type, scope, listed
parts, specifics; request_reading.py: with an LLM, the fields the rules missed), cut into clauses that the
skeleton of its type takes part by part (composer.py), with tables computed from it (tables.py). The part that
assigns work adapts, for units the request gives no task, the tasks that documents of the same type gave the
same units (exemplars.py), rewritten by an LLM when there is one (task_writer.py), each kept only when its
language is clean (clean.py) and citing its exemplar. The layout and the specifics are then checked
(checks.py) and every problem, and every assumption, is reported as a warning."""

from __future__ import annotations

import time
from collections.abc import Callable
from string import Template

from sklearn.pipeline import Pipeline

from ..config import GeneratorMode
from ..index.records import Citation, Task
from ..index.search_index import SearchIndex
from ..models.generators import ChatGenerator, Generator
from ..vietnamese.folding import fold
from ..vietnamese.language import WORD, is_code, is_syllable
from ..vietnamese.patterns import YEAR
from ..vietnamese.places import province_names
from ..vietnamese.restorer import Restorer, get_restorer
from ..vietnamese.units import find_units
from .checks import PLACEHOLDER, check_budget, check_layout, check_specifics
from .clauses import clauses
from .clean import line_fault, period_worded
from .composer import Composer
from .values import values
from .periods import periods
from .in_vietnamese import in_vietnamese
from .document import DraftDocument, DraftResult
from .exemplars import adapted, citation, exemplar_year, moved_year
from .markdown import to_markdown
from .request import DraftRequest, review_kind
from .request_reading import FIELD_NAMES, Reading, read_request
from .skeletons import skeleton, skeletons
from .task_writer import TaskWriter
from .scope_model import asks_for_a_piece, scope_model
from .understanding import understand


# A province's own name is no English left over, whatever its syllables ("Đắk Lắk").
_PROVINCE_WORDS = {word for name in province_names().values() for word in WORD.findall(name)}


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

    def _borrowed(self, request: DraftRequest, sk: dict, writer: TaskWriter | None, restorer: Restorer,
                  citations: list[Citation], dropped: list[str], shifted: set[str]) -> Callable[[str], list[str]]:
        """What the corpus gave a unit in documents of this type, adapted to the request (exemplars.py),
        rewritten by the LLM when there is one, worded for the request's period, and kept only when clean
        (clean.py): each line with its citation marker. A unit no clean line is left for gets the skeleton's
        neutral line; `dropped` collects why lines were left out."""
        stale = set(self.index.distinct("place"))
        listing = {d["source"]: d for d in self.index.listing()}
        restored = {source for source, d in listing.items() if d["restored"]}
        bases = {source: exemplar_year(request, d["title"] or "") for source, d in listing.items()}
        kinds = {source: review_kind(d["title"] or "") for source, d in listing.items()}
        asked = {w.lower() for w in WORD.findall(request.text + " " + request.instruction)}
        mid_year = periods(request)[0].startswith("6 tháng")
        cited: dict[str, int] = {}
        neutral = next((p["neutral"] for p in sk["part"] if "neutral" in p), None)

        def lines(unit: str) -> list[str]:
            canonical = (find_units(unit) or [unit])[0]
            tasks = self._unit_tasks([canonical], sk, listing).get(canonical, []) if sk.get("borrow", True) else []
            chosen = adapted(tasks, request, stale, bases, kinds)
            written = writer.rewrite(canonical, [text for text, _ in chosen]) if writer and chosen else None
            kept = []
            for text, task in [(text, chosen[i][1]) for text, i in written] if written else chosen:
                text = period_worded(text, request, mid_year)
                pair_min = self.settings.draft_ocr_pair_min_count if task.source in restored else 1
                if fault := line_fault(text, asked, restorer, pair_min):
                    dropped.append(f"{canonical}: {fault}")
                    continue
                if (base := bases.get(task.source)) is not None and request.year:
                    shifted.update(str(moved_year(int(m.group()), base, request.year)) for m in YEAR.finditer(task.task))
                key = task.chunk_id + task.task
                if key not in cited:
                    citations.append(citation(len(citations) + 1, task, task.source in restored))
                    cited[key] = len(citations)
                kept.append(f"- {text}. [{cited[key]}]")
            if tasks and not kept and neutral:
                kept.append("- " + neutral)
            return kept

        return lines

    def compose(self, request: DraftRequest, restorer: Restorer, writer: TaskWriter | None = None
                ) -> tuple[DraftDocument, list[Citation], list[str], list[str]]:
        """The document, its citations, the required parts to check, and why borrowed lines were dropped."""
        sk = skeleton(self.settings.prompts_dir, request.name)
        citations: list[Citation] = []
        dropped: list[str] = []
        shifted: set[str] = set()
        borrowed = self._borrowed(request, sk, writer, restorer, citations, dropped, shifted)
        document, required = Composer(request, sk, clauses(request.text), borrowed).document()
        if request.english:
            in_vietnamese(document)
        # The years of the periods the draft names ("phương hướng năm 2028" after a 2027 review) are the request's.
        document.shifted_years = shifted | set(YEAR.findall(" ".join(periods(request))))
        return document, citations, required, dropped

    def _scope_model(self) -> Pipeline | None:
        settings = self.settings
        return scope_model(settings.draft_scope_examples, settings.draft_scope_requests, settings.draft_scope_strength)

    def warm_up(self) -> None:
        """Train the scope model now (under a second), so the first draft does not wait for it."""
        self._scope_model()

    def draft(self, instruction: str) -> DraftResult:
        return self.build(instruction)[0]

    def build(self, instruction: str) -> tuple[DraftResult, DraftDocument]:
        """The checked draft, and the document it renders, for the Word export."""
        if not instruction.strip():
            raise ValueError("the instruction is empty")
        started = time.perf_counter()
        restorer = get_restorer(self.settings.restorer_params)
        model = self._scope_model()
        request = understand(instruction, restorer, skeletons(self.settings.prompts_dir),
                             lambda text: asks_for_a_piece(model, text, self.settings.draft_scope_threshold))
        sk = skeleton(self.settings.prompts_dir, request.name)
        generator = self.generator() if self.generator else None
        chat = generator.chat if isinstance(generator, ChatGenerator) else None
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
            event = f"{Template(sk['title']).safe_substitute(values(request, sk))} của Sở Y tế tỉnh {request.province or '[tỉnh]'}"
            writer = TaskWriter(chat, self.settings, request, specifics, event, restorer)
        document, citations, required, dropped = self.compose(request, restorer, writer)
        markdown = to_markdown(document)
        warnings = [f"đã giả định {a}" for a in request.assumed]
        warnings += check_layout(markdown, required, document.doc_type_title, whole=not document.partial)
        warnings += check_specifics(markdown, request, specifics, whole=not document.partial,
                                    shifted_years=document.shifted_years)
        warnings += check_budget(request)
        warnings += document.warnings
        gaps = sorted(set(PLACEHOLDER.findall(markdown)) - {"[số]"})
        if gaps:
            warnings.append("còn phải điền: " + ", ".join(gaps))
        if dropped:
            warnings.append(f"{len(dropped)} ý mượn từ văn bản mẫu bị loại vì chữ chưa sạch (thay bằng ý sạch khác hoặc "
                            "câu trung tính): " + "; ".join(dropped[:6]))
        # A Vietnamese summary line's borrowed word ("sởi - rubella") is the user's term, not English left over.
        named = (set() if request.english else set(WORD.findall(request.subject or ""))) | _PROVINCE_WORDS  # "Đắk Lắk"
        if english := [w for w in WORD.findall(markdown) if w.isalpha() and len(w) > 2 and not is_code(w)
                       and not is_syllable(w) and w not in named]:
            warnings.append("còn từ tiếng Anh từ yêu cầu, cần dịch: " + ", ".join(list(dict.fromkeys(english))[:10]))
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
                           doc_type=sk["name"], scope=request.scope), document
