"""Answer a question with verified citations: rewrite a follow-up (followup.py), answer "what must X do" from
the task table (task_answer.py), otherwise retrieve, decline when the corpus does not hold the answer
(declining.py), write the answer (extractive.py quotes; an LLM writes from llm_context.py's context) and
check every citation against the chunks it points to (citations.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel, Field

from ..config import GeneratorMode
from ..index.records import Chunk, Citation
from ..index.search_index import SearchIndex
from ..models.generators import ChatGenerator, Generator
from ..prompts import messages
from ..retrieve.continuation import asks_for_list, with_continuations, with_section_mates
from ..retrieve.search import search
from ..vietnamese.folding import fold
from ..vietnamese.language import language_of
from .citations import check_citations, renumbered
from .compound import clauses
from .declining import holds_answer
from .document_answer import asked_fields, card_answer, cards_answer, document_question
from .document_names import copies, named_cards
from .fan_out import asked_of_each, asks_across, describes_document, fan_out
from .extractive import best_passages, quoted
from .followup import standalone_question
from .llm_context import LlmLate, context, generate, left_out, prime
from .task_answer import task_answer, task_units

log = logging.getLogger(__name__)

# The LLM's word for "the context does not answer this" (prompts/answer_system.md).
_NOT_FOUND = "khong_tim_thay"
# Answered from the task table or a document's card, not by a generator.
TASKS_MODE = "tasks"
CARD_MODE = "card"
# Answered one document at a time, for a question asked across the collection.
ACROSS_MODE = "per_document"
# Answered one clause at a time, for a question that asks each of its documents its own thing.
CLAUSES_MODE = "per_clause"


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Answer(BaseModel):
    answer: str
    declined: bool
    citations: list[Citation]
    question: str = ""
    standalone_question: str = ""
    mode: str = ""  # extractive, local, openai, tasks (task table), card, per_document
    note: str = ""
    dropped: list[str] = Field(default_factory=list)  # generated sentences no source supports
    stats: dict[str, float] = Field(default_factory=dict)


class AnswerChain:
    def __init__(self, index: SearchIndex, generator: Callable[[], Generator]) -> None:
        """`generator` gives the generator when the first question needs it (the local LLM starts then)."""
        self.index = index
        self.settings = index.settings
        self._generator = generator

    def warm_up(self) -> None:
        """Start the generator now, and have a local LLM read its system prompt, so that the first question waits
        for neither (the web app does this at startup)."""
        generator = self._generator()
        if isinstance(generator, ChatGenerator) and generator.mode == GeneratorMode.LOCAL:
            try:
                prime(generator, self.settings.prompts_dir, self._said("vi")["language"])
            except Exception as error:  # the first question then reads the prompt itself, or quotes if it cannot
                log.warning("the local LLM did not read its system prompt at startup: %s", error)

    def _said(self, language: str) -> dict[str, str]:
        return messages(self.settings.prompts_dir, language)

    def _declined(self, language: str, **fields) -> Answer:
        return Answer(answer=self._said(language)["declined"], declined=True, citations=[], **fields)

    def _declining(self, language: str, mode: str, fields: dict) -> Iterator[str | Answer]:
        answer = self._declined(language, mode=mode, **fields)
        yield answer.answer
        yield answer

    def stream(self, question: str, history: list[dict] | None = None, filters: dict | None = None,
               arrived: float | None = None) -> Iterator[str | Answer]:
        """Text pieces as the answer is written, then the checked Answer (whose text may differ: sentences
        that fail the citation check are dropped). `arrived`: when the request came (`perf_counter`), from which
        the answer's deadline counts; now by default."""
        started = arrived or time.perf_counter()
        question = question.strip()
        if not question:
            raise ValueError("the question is empty")
        generator = self._generator()
        language = language_of(question)
        said = self._said(language)
        standalone = standalone_question(question, history, generator, self.settings.prompts_dir)
        fields = dict(question=question, standalone_question=standalone, note=generator.note)
        stats: dict[str, float] = {}

        # A question that names a document by its number is asked of that document.
        found = named_cards(standalone, self.index.cards())
        # Copies of one document (a PDF and a Word copy) are asked as one, so declined as one, and searched all;
        # asked which files hold it, for its header lines, or beside another document it describes ("thông báo
        # kết luận … yêu cầu gì, và QĐ 518 bố trí bao nhiêu"), each copy answers.
        numbered = found[:1] if copies(found) and not asks_across(standalone) and not asked_fields(standalone) \
            and not describes_document(asked_of_each(standalone, found[:1])[found[0].source]) else found
        named = [] if filters else numbered
        # "Luật BHYT quy định tối đa bao nhiêu, còn Nghị định 146/2018 quy định cụ thể bao nhiêu?": two questions.
        if not filters and len(named) < 2 and not asks_across(standalone) and len(parts := clauses(standalone)) > 1:
            yield from self._by_clause(parts, language, fields, started)
            return
        sources = [card.source for card in found] if named else []
        units = task_units(standalone)
        routed = task_answer(self.index, units, said, sources or None) if units and not filters else None
        if routed and not sources and describes_document(standalone) and not asks_across(standalone) and not {
                c.source for c in routed[2]} & {c.source for c in search(self.index, standalone, k=1)}:
            routed = None  # the unit's tasks are in other documents than the one the question describes in words
        lead = ""
        checked: tuple | None = None  # the citation check, when the text it checked is the one answered
        # Who signed, when, … each of several documents named by number: their cards, one after another.
        cards = cards_answer(self.index, named, standalone, said, self.settings.card_max_leftover_words) \
            if len(named) > 1 and not routed else None
        if routed:
            lead, text, chunks = routed
            mode = TASKS_MODE
        elif cards:
            lead, text, chunks = cards
            mode = CARD_MODE
        else:
            # A document named by number is searched for what it is asked: the words naming it would rank its
            # heading and trích yếu, which repeat them, above the passage that answers.
            focus = asked_of_each(standalone, named)[named[0].source] if len(named) == 1 else None
            chunks = search(self.index, focus or standalone, k=self.settings.answer_chunks,
                            filters={"source": sources} if sources else filters)
            if asks_for_list(standalone):
                chunks = with_continuations(self.index, chunks, self.settings.extract_list_items)
                chunks = with_section_mates(self.index, chunks, self.settings.list_section_chunks)
            # Two documents named by number are asked side by side, each for its own evidence.
            asked_across = len(named) > 1 or asks_across(standalone, named)
            about = None if asked_across else document_question(self.index, standalone, numbered, chunks,
                                                                 self.settings.card_max_leftover_words)
            card = card_answer(self.index, about, said) if about else None
            if about and not card and about.certain:
                # The document is found and it does not print what is asked: declining, not the nearest passage.
                yield from self._declining(language, CARD_MODE, fields)
                return
            across = fan_out(self.index, self.settings, standalone, filters, sources if len(named) > 1 else None,
                             sources if len(named) == 1 else None) if asked_across else None
            if card:
                lead, text, chunks = card
                mode = CARD_MODE
            elif across:
                lead, (text, chunks), mode = said["across_intro"], across, ACROSS_MODE
            elif not holds_answer(self.index, self.settings, standalone, chunks, language):
                yield from self._declining(language, generator.mode, fields)
                return
            else:
                lead, text, mode, checked = yield from self._written(generator, standalone, focus, chunks, said,
                                                                     started, stats, fields)
        yield from self._checked(text, lead, chunks, checked, mode, language, started, stats, fields)

    def _by_clause(self, parts: list[str], language: str, fields: dict, started: float) -> Iterator[str | Answer]:
        """Each clause asked on its own, its answer under it, the citations numbered on across them."""
        answers = [self.ask(part, arrived=started) for part in parts]
        if all(answer.declined for answer in answers):
            yield from self._declining(language, CLAUSES_MODE, fields)
            return
        blocks, citations = [], []
        for part, answer in zip(parts, answers):
            offset = len(citations)
            body = self._said(language)["clause_declined"] if answer.declined else \
                renumbered(answer.answer, offset)
            blocks.append(f"**{part}**\n{body}")
            citations += [citation.model_copy(update={"n": citation.n + offset}) for citation in answer.citations]
        text = "\n\n".join(blocks)
        yield text
        fields["stats"] = {"seconds": round(time.perf_counter() - started, 3)}
        yield Answer(answer=text, declined=False, citations=citations, mode=CLAUSES_MODE, **fields)

    def _written(self, generator: Generator, standalone: str, focus: str | None, chunks: list[Chunk],
                 said: dict[str, str], started: float, stats: dict, fields: dict) -> Iterator[str]:
        """Write the answer from the chunks: quoted (the passages that best match, `focus` the words that ask), or
        by the LLM with the quotes as its fallback. Returns (lead, text, mode, citation check when the text it
        checked is the one answered)."""
        mode = generator.mode
        found, best = best_passages(self.index, self.settings, standalone, chunks, focus,
                                    named=focus is not None and not asked_fields(standalone))
        if not isinstance(generator, ChatGenerator):
            return said["extractive_intro"], quoted(found, best), mode, None
        lead = ""
        budget = started + self.settings.answer_deadline_seconds - self.settings.answer_deadline_margin
        failure = None  # why the LLM's text cannot be the answer, when it cannot
        # The LLM is not waited for: while it writes another answer this one quotes the passages at once.
        # Under load the answers that queue behind a busy model are what pushes them past the deadline
        # (fifty users: p50 28.6 s when they waited for it).
        prompt_context = context(self.settings, standalone, chunks, found, best)
        if not generator.turn.acquire(blocking=False):
            failure = said["llm_late"]
        else:
            try:  # generate() releases the turn when the model's stream is closed
                text = yield from generate(generator, self.settings.prompts_dir, standalone, prompt_context,
                                           said["language"], started, stats, budget)
            except LlmLate:
                failure = said["llm_late"]
            except Exception as exc:  # an LLM that fails leaves the answer to the quotes, with a note
                failure = said["llm_failed"].format(error=type(exc).__name__)
        checked = None if failure else check_citations(text, chunks, self.settings.citation_support)
        # The small model sometimes finds nothing in context that does hold the answer (retrieval
        # said so above): quote the passages rather than decline.
        if failure or _NOT_FOUND in fold(text).replace(" ", "_") or not checked[1]:
            lead, text = said["extractive_intro"], quoted(found, best)
            mode, fields["note"] = GeneratorMode.EXTRACTIVE, failure or said["llm_found_nothing"]
            checked = None
        elif more := left_out(self.settings, found, best, checked[0]):
            addition = f"\n\n{said['llm_left_out']}\n{more}"
            yield addition
            text, checked = checked[0] + addition, None
        return lead, text, mode, checked

    def _checked(self, text: str, lead: str, chunks: list[Chunk], checked: tuple | None, mode: str, language: str,
                 started: float, stats: dict, fields: dict) -> Iterator[str | Answer]:
        body, citations, report = checked or check_citations(text, chunks, self.settings.citation_support)
        checked_text = f"{lead}\n{body}".strip()
        if mode in (TASKS_MODE, CARD_MODE, ACROSS_MODE, GeneratorMode.EXTRACTIVE):
            yield checked_text
        fields["stats"] = {**stats, "seconds": round(time.perf_counter() - started, 3), "markers": report.markers,
                           "repaired": report.repaired}
        if not citations:
            yield self._declined(language, mode=mode, dropped=report.dropped, **fields)
            return
        yield Answer(answer=checked_text, declined=False, citations=citations, mode=mode, dropped=report.dropped,
                     **fields)

    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None,
            arrived: float | None = None) -> Answer:
        result = None
        for event in self.stream(question, history, filters, arrived):
            result = event
        assert isinstance(result, Answer)
        return result
