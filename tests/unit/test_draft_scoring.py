"""How `assistant eval --drafts` scores drafts, without drafting: computed values a draft must show, OCR residue,
and the report per half, held-out first, whose held-out items are summed up and never listed."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.config import Settings
from assistant.evaluation.drafts import computed_strings, format_draft_report, residue, score_item, summary
from assistant.vietnamese.restorer import get_restorer

RESTORER = get_restorer(Settings().restorer_params)


@dataclass
class Drafted:
    draft: str
    doc_type: str = "conference_plan"
    scope: str = "table"
    mode: str = "extractive"
    warnings: list[str] = field(default_factory=list)


ITEM = {"id": "x1", "split": "tuning", "doc_type": "conference_plan", "scope": "table", "language": "vi",
        "instruction": "Lập bảng dự trù kinh phí: ăn trưa 10 người x 1 ngày x 100.000 đồng.",
        "must_have": ["DỰ TRÙ KINH PHÍ"], "must_not": ["Lai Châu"],
        "computed": {"lines": [{"amount": 1_000_000}], "total": 1_000_000, "total_in_words": "Một triệu đồng"}}


def test_budget_items_need_every_amount_the_total_and_the_words():
    assert computed_strings(ITEM["computed"]) == (["1.000.000", "1.000.000", "Một triệu đồng"], True)
    good = score_item(ITEM, Drafted("DỰ TRÙ KINH PHÍ | 1.000.000 | Bằng chữ: Một triệu đồng."), 0.1, RESTORER)
    assert good["score"] == 1.0 and good["budget_exact"] and good["right_type_scope"] and not good["residue"]
    short = score_item(ITEM, Drafted("DỰ TRÙ KINH PHÍ | 1.000.000", scope="whole"), 0.1, RESTORER)
    assert short["budget_exact"] is False and short["right_type_scope"] is False and short["score"] < 1
    stale = score_item(ITEM, Drafted("DỰ TRÙ KINH PHÍ 1.000.000 Một triệu đồng, Lai Chau"), 0.1, RESTORER)
    assert stale["score"] == 0.0  # an old place, even typed without marks, zeroes the draft


def test_a_date_is_found_with_or_without_its_leading_zeros_but_a_wrong_date_is_not():
    item = {**ITEM, "must_have": ["30/09/2027", "trước ngày 05/3/2027"], "must_not": ["31/12/2026"], "computed": {}}
    assert score_item(item, Drafted("hoàn thành trước 30/9/2027 và trước ngày 05/03/2027."), 0.1, RESTORER)["score"] == 1.0
    assert score_item(item, Drafted("hoàn thành trước 30/8/2027 và trước ngày 05/03/2027."), 0.1, RESTORER)["score"] < 1
    assert score_item(item, Drafted("30/09/2027, 05/3/2027, thay cho 31/12/2026"), 0.1, RESTORER)["score"] == 0.0


def test_ocr_residue_is_what_the_user_did_not_type():
    assert residue("Trùng tôm Klem soát bệnh tật (nếu ¢6)", "soạn kế hoạch", RESTORER)
    assert residue("Sở KH&CN phối hợp [đơn vị]", "mời Sở KH&CN", RESTORER) == []


def test_the_report_lists_the_halves_held_out_first_and_never_its_items():
    rows = [score_item({**ITEM, "id": f"h{n}", "split": "heldout"}, Drafted("nothing"), 0.2, RESTORER) for n in range(2)]
    rows += [score_item(ITEM, Drafted("DỰ TRÙ KINH PHÍ 1.000.000 Một triệu đồng"), 0.1, RESTORER)]
    halves = {half: summary([r for r in rows if r["split"] == half]) for half in ("heldout", "tuning")}
    assert halves["heldout"]["score"] == 0.0 and halves["tuning"]["score"] == 1.0
    assert halves["heldout"]["budget_exact"] == "0/2" and halves["tuning"]["right_type_scope"] == 1.0
    report = {"drafts": {"extractive": {"generator": "extractive", "note": "", "halves": halves,
                                        "items": [r for r in rows if r["split"] != "heldout"]}}}
    text = format_draft_report(report)
    assert text.index("heldout") < text.index("tuning") and " h0 " not in text and " x1 " in text
