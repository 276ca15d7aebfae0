"""The LLM reads what the rules of request.py missed in a freely phrased instruction: province, date,
time, venue, participants and deadline. The rules stay first: the LLM only fills the fields they left
empty, and a value it gives stands only when the instruction holds it (a venue's words, a date's day, month
and year), so a guess never reaches the draft. The draft names the fields the LLM read, for staff to check."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import JsonOutputParser
from openai import OpenAIError
from pydantic import BaseModel, ValidationError, field_validator

from ..prompts import chat_prompt
from ..vietnamese.folding import collapse_ws, fold
from ..vietnamese.patterns import DATE, clock
from .request import DraftRequest

_CLOCK = re.compile(r"(\d{1,2})\s*(?:h|:|giờ|gio)\s*(\d{2})?", re.IGNORECASE)
_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A venue is introduced by a word for "at" (folded): `tại Hội trường`, `ở phòng họp`, `at the centre`.
_VENUE_CUE = re.compile(r"\b(?:tai|o|at|in|dia diem:?)\s+(?:the\s+)?$")
# How the LLM's fields are named in the draft's warning.
FIELD_NAMES = {"province": "tỉnh", "date": "ngày họp", "time": "giờ họp", "venue": "địa điểm",
               "participants": "thành phần", "deadlines": "hạn gửi báo cáo"}


class ReadFields(BaseModel):
    """The LLM's answer, as the prompt asks for it."""

    province: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    participants: list[str] = []
    deadline: str | None = None

    @field_validator("participants", mode="before")
    @classmethod
    def _listed(cls, value: object) -> list:
        return [] if value is None else [value] if isinstance(value, str) else value


def _numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", text)}


def _span(value: str | None, instruction: str, min_words: int) -> tuple[str, int] | None:
    """The longest leading run of at least `min_words` of `value`'s words that the instruction holds, as the
    instruction writes it (the LLM may add marks or a province to a name), with where it starts."""
    folded = fold(instruction)
    if len(folded) != len(instruction):  # positions in the folded text would not be the instruction's
        return None
    words = collapse_ws(value or "").strip(" .,;").split()
    for n in range(len(words), max(min_words, 1) - 1, -1):
        piece = fold(" ".join(words[:n])).strip(" .,;")
        if match := re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", folded):
            return instruction[match.start():match.end()], match.start()
    return None


def _checked_date(value: str | None, instruction: str) -> str | None:
    """dd/mm/yyyy when it is a real date whose day, month (a number or an English month) and year the
    instruction names."""
    match = DATE.fullmatch((value or "").strip())
    if not match:
        return None
    day, month, year = map(int, match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    numbers, folded = _numbers(instruction), fold(instruction)
    month_named = month in numbers or re.search(rf"\b{_MONTHS_EN[month - 1]}", folded) is not None
    return f"{day:02d}/{month:02d}/{year}" if day in numbers and year in numbers and month_named else None


def _checked_time(value: str | None, instruction: str) -> str | None:
    match = _CLOCK.fullmatch((value or "").strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    numbers = _numbers(instruction)
    if hour > 23 or minute > 59 or hour not in numbers or (minute and minute not in numbers):
        return None
    return clock(hour, minute)


def _checked_province(value: str | None, instruction: str) -> str | None:
    name = re.sub(r"^(?:tỉnh|thành phố|province of)\s+", "", (value or "").strip(), flags=re.IGNORECASE)
    found = _span(name, instruction, min_words=len(name.split()))
    return found[0] if found and len(name.split()) <= 3 else None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _checked_venue(value: str | None, instruction: str) -> str | None:
    found = _span(value, instruction, min_words=2)
    return _capitalised(found[0]) if found and _VENUE_CUE.search(fold(instruction[:found[1]])) else None


def _checked_participants(values: list, instruction: str) -> list[str]:
    found = [_span(v, instruction, min_words=2) for v in values if isinstance(v, str)]
    return list(dict.fromkeys(_capitalised(f[0]) for f in found if f))


def checked_fields(fields: ReadFields, instruction: str) -> dict:
    """The LLM's values that the instruction bears out, under DraftRequest's field names."""
    found = {
        "province": _checked_province(fields.province, instruction),
        "date": _checked_date(fields.date, instruction),
        "time": _checked_time(fields.time, instruction),
        "venue": _checked_venue(fields.venue, instruction),
        "participants": _checked_participants(fields.participants, instruction),
        "deadlines": [d] if (d := _checked_date(fields.deadline, instruction)) else [],
    }
    return {name: value for name, value in found.items() if value}


@dataclass
class Reading:
    request: DraftRequest
    fields: list[str] = field(default_factory=list)  # the DraftRequest fields the LLM filled
    tokens: int = 0
    seconds: float = 0.0
    error: str = ""  # why the LLM could not be asked; the draft goes on with what the rules read


def read_request(request: DraftRequest, chat: BaseChatModel, prompts: Path, max_tokens: int, wanted: list[str],
                 timeout: float) -> Reading:
    """The request with the gaps among the `wanted` fields that the LLM could fill from the instruction, and
    what it cost. An LLM that has not answered within `timeout` seconds is given up (the draft's deadline)."""
    missing = [name for name in wanted if name in FIELD_NAMES and not getattr(request, name)]
    if not missing:
        return Reading(request)
    began = time.perf_counter()
    try:
        reply = (chat_prompt(prompts, "read_request") | chat.bind(max_tokens=max_tokens, timeout=timeout)).invoke(
            {"instruction": request.instruction})
    except OpenAIError as exc:
        return Reading(request, error=f"{type(exc).__name__}: {exc}"[:200])
    reading = Reading(request, tokens=(reply.usage_metadata or {}).get("output_tokens", 0),
                      seconds=time.perf_counter() - began)
    try:
        fields = ReadFields.model_validate(JsonOutputParser().invoke(reply))
    except (OutputParserException, ValidationError):
        return reading
    update = {name: value for name, value in checked_fields(fields, request.instruction).items() if name in missing}
    if update.get("date") and not request.year:
        update["year"] = int(update["date"][-4:])
    reading.request = request.model_copy(update=update)
    reading.fields = [name for name in FIELD_NAMES if name in update]
    return reading
