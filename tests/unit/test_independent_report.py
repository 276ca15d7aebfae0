"""The independent question set's report, model-free: both halves, held-out first, per kind of question, and
the LLM's first tokens where it wrote."""

from assistant.evaluation.independent import by_half, format_independent_report, source_name, summary


def _row(split: str, kind: str, facts: list[bool], answerable: bool = True, declined: bool = False,
         first_token: float | None = None) -> dict:
    return {"split": split, "kind": kind, "facts": facts, "answerable": answerable, "declined": declined,
            "gold_cited": answerable and not declined, "first_token": first_token, "at_token_limit": False}


def test_bothby_half_are_reported_held_out_first_per_kind_and_per_generator():
    rows = [_row("tuning", "list", [True, False]), _row("heldout", "fact", [True]),
            _row("heldout", "near_miss", [], answerable=False, declined=True),
            _row("heldout", "fact", [False], first_token=2.5)]
    halves = by_half(rows)
    assert list(halves) == ["heldout", "tuning"]
    assert halves["heldout"]["all"] == {"n": 3, "facts": 0.5, "gold_cited": 1.0, "declines": 1.0}
    assert set(halves["heldout"]) == {"all", "fact", "near_miss", "llm"} and "llm" not in halves["tuning"]
    text = format_independent_report({"independent": {"extractive": halves, "local": halves}})
    assert text.index("heldout (extractive)") < text.index("tuning (extractive)") < text.index("heldout (local)")
    assert "first token p50 2.50 s" in text


def test_a_wrong_decline_and_a_wrong_answer_both_count_against_declines():
    rows = [_row("tuning", "fact", [True], declined=True), _row("tuning", "near_miss", [], answerable=False)]
    assert summary(rows)["declines"] == 0.0


def test_congbot_gold_documents_are_ingested_under_a_file_name_of_their_own():
    assert source_name("congbot/5115_2018_CV_LĐTBXH-KHTC") == "congbot_5115_2018_CV_L_TBXH-KHTC.txt"
    assert source_name("corpus/000_8c73f34139bece49.txt") == "000_8c73f34139bece49.txt"
