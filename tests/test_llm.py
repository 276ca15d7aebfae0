"""The LLM generators against a real server: llama-cpp-python's OpenAI-compatible server running the
packaged Qwen2.5-Coder GGUF (both installed by `assistant setup`), used as the local generator and, through
its URL, as the OpenAI-compatible one."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerChain
from assistant.llm import get_generator
from assistant.passages import contains_quote
from assistant.text import fold

QUESTION = "Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?"


@pytest.fixture(scope="module")
def local(seed_index):
    generator = get_generator(seed_index.settings.model_copy(update={"llm": "local"}))
    assert generator.mode == "local", generator.note
    return generator


def _check(index, answer) -> None:
    assert not answer.declined and answer.citations
    chunks = {d.id: d for d in index.catalog.documents([c.chunk_id for c in answer.citations])}
    assert all(contains_quote(chunks[c.chunk_id], c.quote) for c in answer.citations)
    assert all(f"[{c.n}]" in answer.answer for c in answer.citations)


def test_the_local_llm_answers_with_verified_citations_and_streams(seed_index, local):
    events = list(AnswerChain(seed_index, local).stream(QUESTION))
    answer = events[-1]
    assert len(events) > 3 and all(isinstance(e, str) for e in events[:-1])  # token by token
    # The small model may find nothing in a budget table; the chain then quotes the passages instead.
    assert answer.mode in ("local", "extractive") and "su nghiep y te" in fold(answer.answer)
    assert answer.stats["first_token_seconds"] > 0 and answer.stats["tokens"] >= 1
    _check(seed_index, answer)


def test_an_openai_compatible_endpoint_answers_through_the_same_chain(seed_index, local):
    base_url = str(local.chat.openai_api_base)
    settings = seed_index.settings.model_copy(update={"llm": "openai", "llm_base_url": base_url})
    generator = get_generator(settings)
    answer = AnswerChain(seed_index, generator).ask(QUESTION)
    assert answer.mode in ("openai", "extractive") and answer.stats["tokens"] >= 1
    _check(seed_index, answer)


def test_the_llm_rewrites_a_follow_up_and_keeps_the_new_unit(seed_index, local):
    history = [{"role": "user", "content": "Sở Tài chính được giao nhiệm vụ gì?"}]
    answer = AnswerChain(seed_index, local).ask("còn Sở Nội vụ thì sao?", history)
    assert "noi vu" in fold(answer.standalone_question) and "tai chinh" not in fold(answer.standalone_question)
    assert any(c.source.startswith("003_") for c in answer.citations)


def test_openai_mode_without_a_url_is_a_clear_error(seed_index):
    from assistant.llm import LlmUnavailable

    with pytest.raises(LlmUnavailable, match="ASSISTANT_LLM_BASE_URL"):
        get_generator(seed_index.settings.model_copy(update={"llm": "openai", "llm_base_url": None}))
