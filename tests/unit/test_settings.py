"""Configuration has one home: every setting is described where it is declared, and README's table is what
`assistant settings` prints from those descriptions."""

from __future__ import annotations

import re

import pytest

from assistant.config import GeneratorMode, PROJECT_ROOT, Settings, settings_table


def test_every_setting_is_described():
    assert all(field.description for field in Settings.model_fields.values())


def test_readme_configuration_table_is_the_one_the_settings_describe():
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    found = re.search(r"<!-- settings:start -->\n(.*?)\n<!-- settings:end -->", readme, flags=re.S)
    assert found and found.group(1) == settings_table(), "run `assistant settings` and paste it into README.md"


def test_an_unknown_generator_is_refused_with_the_valid_ones(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM", "gpt")
    with pytest.raises(ValueError, match="'extractive', 'local' or 'openai'"):
        Settings()
    assert Settings(llm="openai").llm is GeneratorMode.OPENAI
