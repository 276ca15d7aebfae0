"""Answer a question with verified citations: rewrite a follow-up, answer "what must X do" from the task
table, otherwise retrieve, decline when the corpus does not hold the answer, generate (LLM or extractive)
and check every citation against the chunks it points to."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Literal

import numpy as np
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from pydantic import BaseModel, Field

from .citations import Citation, check_citations
from .followup import standalone_question
from .index import SearchIndex
from .llm import Generator, get_generator
from .passages import BULLET, Passage, content_tokens, passages, readable, stopwords
from .prompts import chat_prompt, messages
from .restore import language_of
from .retrieval import search
from .tasks import Task, tasks_for
from .text import NUMBER, clip, fold, lexical_terms, token_alternatives
from .units import find_units

# "What was X given / what must X do / X phải làm gì": answered from the task table.
_TASK_QUESTION = re.compile(r"\b(nhiem vu|duoc giao|giao (nhung )?(gi|viec)|(phai )?lam gi|trach nhiem|cong viec"
                            r"|tasks?|assigned|duties|responsib\w*|must \w+ do|given)\b")
# A question names a unit as the one who acts only with a word for a unit; `quản lý tài chính` is a topic.
_UNIT_WORD = re.compile(r"\b(phong|so|ban|trung tam|benh vien|van phong|ubnd|department|office|unit|finance)\b")
# What kind of fact a question asks for, and how a passage that states one looks (folded).
_ANSWER_TYPES = (
    (re.compile(r"\b(ngay nao|khi nao|bao gio|may gio|thoi gian|thoi han|han (chot|gui)|when|what date|deadline)\b"),
     re.compile(r"\d{1,2}/\d{1,2}|\d{1,2}h|\bgio\b|\bngay \d")),
    (re.compile(r"\b(bao nhieu|may|how (many|much)|ty le|so luong|total|budget)\b"), re.compile(r"\d")),
    (re.compile(r"\b(o dau|dia diem|dia diem|where|venue)\b"), re.compile(r"\b(dia diem|tai|tru so|hoi truong|diem cau)\b")),
)
# The LLM's word for "the context does not answer this" (prompts/answer_system.md).
_NOT_FOUND = "khong_tim_thay"


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Answer(BaseModel):
    answer: str
    declined: bool
    citations: list[Citation]
    question: str = ""
    standalone_question: str = ""
    mode: str = ""  # extractive, local, openai, or tasks (answered from the task table)
    note: str = ""
    dropped: list[str] = Field(default_factory=list)  # generated sentences no source supports
    stats: dict[str, float] = Field(default_factory=dict)


class AnswerChain:
    def __init__(self, index: SearchIndex, generator: Generator | None = None) -> None:
        self.index = index
        self.settings = index.settings
        self._generator = generator

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = get_generator(self.settings)
        return self._generator

    @property
    def loaded_generator(self) -> Generator | None:
        """The generator if one has been started: asking for `generator` may start the local LLM."""
        return self._generator

    # -- routes ---------------------------------------------------------------------------------------

    def task_units(self, question: str) -> list[str]:
        """Units whose tasks the question asks for; empty when it is not such a question."""
        folded = fold(question)
        if not _TASK_QUESTION.search(folded) or not _UNIT_WORD.search(folded):
            return []
        return find_units(question)

    def coverage(self, question: str, chunks: list[Document]) -> float:
        """IDF-weighted share of the question's content words and word pairs found in the best chunk: low
        when the corpus does not speak of what is asked (a word or pair no chunk holds weighs most)."""
        words = token_alternatives(question)
        pairs = [tuple(f"{a}_{b}" for a in left for b in right) for left, right in zip(words, words[1:])]
        # A word with several readings (OCR, or an abbreviation typed in lower case) is found if one reading is.
        terms = {readings for readings in words + pairs
                 if any(not set(t.split("_")) & stopwords() for t in readings)}
        if not terms or not chunks:
            return 0.0
        weights = {readings: min(self.index.lexical.idf(t) for t in readings) for readings in terms}
        total = sum(weights.values())
        best = 0.0
        for chunk in chunks:
            meta = chunk.metadata
            have = set(lexical_terms("\n".join((meta.get("title", ""), meta.get("section", ""), chunk.page_content,
                                                readable(chunk))), bigrams=True))
            best = max(best, sum(w for readings, w in weights.items() if have.intersection(readings)) / total)
        return best

    def holds_answer(self, question: str, chunks: list[Document], language: str) -> bool:
        """Whether the retrieved chunks speak of what is asked. Across languages words cannot be compared,
        so an English question is judged by its dense similarity to the nearest chunk instead."""
        if not chunks:
            return False
        if language == "vi":
            return self.coverage(question, chunks) >= self.settings.decline_coverage
        hits = self.index.vectorstore.similarity_search_with_score(question, k=1)
        return bool(hits) and 1.0 - hits[0][1] >= self.settings.decline_similarity

    def _declined(self, language: str, **fields) -> Answer:
        return Answer(answer=messages(language)["declined"], declined=True, citations=[], **fields)

    def _task_answer(self, units: list[str], language: str) -> tuple[str, str, list[Document]] | None:
        """(lead, tasks with markers, chunks cited): the lead is the assistant's own and is not checked."""
        grouped = tasks_for(self.index.catalog.tasks(), None)
        grouped = {u: grouped[u] for u in units if u in grouped}
        if not grouped:
            return None
        said = messages(language)
        ids = list(dict.fromkeys(t.chunk_id for ts in grouped.values() for t in ts))
        chunks = {d.id: d for d in self.index.catalog.documents(ids)}
        order = {chunk_id: n for n, chunk_id in enumerate(ids, 1)}
        lines = []
        for unit, tasks in grouped.items():
            lines.append(said["tasks_intro"].format(unit=unit, count=len(tasks)))
            lines += [self._task_line(t, order[t.chunk_id], said) for t in tasks]
        lead = said["tasks_ambiguous"].format(count=len(grouped)) if len(grouped) > 1 else ""
        return lead, "\n".join(lines), [chunks[i] for i in ids]

    @staticmethod
    def _task_line(task: Task, n: int, said: dict[str, str]) -> str:
        deadline = f" ({said['deadline'].format(deadline=task.deadline)})" if task.deadline else ""
        return f"- {task.task.rstrip('.;')}{deadline} [{n}]"

    def _passage_scores(self, question: str, candidates: list[str], contexts: list[str], language: str) -> list[float]:
        """How well each passage matches: IDF-weighted shared words, or for an English question (no words
        shared with Vietnamese text) the embedder's similarity. A word found only in the passage's title and
        section path counts `extract_context_share` as much: `Địa điểm: Trụ sở …` answers where the meeting
        its document is about takes place, though the passage itself does not name the meeting."""
        if language == "en":
            embedder = self.index.embedder
            query = np.array(embedder.embed_query(question))
            return [float(np.dot(query, v)) for v in np.array(embedder.embed_documents(candidates))]
        weights = {t: self.index.lexical.idf(t) for t in content_tokens(question)}
        share = self.settings.extract_context_share
        scores = []
        for text, context in zip(candidates, contexts):
            own, around = content_tokens(text), content_tokens(context)
            scores.append(sum(w if t in own else share * w if t in around else 0.0 for t, w in weights.items()))
        return scores

    def _best_passages(self, question: str, chunks: list[Document]) -> tuple[list[list[Passage]], list[tuple[int, int]]]:
        """The passages of each chunk, and (chunk, passage) positions of those that match the question best,
        best first, a lead-in directly followed by its items. Every passage close to the best is kept (the
        items of a list score alike), a passage that states the kind of fact asked for (a date, a number, a
        place) counts more, and a lead-in ending in ':' brings what follows."""
        tokens = content_tokens(question)
        folded = fold(question)
        wanted = [shape for asks, shape in _ANSWER_TYPES if asks.search(folded)]
        found = [passages(chunk) for chunk in chunks]
        # A passage that only repeats the question (a heading) tells nothing.
        candidates = [(n, order) for n, ps in enumerate(found) for order, p in enumerate(ps)
                      if len((content_tokens(p.text) | content_tokens(p.original)) - tokens) >= 2]
        if not candidates:
            return found, []
        language = language_of(question)
        contexts = [" ".join((c.metadata.get("title", ""), c.metadata.get("section", ""))) for c in chunks]
        scores = self._passage_scores(question, [found[n][o].text + " " + found[n][o].original for n, o in candidates],
                                      [contexts[n] for n, _ in candidates], language)
        boost = self.settings.extract_type_boost
        scored = sorted(((score * (boost if any(s.search(fold(found[n][o].text)) for s in wanted) else 1.0), -n, -o)
                         for (n, o), score in zip(candidates, scores)), reverse=True)
        keep = self.settings.extract_keep_share if language == "vi" else self.settings.extract_keep_share_dense
        best = [(-n, -o) for score, n, o in scored if score > 0 and score >= scored[0][0] * keep]
        best = best[: self.settings.extract_sentences]
        picked: dict[tuple[int, int], None] = {}
        for n, order in best:
            picked[(n, order)] = None
            following = order
            while found[n][following].text.rstrip().endswith(":") and following + 1 < len(found[n]):
                following += 1
                picked[(n, following)] = None
        return found, list(picked)

    @staticmethod
    def _quoted(found: list[list[Passage]], positions: list[tuple[int, int]]) -> str:
        """Passages in reading order, quoted and marked with their chunk."""
        return "\n".join(f"- {BULLET.sub('', found[n][o].text).rstrip()} [{n + 1}]" for n, o in sorted(positions))

    def _extract(self, question: str, chunks: list[Document]) -> str:
        """The best passages, quoted and marked with their chunk."""
        return self._quoted(*self._best_passages(question, chunks))

    def _left_out(self, found: list[list[Passage]], best: list[tuple[int, int]], answer: str) -> str:
        """The passages an extractive answer would quote that the LLM's answer does not cover (less than
        `llm_covered_share` of their words in it, or a number or unit of theirs missing), quoted and marked:
        the small model shortens lists and drops dates, and what it read only in part it never saw."""
        said, units_said, numbers_said = content_tokens(answer), set(find_units(answer)), set(NUMBER.findall(answer))

        def covered(text: str) -> bool:
            words = content_tokens(text)
            return (not words or len(words & said) / len(words) >= self.settings.llm_covered_share) \
                and set(find_units(text)) <= units_said and set(NUMBER.findall(text)) <= numbers_said

        return self._quoted(found, [(n, o) for n, o in best if not covered(found[n][o].text)])

    def _context(self, chunks: list[Document], found: list[list[Passage]], best: list[tuple[int, int]]) -> str:
        """Numbered context for the LLM: each chunk's section path under its document's title, then its
        readable text, or with `llm_focused_context` only the few passages that match the question best (a
        shorter prompt is read sooner: 60-90 tokens/s on 2 cores; what they leave out `_left_out` adds)."""
        focused: dict[int, list[str]] = {}
        if self.settings.llm_focused_context:
            room = self.settings.llm_context_chars
            for n, o in sorted(best[: self.settings.llm_context_passages]):
                if room <= 0:
                    break
                # A table row or a long paragraph is cut at a word: `_left_out` quotes it whole if needed.
                cut = clip(found[n][o].text.strip(), room)
                focused.setdefault(n, []).append(cut)
                room -= len(cut)
        blocks = []
        title = None
        for n, chunk in enumerate(chunks):
            if self.settings.llm_focused_context and n not in focused:
                continue
            meta = chunk.metadata
            # A document's title heads its passages once: titles are long, and Vietnamese costs the
            # tokenizer about one token per 2.5 characters.
            if meta.get("title") and meta["title"] != title:
                title = meta["title"]
                blocks.append(f"# {clip(title, self.settings.llm_context_title_chars)}")
            body = "\n".join(focused[n]) if n in focused else readable(chunk).strip()
            section = " > ".join(meta.get("section", "").split(" > ")[-self.settings.llm_context_section_depth:])
            blocks.append(f"[{n + 1}] {section}\n{body}")
        return "\n\n".join(blocks)

    # -- the chain ------------------------------------------------------------------------------------

    def stream(self, question: str, history: list[dict] | None = None,
               filters: dict | None = None) -> Iterator[str | Answer]:
        """Text pieces as the answer is written, then the checked Answer (whose text may differ: sentences
        that fail the citation check are dropped)."""
        started = time.perf_counter()
        question = question.strip()
        if not question:
            raise ValueError("the question is empty")
        generator = self.generator
        language = language_of(question)
        standalone = standalone_question(question, history, generator.chat)
        fields = dict(question=question, standalone_question=standalone, note=generator.note)

        units = self.task_units(standalone)
        routed = self._task_answer(units, language) if units and not filters else None
        lead = ""
        checked: tuple | None = None  # the citation check, when the text it checked is the one answered
        if routed:
            lead, text, chunks = routed
            mode = "tasks"
        else:
            chunks = search(self.index, standalone, k=self.settings.answer_chunks, filters=filters)
            if not self.holds_answer(standalone, chunks, language):
                answer = self._declined(language, mode=generator.mode, **fields)
                yield answer.answer
                yield answer
                return
            mode = generator.mode
            if generator.chat is None:
                lead, text = messages(language)["extractive_intro"], self._extract(standalone, chunks)
            else:
                found, best = self._best_passages(standalone, chunks)
                text = yield from self._generate(generator, standalone, self._context(chunks, found, best), language,
                                                 started, fields)
                checked = check_citations(text, chunks, self.settings.citation_support)
                # The small model sometimes finds nothing in context that does hold the answer (retrieval
                # said so above): quote the passages rather than decline.
                if _NOT_FOUND in fold(text).replace(" ", "_") or not checked[1]:
                    lead, text = messages(language)["extractive_intro"], self._quoted(found, best)
                    mode, fields["note"] = "extractive", messages(language)["llm_found_nothing"]
                    checked = None
                elif more := self._left_out(found, best, checked[0]):
                    addition = f"\n\n{messages(language)['llm_left_out']}\n{more}"
                    yield addition
                    text, checked = checked[0] + addition, None
        body, citations, report = checked or check_citations(text, chunks, self.settings.citation_support)
        checked_text = f"{lead}\n{body}".strip()
        if mode in ("tasks", "extractive"):
            yield checked_text
        fields["stats"] = {**fields.get("stats", {}), "seconds": round(time.perf_counter() - started, 3),
                           "markers": report.markers, "repaired": report.repaired}
        if not citations:
            yield self._declined(language, mode=mode, dropped=report.dropped, **fields)
            return
        yield Answer(answer=checked_text, declined=False, citations=citations, mode=mode, dropped=report.dropped, **fields)

    def _generate(self, generator: Generator, question: str, context: str, language: str,
                  started: float, fields: dict) -> Iterator[str]:
        chain = chat_prompt("answer") | generator.chat | StrOutputParser()
        pieces: list[str] = []
        first = None
        for piece in chain.stream({"context": context, "question": question,
                                   "language": messages(language)["language"]}):
            first = first or time.perf_counter()
            pieces.append(piece)
            yield piece
        ended = time.perf_counter()
        # llama.cpp's server streams one token per piece.
        fields["stats"] = {"first_token_seconds": round((first or ended) - started, 3), "tokens": len(pieces),
                           "tokens_per_second": round(len(pieces) / max(ended - (first or ended), 1e-6), 1)}
        return "".join(pieces)

    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Answer:
        result = None
        for event in self.stream(question, history, filters):
            result = event
        assert isinstance(result, Answer)
        return result
