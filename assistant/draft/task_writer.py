"""The LLM rewrites each unit's tasks of a new plan from the exemplar tasks adapted for it, in clean Vietnamese
for the new event. Every line it writes is checked: it must cite one of the exemplars it was given, and every
number in it must come from the request or from that exemplar (no old dates, years or amounts), with no old
place, signer or OCR residue. A unit whose lines all fail keeps its adapted exemplars; units still waiting
when the time budget is spent keep theirs too, so a draft never takes much longer than the budget."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from openai import OpenAIError

from ..config import Settings
from ..prompts import chat_prompt
from ..vietnamese.folding import fold
from ..vietnamese.patterns import NUMBER
from ..vietnamese.restorer import Restorer, ocr_slips
from .request import DraftRequest, unasked_specifics

_LINE = re.compile(r"^\s*(?:[-•*+]|\d+[.)])\s*[\"“]?\s*(?:-\s*)?(.+?)\s*\[(\d+)\]\s*[.;]?\s*[\"”]?\s*$")
_MIN_CHARS = 15  # shorter than this is a fragment, not a task


@dataclass
class WriterStats:
    units: int = 0  # units the LLM wrote
    kept: int = 0  # lines kept
    rejected: int = 0  # lines that failed a check
    skipped: int = 0  # units left with their exemplars because the time budget was spent
    error: str = ""  # why the LLM could not be asked: every unit from then on keeps its exemplars
    tokens: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        rate = self.tokens / self.seconds if self.seconds else 0.0
        return {"llm_units": self.units, "llm_lines": self.kept, "llm_rejected": self.rejected,
                "llm_skipped_units": self.skipped, "tokens": self.tokens, "llm_seconds": round(self.seconds, 1),
                "tokens_per_second": round(rate, 1)}


def line_problem(text: str, exemplar: str, request: DraftRequest, specifics: set[str], restorer: Restorer) -> str:
    """Why a written line may not stand in the draft, or "" when it may."""
    if len(text) < _MIN_CHARS:
        return "quá ngắn"
    allowed = set(NUMBER.findall(request.instruction)) | set(NUMBER.findall(exemplar))
    if request.year:
        allowed.add(str(request.year))
    foreign = [n for n in NUMBER.findall(text) if n not in allowed]
    if foreign:
        return f"số liệu không có trong yêu cầu: {foreign[0]}"
    if stale := unasked_specifics(text, request, specifics):
        return f"chi tiết cũ: {stale[0]}"
    if slips := ocr_slips(text, restorer):
        return f"còn lỗi chữ OCR: {slips[0]}"
    return ""


class TaskWriter:
    """One draft's LLM pass over the units of its "Tổ chức thực hiện" part."""

    def __init__(self, chat: BaseChatModel, settings: Settings, request: DraftRequest, specifics: set[str],
                 event: str, restorer: Restorer) -> None:
        self.chat = chat.bind(max_tokens=settings.draft_unit_max_tokens)
        self.settings = settings
        self.request = request
        self.specifics = specifics
        self.event = event
        self.restorer = restorer
        self.started = time.perf_counter()
        self.stats = WriterStats()

    def rewrite(self, unit: str, exemplars: list[str]) -> list[tuple[str, int]] | None:
        """(line, index of the exemplar it cites) for each line that passed the checks; None when the unit
        keeps its exemplars (none given, time budget spent, or no line passed)."""
        if not exemplars or self.stats.error:
            return None
        if time.perf_counter() - self.started > self.settings.draft_llm_budget_seconds:
            self.stats.skipped += 1
            return None
        began = time.perf_counter()
        try:
            reply = (chat_prompt(self.settings.prompts_dir, "draft_tasks") | self.chat).invoke({
                "event": self.event, "unit": unit, "limit": str(len(exemplars)),
                "exemplars": "\n".join(f"[{n}] {text}" for n, text in enumerate(exemplars, 1))})
        except OpenAIError as exc:
            self.stats.error = f"{type(exc).__name__}: {exc}"[:200]
            return None
        self.stats.seconds += time.perf_counter() - began
        self.stats.tokens += (reply.usage_metadata or {}).get("output_tokens", 0)
        self.stats.units += 1
        kept: list[tuple[str, int]] = []
        for raw in str(reply.content).splitlines():
            match = _LINE.match(raw)
            if not match:
                continue
            text, n = match.group(1).strip(" .;"), int(match.group(2)) - 1
            if not 0 <= n < len(exemplars) or line_problem(text, exemplars[n], self.request, self.specifics, self.restorer):
                self.stats.rejected += 1
            elif fold(text) not in {fold(t) for t, _ in kept}:
                kept.append((text, n))
        self.stats.kept += len(kept)
        return kept or None
