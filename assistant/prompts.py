"""Prompt templates and the assistant's fixed messages, read from the files in prompts/ (in Vietnamese)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate


def _read(directory: Path, name: str) -> str:
    return (directory / name).read_text("utf-8").strip()


@lru_cache(maxsize=None)
def chat_prompt(directory: Path, name: str) -> ChatPromptTemplate:
    """`{directory}/{name}_system.md` and `{directory}/{name}_user.md` as one chat prompt."""
    return ChatPromptTemplate.from_messages([("system", _read(directory, f"{name}_system.md")),
                                             ("human", _read(directory, f"{name}_user.md"))])


@lru_cache(maxsize=None)
def messages(directory: Path, language: str) -> dict[str, str]:
    """The assistant's fixed sentences in one answer language (`vi` or `en`), from messages.toml."""
    return tomllib.loads(_read(directory, "messages.toml"))[language]
