"""Rewrite a follow-up ("còn Sở Nội vụ thì sao?") into a standalone question before retrieval: with the
LLM when there is one (its rewrite is checked), by carrying the previous question over otherwise."""

from __future__ import annotations

import re
from pathlib import Path

from langchain_core.output_parsers import StrOutputParser

from ..models.generators import ChatGenerator, Generator
from ..prompts import chat_prompt
from ..vietnamese.folding import collapse_ws, fold, normalize, strip_marks
from ..vietnamese.units import find_units, unit_table

# Words that mark a question as leaning on the one before: "còn … thì sao", "what about …", "and …?". They run
# on whitespace-collapsed text, where no `\s` matches more than one character: their work is linear in the
# question's length (runs of whitespace made an earlier form backtrack for minutes).
_FOLLOW_UP = re.compile(r"^(con|va|vay con|the con|what about|how about|and|also)\b|\b(thi sao|the nao|ra sao) ?\??$")
_LEADING_CUE = re.compile(r"^(còn|con|và|va|vậy còn|thế còn|what about|how about|and|also) ", re.IGNORECASE)
_TRAILING_CUE = re.compile(r" ?(thì sao|thế nào|ra sao)? ?\??$", re.IGNORECASE)


def previous_question(history: list[dict]) -> str | None:
    return next((turn["content"] for turn in reversed(history) if turn.get("role") == "user" and turn.get("content")),
                None)


def is_follow_up(question: str) -> bool:
    folded = collapse_ws(strip_marks(question).lower())
    return bool(_FOLLOW_UP.search(folded)) or len(question.split()) <= 2


def _alias_span(text: str, units: list[str]) -> tuple[int, int] | None:
    """Where the previous question names one of its units (folding keeps one character per character)."""
    folded = fold(text)
    aliases = [" ".join(alias) for alias, named in unit_table().aliases if set(named) & set(units)]
    for alias in sorted(aliases, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(alias)}\b", folded)
        if match:
            return match.span()
    return None


def carry_over(question: str, previous: str) -> str:
    """Rule-based rewrite: put the follow-up's subject in place of the previous question's unit, or join
    the follow-up's words to the previous question."""
    question, previous = normalize(question), normalize(previous)
    collapsed = collapse_ws(question)
    subject = _TRAILING_CUE.sub("", _LEADING_CUE.sub("", collapsed), count=1).strip() or collapsed
    new_units = find_units(subject)
    old_units = find_units(previous)
    span = _alias_span(previous, old_units) if new_units and old_units else None
    if span:
        return previous[:span[0]] + subject + previous[span[1]:]
    return f"{previous.rstrip(' ?')} — {subject}?"


def _acceptable(rewrite: str, question: str) -> bool:
    """The LLM's rewrite is used only if it is one question that keeps the units the follow-up names."""
    if not rewrite or "\n" in rewrite or len(rewrite) > 4 * len(question) + 200:
        return False
    return set(find_units(question)) <= set(find_units(rewrite))


def standalone_question(question: str, history: list[dict] | None, generator: Generator, prompts: Path) -> str:
    previous = previous_question(history or [])
    if not previous or not is_follow_up(question):
        return question
    if isinstance(generator, ChatGenerator):
        chain = chat_prompt(prompts, "rewrite") | generator.chat | StrOutputParser()
        rewrite = chain.invoke({"previous": previous, "question": question}).strip().strip('"')
        if _acceptable(rewrite, question):
            return rewrite
    return carry_over(question, previous)
