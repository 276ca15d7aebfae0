"""The JSON contracts of the HTTP API and the CLI's --json output: one set of pydantic models for both, and
the records the web page shows (answers, citations, drafts, upload jobs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..answer.chain import Answer, Turn
from ..draft.document import DraftResult
from ..index.records import Chunk, Citation, Task, UncertainWord

__all__ = ["Answer", "Citation", "DraftResult", "Task", "Turn", "UncertainWord"]


class Filters(BaseModel):
    """Metadata filters; they fail closed: a value no document has gives no results."""

    model_config = ConfigDict(extra="forbid")
    doc_type: str | None = Field(None, description="KH, TB, 'Kế hoạch', 'Thông báo' …")
    year: int | None = Field(None, ge=1900, le=2100)
    issuer: str | None = Field(None, description="e.g. 'Sở Y tế', 'UBND'")

    def as_dict(self) -> dict | None:
        return self.model_dump(exclude_none=True) or None


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str
    k: int | None = Field(None, ge=1)
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    filters: Filters | None = None


class SearchHit(BaseModel):
    source: str
    title: str
    section: str
    text: str = Field(description="the chunk as it stands in the file")
    restored: str | None = Field(None, description="the same text with diacritics restored, for OCR'd files")
    restored_uncertain: list[UncertainWord] = Field(
        default_factory=list, description="words of `restored` the restorer only guessed, with what OCR read")
    score: float

    @classmethod
    def of(cls, chunk: Chunk) -> SearchHit:
        return cls(source=chunk.source, title=chunk.title, section=chunk.section, text=chunk.page_content,
                   restored=chunk.restored, restored_uncertain=UncertainWord.of(chunk.uncertain), score=chunk.score)


class SearchResponse(BaseModel):
    query: str
    results: list[SearchHit]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str
    history: list[Turn] = Field(default_factory=list, description="earlier turns, oldest first")
    filters: Filters | None = None


class AskResponse(BaseModel):
    answer: str
    declined: bool
    citations: list[Citation]
    mode: str = Field("", description="extractive, local, openai, or tasks (answered from the task table)")
    note: str = ""
    standalone_question: str = ""

    @classmethod
    def of(cls, answer: Answer) -> AskResponse:
        return cls(answer=answer.answer, declined=answer.declined, citations=answer.citations, mode=answer.mode,
                   note=answer.note, standalone_question=answer.standalone_question)


class TaskOut(BaseModel):
    unit: str
    task: str
    quote: str
    deadline: str | None
    source: str
    title: str
    section: str
    chunk_id: str


class TasksResponse(BaseModel):
    unit: str | None
    units: dict[str, list[TaskOut]]


class DocumentInfo(BaseModel):
    source: str
    title: str
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    chunks: int
    embedded: int
    restored: bool


class DeleteResponse(BaseModel):
    deleted: str
    file_deleted: bool
    file: str | None = Field(None, description="a file outside the uploads folder, left on disk")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    documents: int
    chunks: int
    embedded: int
    embedder: str
    llm: str
    llm_model: str
    llm_note: str = ""
    ingest_jobs_running: int


class DraftRequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instruction: str = Field(description="what to draft, in Vietnamese or English, with the specifics known")


class UploadError(ValueError):
    """An upload refused before ingesting; the message says why."""


class UploadTooLarge(UploadError):
    pass


class UploadJob(BaseModel):
    id: str
    name: str
    status: Literal["queued", "running", "done", "failed"] = "queued"
    stage: str = ""  # ocr (pages), parse, embed (chunks)
    done: int = 0
    total: int = 0
    message: str = ""
    chunks: int = 0
    created: float = 0.0
