"""Hybrid search on the seed index: the right unit's section, with or without diacritics; filters fail closed."""

import json
import subprocess
import sys

import pytest

from assistant.retrieve.filters import FilterError
from assistant.retrieve.search import search
from conftest import CORPUS


def _sections(docs):
    return [(d.source, d.section) for d in docs]


@pytest.mark.parametrize("query", [
    "Phòng Kế hoạch - Tài chính được giao những nhiệm vụ gì trong hội nghị tổng kết năm 2025?",
    "phong ke hoach tai chinh duoc giao nhiem vu gi trong hoi nghi tong ket nam 2025",
    "Phòng KHTC làm gì cho hội nghị tổng kết 2025?",
])
def test_unit_question_finds_that_units_section(seed_index, query):
    assert ("000_8c73f34139bece49.txt", "V. TỔ CHỨC THỰC HIỆN > 2. Phòng Kế hoạch — Tài chính") in _sections(
        search(seed_index, query, k=4))


def test_finance_department_deadline_in_the_ocr_notice(seed_index):
    docs = search(seed_index, "so tai chinh phai bao cao ubnd tinh truoc ngay nao", k=4)
    assert any("10/12/2025" in d.page_content and d.source.startswith("003") for d in docs)


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_every_mode_returns_scored_chunks(seed_index, mode):
    docs = search(seed_index, "Hội nghị sơ kết mạng lưới y tế cơ sở Đồng Nai", k=3, mode=mode)
    assert len(docs) == 3 and all(d.score >= 0 for d in docs)
    assert docs[0].metadata["source"] == "002_63304fc089235397.txt"


def test_filters_narrow_results(seed_index):
    docs = search(seed_index, "kinh phí hội nghị", k=4, filters={"year": 2022, "doc_type": "Kế hoạch"})
    assert docs and {d.source for d in docs} == {"002_63304fc089235397.txt"}
    assert {d.metadata["issuer"] for d in search(seed_index, "nhiệm vụ", filters={"issuer": "so y te"})} == {"Sở Y tế"}


@pytest.mark.parametrize("filters", [{"year": 2019}, {"issuer": "Bộ Quốc phòng"}, {"doc_type": "Quyết định"},
                                     {"doc_type": "KH", "year": 2019}])
def test_filters_that_match_nothing_return_nothing(seed_index, filters):
    assert search(seed_index, "kinh phí hội nghị", filters=filters) == []
    assert search(seed_index, "kinh phí hội nghị", filters=filters, mode="lexical") == []


def test_bad_filters_are_errors(seed_index):
    with pytest.raises(FilterError, match="unknown filter"):
        search(seed_index, "kinh phí", filters={"province": "Đồng Nai"})
    with pytest.raises(FilterError, match="year"):
        search(seed_index, "kinh phí", filters={"year": "last year"})


def test_cli_search_json_lines_quote_the_source(seed_env):
    queries = ["Sở Tài chính có nhiệm vụ gì?", "tiem chung mo rong"]
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "--json", "--k", "3", *queries],
                         env=seed_env, capture_output=True, text=True, check=True).stdout.strip().split("\n")
    assert len(out) == 2
    for line, query in zip(out, queries):
        result = json.loads(line)
        assert result["query"] == query and len(result["results"]) == 3
        for hit in result["results"]:
            assert set(hit) == {"source", "title", "section", "text", "score", "restored", "restored_uncertain"}
            source = " ".join((CORPUS / hit["source"]).read_text().split())
            assert " ".join(hit["text"].split()[:12]) in source
            # OCR'd files come with a restored copy holding the same number of words; clean files without, and
            # without guessed words.
            if hit["restored"] is not None:
                assert len(hit["restored"].split()) == len(hit["text"].split()) and hit["restored"] != hit["text"]
                assert all(hit["restored"][u["start"]:u["end"]].strip() for u in hit["restored_uncertain"])
            else:
                assert hit["restored_uncertain"] == []


def test_cli_reports_bad_filters_and_empty_index(seed_env, tmp_path):
    bad = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "--year", "2019", "--json", "kinh phí"],
                         env=seed_env, capture_output=True, text=True)
    assert bad.returncode == 0 and json.loads(bad.stdout)["results"] == []
    empty = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "kinh phí"],
                           env={**seed_env, "ASSISTANT_DATA_DIR": str(tmp_path)}, capture_output=True, text=True)
    assert empty.returncode == 1 and "assistant ingest" in empty.stderr
