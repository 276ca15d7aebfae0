"""Drafting a conference plan without an LLM: request parsing, the skeleton filled, exemplar tasks adapted and
cited, the layout/specifics/budget checks, and the Word export read back and opened by LibreOffice."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys

import pytest
from docx import Document as WordDocument

from assistant.draft.checks import check_layout, check_specifics
from assistant.draft.drafter import Drafter
from assistant.draft.exemplars import exemplar_year, moved_year
from assistant.draft.request import parse_request
from assistant.draft.skeletons import skeleton
from assistant.draft.agenda import agenda_times
from assistant.draft.word import to_docx
from assistant.vietnamese.folding import fold
from assistant.vietnamese.restorer import get_restorer, ocr_slips

INSTRUCTION = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực "
               "tuyến ngày 15/7/2026 lúc 8h00 tại Hội trường Sở Y tế. Thành phần: Lãnh đạo Sở; Trưởng các phòng "
               "chức năng. Kinh phí: thuê hội trường: 5.000.000 đồng; tài liệu: 3.000.000 đồng; tổng: 8.000.000 "
               "đồng. Các đơn vị gửi báo cáo trước ngày 10/7/2026.")


@pytest.fixture(scope="module")
def drafted(seed_index):
    return Drafter(seed_index).build(INSTRUCTION)


def test_the_draft_follows_the_house_style_with_the_new_specifics(drafted, seed_index):
    result, _ = drafted
    text = result.draft
    for part in ("I. MỤC ĐÍCH, YÊU CẦU", "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "III. NỘI DUNG", "IV. KINH PHÍ",
                 "V. TỔ CHỨC THỰC HIỆN", "Nơi nhận", "DỰ TRÙ KINH PHÍ"):
        assert part in text
    assert "UBND TỈNH QUẢNG TRỊ" in text and "Quảng Trị, ngày [ngày] tháng [tháng] năm 2026" in text
    assert "08h00, ngày 15/7/2026" in text and "Tổ chức trực tuyến" in text and "8.000.000 đồng" in text
    assert "[Họ và tên]" in text  # not given: a visible placeholder
    assert not [w for w in result.warnings if "chi tiết cũ" in w or "năm khác" in w or "không khớp" in w]


def test_no_stale_specifics_leak_from_the_exemplars(drafted, seed_index):
    result, _ = drafted
    text = fold(result.draft)
    for stale in ("dong nai", "lai chau", "lang son", "2025", "2022", "nguyen son hung", "26/12/2025", "5463/kh"):
        assert stale not in text, stale
    assert result.citations and all(f"[{c.n}]" in result.draft for c in result.citations)
    chunks = {d.id: d for d in seed_index.chunks([c.chunk_id for c in result.citations])}
    assert all(c.chunk_id in chunks for c in result.citations)


def test_the_layout_checker_catches_a_broken_draft(drafted, seed_settings):
    result, _ = drafted
    required = skeleton(seed_settings.prompts_dir, "conference_plan")["required"]
    assert check_layout(result.draft, required) == []
    broken = result.draft.replace("### IV. KINH PHÍ", "### IV. GHI CHÚ").replace("**2. Phòng Kế hoạch", "**3. Phòng Kế hoạch")
    warnings = check_layout(broken.replace("Nơi nhận", "Gửi"), required)
    assert any("KINH PHI" in w for w in warnings) and any("không liên tục" in w for w in warnings)
    assert any("Nơi nhận" in w for w in warnings)
    assert any("đánh số phần" in w for w in check_layout(result.draft.replace("### III.", "### IV."), required))


def test_stale_specifics_are_detected(drafted):
    result, _ = drafted
    request = parse_request(INSTRUCTION)
    stale = result.draft.replace("Hội trường Sở Y tế", "Trụ sở Khối Nhà nước tỉnh Đồng Nai") + "\nNgười ký: Nguyễn Sơn Hùng, năm 2022"
    warnings = check_specifics(stale, request, {"Đồng Nai", "Nguyễn Sơn Hùng", "2022"})
    assert {"chi tiết cũ từ văn bản mẫu: Đồng Nai", "chi tiết cũ từ văn bản mẫu: Nguyễn Sơn Hùng",
            "chi tiết cũ từ văn bản mẫu: 2022"} <= set(warnings)
    assert any("không thấy ngày" in w for w in check_specifics("Quảng Trị 2026", request, set()))


def test_the_word_file_reads_back_in_the_decree_layout(drafted, tmp_path):
    _, document = drafted
    word = WordDocument(io.BytesIO(to_docx(document)))
    header = word.tables[0]
    assert "SỞ Y TẾ" in header.cell(0, 0).text and "Số: [số]/KH-SYT" in header.cell(0, 0).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text and "Quảng Trị, ngày" in header.cell(0, 1).text
    paragraphs = [p.text for p in word.paragraphs]
    assert "KẾ HOẠCH" in paragraphs and ("Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 và triển khai nhiệm vụ 6 tháng "
                                        "cuối năm 2026") in paragraphs
    parts = [p for p in paragraphs if p.split(". ")[0] in ("I", "II", "III", "IV", "V")]
    assert [p.split(".")[0] for p in parts] == ["I", "II", "III", "IV", "V"]
    footer = word.tables[1]
    assert footer.cell(0, 0).text.startswith("Nơi nhận:") and "GIÁM ĐỐC" in footer.cell(0, 1).text
    agenda, budget = word.tables[2], word.tables[3]
    assert agenda.cell(0, 0).text == "Thời gian" and agenda.cell(1, 0).text == "08h00 - 08h30"
    assert budget.cell(0, 1).text == "Nội dung" and "8.000.000 đồng" in budget.rows[-1].cells[2].text
    fonts = {r.font.name for p in word.paragraphs for r in p.runs if r.text}
    assert fonts == {"Times New Roman"} and not any("[1]" in p for p in paragraphs)  # markers stay out


def test_libreoffice_opens_the_word_file(drafted, tmp_path):
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    assert soffice, "LibreOffice is required: apt-get install libreoffice-writer-nogui (.ci/run installs it)"
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(to_docx(drafted[1]))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "ke-hoach.pdf"
    assert pdf.exists() and pdf.stat().st_size > 5000


def test_the_draft_cli_prints_json_and_writes_word(seed_env, tmp_path):
    out = tmp_path / "draft.docx"
    env = {**seed_env, "ASSISTANT_LLM": "extractive"}
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "--json", "--docx", str(out), INSTRUCTION],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert set(body) >= {"draft", "citations", "warnings"} and "V. TỔ CHỨC THỰC HIỆN" in body["draft"]
    assert body["mode"] == "extractive"
    assert set(body["citations"][0]) >= {"n", "source", "title", "section", "quote"}
    assert out.stat().st_size > 10_000
    empty = subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "  "], env=env, capture_output=True,
                           text=True, timeout=300)
    assert empty.returncode == 2 and "empty" in empty.stderr


def test_a_notice_of_conclusions_gets_its_own_skeleton(seed_index):
    result = Drafter(seed_index).draft("Soạn thông báo kết luận của Giám đốc Sở Y tế tỉnh Quảng Trị tại Hội nghị sơ "
                                       "kết 6 tháng đầu năm 2026 ngày 15/7/2026.")
    assert "## THÔNG BÁO" in result.draft and "Số: [số]/TB-SYT" in result.draft and "Ngày 15/7/2026" in result.draft
    assert "TỔ CHỨC THỰC HIỆN" not in result.draft and "DỰ TRÙ KINH PHÍ" not in result.draft
    assert "TL. GIÁM ĐỐC" in result.draft
    assert not [w for w in result.warnings if w.startswith("thiếu") or "chi tiết cũ" in w]


def test_the_agenda_annex_is_timed_from_the_requested_start(drafted, seed_settings):
    result, document = drafted
    assert "### CHƯƠNG TRÌNH HỘI NGHỊ" in result.draft
    agenda = next(b.rows for b in document.annexes if b.kind == "table" and b.rows[0][0] == "Thời gian")
    times = [row[0] for row in agenda[1:]]
    assert times[:2] == ["08h00 - 08h30", "08h30 - 08h40"]
    assert all(a.split(" - ")[1] == b.split(" - ")[0] for a, b in zip(times, times[1:]))  # no gap, no overlap
    assert any("6 tháng đầu năm 2026" in row[1] for row in agenda)  # the event's period, not an old one
    assert set(agenda_times(None, [30, 10])) == {"[giờ]"}  # no start given: the times are left to fill in


def test_one_part_can_be_drafted_alone(seed_index):
    result, document = Drafter(seed_index).build(
        "Soạn phần Tổ chức thực hiện cho kế hoạch Hội nghị tổng kết năm 2026 của Sở Y tế tỉnh Hà Tĩnh")
    assert result.draft.startswith("### V. TỔ CHỨC THỰC HIỆN") and "Phòng Kế hoạch - Tài chính" in result.draft
    for absent in ("UBND TỈNH", "MỤC ĐÍCH", "Nơi nhận", "DỰ TRÙ KINH PHÍ", "CHƯƠNG TRÌNH"):
        assert absent not in result.draft
    assert result.citations and not [w for w in result.warnings if w.startswith("thiếu") or "đánh số" in w]
    word = WordDocument(io.BytesIO(to_docx(document)))
    assert not word.tables and word.paragraphs[0].text == "V. TỔ CHỨC THỰC HIỆN"


def test_damaged_lines_of_the_ocr_exemplars_never_reach_the_draft(drafted, seed_settings):
    result, _ = drafted
    assert any("bị loại vì chữ chưa sạch" in w for w in result.warnings)  # the OCR'd seed plans lend damaged tasks
    assert not ocr_slips(result.draft, get_restorer(seed_settings.restorer_params))
    for damaged in ("bố cáo", "chờm", "Do trả", "Klem", "¢", "n’hiếm"):
        assert damaged not in result.draft


def test_part_v_borrows_only_conference_tasks_when_a_unit_has_them(drafted):
    result, _ = drafted
    assert result.citations
    assert all("hội nghị" in c.title.lower() for c in result.citations)  # not the five-year action plan's


def test_years_move_with_the_event_in_a_review_of_the_same_kind(seed_index):
    year_end = "Tổ chức Hội nghị Tổng kết hoạt động y tế năm 2025 và triển khai phương hướng, nhiệm vụ năm 2026"
    assert exemplar_year(parse_request("Soạn kế hoạch tổ chức Hội nghị tổng kết năm 2027"), year_end) == 2025
    assert exemplar_year(parse_request("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng năm 2027"), year_end) is None
    assert [moved_year(y, 2025, 2027) for y in (2024, 2025, 2026)] == [2027, 2027, 2028]

    result = Drafter(seed_index).draft("Soạn kế hoạch tổ chức Hội nghị tổng kết năm 2027 của Sở Y tế tỉnh Kon Tum")
    part_v = result.draft[result.draft.index("TỔ CHỨC THỰC HIỆN"):]
    assert "2028" in part_v  # the exemplar's "phương hướng … năm 2026" is the next year's direction
    assert not {"2024", "2025", "2026"} & set(re.findall(r"\b20\d\d\b", result.draft))
    assert not [w for w in result.warnings if "năm khác" in w or "chi tiết cũ" in w]
    mid_year = Drafter(seed_index).draft("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2027 của Sở Y tế tỉnh Kon Tum")
    assert set(re.findall(r"\b20\d\d\b", mid_year.draft)) == {"2027"}


def test_a_mid_term_plan_turns_the_year_end_exemplars_review_into_its_own(drafted):
    result, _ = drafted
    part_v = result.draft[result.draft.index("TỔ CHỨC THỰC HIỆN"):result.draft.index("Trên đây")]
    assert result.citations and all("tong ket" in fold(c.title) for c in result.citations)  # year-end exemplars
    assert "tong ket" not in fold(part_v)  # their review is this one's: a sơ kết, or left out


def test_a_draft_survives_an_llm_endpoint_that_does_not_answer(seed_index):
    from assistant.models.generators import get_generator

    settings = seed_index.settings.model_copy(update={"llm": "openai", "llm_base_url": "http://127.0.0.1:9/v1",
                                                      "llm_timeout": 2.0})
    down = get_generator(settings)
    # No venue: the rules leave a field for the LLM to read, and the LLM does not answer.
    result = Drafter(seed_index, lambda: down).draft(INSTRUCTION.replace(" tại Hội trường Sở Y tế", ""))
    assert "TỔ CHỨC THỰC HIỆN" in result.draft and "Phòng Kế hoạch - Tài chính" in result.draft
    assert result.mode == "extractive"
    assert any(w.startswith("LLM không đọc được yêu cầu") for w in result.warnings)
    assert any(w.startswith("LLM không viết được nhiệm vụ") for w in result.warnings)


def test_the_word_file_lays_out_the_computed_tables(seed_index):
    """A budget table and an indicator table asked alone: the Word file holds them as tables, the total row and
    the amount in words after the budget, the assessment column beside the plan and the result."""
    drafter = Drafter(seed_index)
    result, document = drafter.build("Lập bảng dự trù kinh phí Hội nghị tổng kết năm 2026 của Sở Y tế tỉnh Hà Tĩnh: "
                                     "ăn trưa 120 người x 1 ngày x 200.000 đồng; tài liệu 150 bộ x 40.000 đồng; "
                                     "thuê hội trường 1 ngày 8.000.000 đồng.")
    assert (result.doc_type, result.scope) == ("conference_plan", "table")
    word = WordDocument(io.BytesIO(to_docx(document)))
    budget = word.tables[0]
    assert [c.text for c in budget.rows[0].cells][-1] == "Thành tiền (đồng)"
    assert [r.cells[-1].text for r in budget.rows[1:]] == ["24.000.000", "6.000.000", "8.000.000", "38.000.000"]
    assert budget.rows[-1].cells[1].text == "Tổng cộng" and any(r.bold for r in budget.rows[-1].cells[1].paragraphs[0].runs)
    assert "Bằng chữ: Ba mươi tám triệu đồng." in [p.text for p in word.paragraphs]
    result, document = drafter.build("Bảng kết quả thực hiện chỉ tiêu y tế năm 2026 của Sở Y tế tỉnh Hà Tĩnh: tỷ lệ tiêm "
                                     "chủng đầy đủ: %, kế hoạch 95, thực hiện 96,1; số bác sĩ/10.000 dân: bác sĩ, kế "
                                     "hoạch 12, thực hiện 11,4.")
    assert (result.doc_type, result.scope) == ("report", "table")
    indicators = WordDocument(io.BytesIO(to_docx(document))).tables[0]
    assert [c.text for c in indicators.rows[0].cells] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện",
                                                          "Đánh giá"]
    assert [r.cells[-1].text for r in indicators.rows[1:]] == ["Đạt", "Không đạt"]
