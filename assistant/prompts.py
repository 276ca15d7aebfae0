"""Prompt templates and the assistant's fixed messages, read from the files in prompts/."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from langchain_core.prompts import ChatPromptTemplate

from .config import get_settings


def _read(name: str) -> str:
    return (get_settings().prompts_dir / name).read_text("utf-8").strip()


@lru_cache(maxsize=None)
def chat_prompt(name: str) -> ChatPromptTemplate:
    """`prompts/{name}_system.md` and `prompts/{name}_user.md` as one chat prompt."""
    return ChatPromptTemplate.from_messages([("system", _read(f"{name}_system.md")), ("human", _read(f"{name}_user.md"))])


@lru_cache(maxsize=None)
def messages(language: str) -> dict[str, str]:
    """The assistant's fixed sentences in one answer language (`vi` or `en`)."""
    return tomllib.loads(_read("messages.toml"))[language]
