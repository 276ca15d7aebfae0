"""The task table on the seeds, checked by hand against the files (house-style.md: Phòng KHTC ≠ Sở Tài chính)."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.retrieve.tasks import tasks_for
from assistant.vietnamese.folding import fold


def _has(tasks, phrase: str) -> bool:
    return any(fold(phrase) in fold(t.task) for t in tasks)


def test_every_assignment_of_so_tai_chinh_is_listed(seed_index):
    grouped = tasks_for(seed_index.tasks(), "Sở Tài chính")
    assert list(grouped) == ["Sở Tài chính"]
    tasks = grouped["Sở Tài chính"]
    # 002 III.2: the one task of the plan; 003 9.2: the conclusion, with its deadline.
    assert _has(tasks, "thẩm định kinh phí thực hiện Hội nghị sơ kết")
    tu_chu = [t for t in tasks if t.source.startswith("003_")]
    assert len(tu_chu) == 1 and "tu chu tai chinh" in fold(tu_chu[0].task) and tu_chu[0].deadline == "10/12/2025"
    assert len(tasks) == 2


def test_every_assignment_of_phong_khtc_is_listed_and_kept_apart(seed_index):
    grouped = tasks_for(seed_index.tasks(), "phong KHTC")
    assert list(grouped) == ["Phòng Kế hoạch - Tài chính"]
    tasks = grouped["Phòng Kế hoạch - Tài chính"]
    by_source = {s: [t for t in tasks if t.source.startswith(s)] for s in ("000_", "001_")}
    # 000 V.2: the report (due 22/12/2025) and the budget; 001 III.1: chairing the plan, and the reviews.
    assert len(by_source["000_"]) == 2 and by_source["000_"][0].deadline == "22/12/2025"
    assert _has(by_source["000_"], "kinh phí tổ chức")
    assert len(by_source["001_"]) == 2 and _has(by_source["001_"], "Chủ trì thực hiện")
    assert len(tasks) == 4
    assert not any(t.unit == "Sở Tài chính" for t in tasks)


def test_a_vague_unit_lists_each_unit_it_may_mean(seed_index):
    grouped = tasks_for(seed_index.tasks(), "Finance department")
    assert set(grouped) == {"Sở Tài chính", "Phòng Kế hoạch - Tài chính"}


def test_tasks_quote_the_file_and_read_restored(seed_index):
    tasks = tasks_for(seed_index.tasks(), "Sở Nội vụ")["Sở Nội vụ"]
    assert tasks and "Sở Nội vụ" in tasks[0].task
    source = (seed_index.settings.corpus_dir / tasks[0].source).read_text(encoding="utf-8")
    assert " ".join(tasks[0].quote.split()) in " ".join(source.split())


def test_tasks_cli_json(seed_env):
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "tasks", "--json", "Sở Tài chính"],
                         capture_output=True, text=True, env=seed_env, check=True)
    data = json.loads(run.stdout)
    tasks = data["units"]["Sở Tài chính"]
    assert len(tasks) == 2 and all({"task", "deadline", "source", "section", "quote"} <= set(t) for t in tasks)
