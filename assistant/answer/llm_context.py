"""What the LLM reads, how its answer is streamed, and what it left out.

The LLM gets numbered context: each chunk's section path under its document's title, then its readable text,
or with `llm_focused_context` only the few passages that match the question best (a shorter prompt is read
sooner: 60-90 tokens/s on 2 cores). The passages an extractive answer would quote that its answer does not
cover are quoted after it: the small model shortens lists and drops dates, and what it read only in part it
never saw.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..index.records import Chunk
from ..models.generators import ChatGenerator
from ..prompts import chat_prompt
from ..vietnamese.folding import clip
from ..vietnamese.patterns import NUMBER
from ..vietnamese.tokens import content_tokens
from ..vietnamese.units import find_units
from .extractive import Position, quoted
from .passages import Passage

# A phrase of 6 to 240 characters said three times in a row at the end of the text, numbers aside (a numbered
# list that repeats its item), or a cycle of list lines ("- Sở Y tế tỉnh Quảng Ngãi", "- … Quảng Bình", …, again):
# a generation in a loop.
_LOOP = re.compile(r"(.{6,240}?)(?:\s*\1){2,}\s*$", re.DOTALL)
_DIGIT = re.compile(r"\d")
_LOOP_WINDOW = 800  # characters looked at: bounds the pattern's work whatever the answer's length
_END = object()


def context(settings: Settings, question: str, chunks: list[Chunk], found: list[list[Passage]],
            best: list[Position]) -> str:
    """The numbered context. Focused, the best passages come first to the room: each under its section path,
    its document's title heading it once, until the prompt's new text (the question included) reaches
    `llm_prompt_chars`. The first token waits for that text to be read (50-75 tokens/s on 2 cores), so its
    length is bounded whatever the question's; the best passage always gets `llm_passage_min_chars`."""
    if not settings.llm_focused_context:
        return _blocks(settings, chunks, {})
    room = settings.llm_prompt_chars - len(question)
    focused: dict[int, list[str]] = {}

    def rendered(passages: dict[int, list[str]]) -> int:
        return len(_blocks(settings, [c if n in passages else None for n, c in enumerate(chunks)], passages))

    for n, o in best[: settings.llm_context_passages]:
        # Measured on the rendered blocks: a title is repeated when documents alternate in retrieval order.
        trial = {**focused, n: focused.get(n, []) + [""]}
        text_room = room - rendered(trial)
        if not focused:
            text_room = max(text_room, settings.llm_passage_min_chars)
        if text_room < settings.llm_passage_min_chars:
            break
        # A table row or a long paragraph is cut at a word: `left_out` quotes it whole if needed.
        trial[n][-1] = clip(found[n][o].text.strip(), text_room)
        focused = trial
    return _blocks(settings, [c if n in focused else None for n, c in enumerate(chunks)], focused)


def _section(settings: Settings, chunk: Chunk) -> str:
    return " > ".join(chunk.section.split(" > ")[-settings.llm_context_section_depth:])


def _blocks(settings: Settings, chunks: list[Chunk | None], focused: dict[int, list[str]]) -> str:
    """Each chunk as `[n] section` and its text (the focused passages, or all of it), in the retrieval's
    order; a document's title heads its passages once: titles are long, and Vietnamese costs the tokenizer
    about one token per 2.5 characters."""
    blocks = []
    title = None
    for n, chunk in enumerate(chunks):
        if chunk is None:
            continue
        if chunk.title and chunk.title != title:
            title = chunk.title
            blocks.append(f"# {clip(title, settings.llm_context_title_chars)}")
        body = "\n".join(focused[n]) if n in focused else chunk.readable.strip()
        blocks.append(f"[{n + 1}] {_section(settings, chunk)}\n{body}")
    return "\n\n".join(blocks)


def left_out(settings: Settings, found: list[list[Passage]], best: list[Position], answer: str) -> str:
    """The best passages the answer does not cover (less than `llm_covered_share` of their words in it, or a
    number or unit of theirs missing), quoted and marked."""
    said, units_said, numbers_said = content_tokens(answer), set(find_units(answer)), set(NUMBER.findall(answer))

    def covered(text: str) -> bool:
        words = content_tokens(text)
        return (not words or len(words & said) / len(words) >= settings.llm_covered_share) \
            and set(find_units(text)) <= units_said and set(NUMBER.findall(text)) <= numbers_said

    return quoted(found, [(n, o) for n, o in best if not covered(found[n][o].text)])


def prime(generator: ChatGenerator, prompts: Path, language_name: str) -> None:
    """Have the server read the answer's system prompt before the first question: llama.cpp's server keeps it in
    its slot's cache, and the first answer then reads only its own text (the system prompt is about 250 tokens,
    four seconds on 2 cores)."""
    chain = chat_prompt(prompts, "answer") | generator.chat.bind(max_tokens=1)
    chain.invoke({"context": "", "question": "", "language": language_name})


class LlmLate(Exception):
    """The LLM had not finished when the answer's deadline came; its generation is being cancelled."""


def generate(generator: ChatGenerator, prompts: Path, question: str, text: str, language_name: str,
             started: float, stats: dict, deadline: float) -> Iterator[str]:
    """Stream the LLM's answer piece by piece; return the whole text. Raises LlmLate when the text is not done
    by `deadline` (a `perf_counter` time), and whatever the LLM client raised when it failed.

    The model is read in a thread of its own, so that waiting for it is bounded even before its first token;
    when the deadline passes or the text loops, the thread stops reading and closing the stream cancels the
    generation in the server. A small model sometimes loops ("Sở Du lịch, Sở Du lịch, …"): once the text ends
    in a phrase said three times over, generation stops there and the repeats are cut. `stats` gets the
    first-token time and the speed (llama.cpp's server streams one token per piece).

    The caller holds `generator.turn`; the reading thread releases it once the stream is closed. A generation
    given up at the deadline holds the server's one slot until its next token comes and closes it: a question
    asked meanwhile is quoted at once instead of queueing behind it (queued, it waited out its own deadline and
    kept its request open, and the server then wrote it in full for nobody)."""
    events: queue.Queue = queue.Queue()
    stop = threading.Event()

    def read() -> None:
        try:
            prompt = chat_prompt(prompts, "answer").invoke({"context": text, "question": question,
                                                            "language": language_name})
            # The chat model's own stream, not a prompt | model | parser sequence's: closing a sequence's stream
            # reads it to its end, and the server wrote every given-up answer to its token limit.
            stream = generator.chat.stream(prompt)
            try:
                for chunk in stream:
                    if stop.is_set():
                        break
                    if chunk.content:
                        events.put(chunk.content)
            finally:
                stream.close()
        except Exception as exc:  # handed to the answer, which falls back to quoting
            events.put(exc)
        finally:
            generator.turn.release()
        events.put(_END)

    threading.Thread(target=read, daemon=True, name="llm-stream").start()
    pieces: list[str] = []
    first = None
    looped = None
    try:
        while True:
            try:
                event = events.get(timeout=max(deadline - time.perf_counter(), 0.0))
            except queue.Empty:
                raise LlmLate from None
            if event is _END:
                break
            if isinstance(event, Exception):
                raise event
            first = first or time.perf_counter()
            pieces.append(event)
            yield event
            if looped := _LOOP.search(_DIGIT.sub("0", "".join(pieces)[-_LOOP_WINDOW:])):
                break
    finally:
        stop.set()
    ended = time.perf_counter()
    stats.update({"first_token_seconds": round((first or ended) - started, 3), "tokens": len(pieces),
                  "tokens_per_second": round(len(pieces) / max(ended - (first or ended), 1e-6), 1)})
    written = "".join(pieces)
    if looped:
        stats["stopped_looping"] = 1
        written = written[:len(written) - len(looped.group(0)) + len(looped.group(1))]
    return written
