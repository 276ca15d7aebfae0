"""English drafting requests reach a Vietnamese draft: the English left once the glossary has read the request is
said word by word, compounds head first, and the Vietnamese around it is left alone."""

from __future__ import annotations

import re

from assistant.config import Settings
from assistant.draft.drafter import Drafter
from assistant.draft.skeletons import skeletons
from assistant.draft.understanding import understand
from assistant.vietnamese.english_words import vietnamese_words
from assistant.vietnamese.language import WORD, is_code, is_syllable
from assistant.vietnamese.restorer import get_restorer

from test_draft_types import _Index

SETTINGS = Settings(llm="extractive")
RESTORER = get_restorer(SETTINGS.restorer_params)
SKELETONS = skeletons(SETTINGS.prompts_dir)


def _english_left(text: str) -> list[str]:
    """The drafter's own test for English left in a draft."""
    return [w for w in WORD.findall(text) if w.isalpha() and len(w) > 2 and not is_code(w) and not is_syllable(w)]


def test_english_words_are_said_in_vietnamese_and_a_weekday_as_the_house_style_writes_it():
    said = vietnamese_words("Trung tâm Kiểm soát bệnh tật: report cases to the Department every Friday.")
    assert not _english_left(said), said
    assert said.startswith("Trung tâm Kiểm soát bệnh tật: báo cáo") and "thứ Sáu" in said


def test_a_compound_is_said_head_first_after_the_verb_that_opens_its_clause():
    said = vietnamese_words("Keep measles records on the provincial surveillance database, compile figures")
    assert not _english_left(said), said
    assert said.startswith("Giữ ") and "tổng hợp số liệu" in said  # the verbs stay in front
    assert said.index("cơ sở dữ liệu") < said.index("giám sát")  # the database, then what it holds


def test_vietnamese_words_spelled_like_english_ones_are_left_alone():
    for vietnamese in ("In tài liệu và gửi báo cáo do Sở Y tế chủ trì.", "Tỷ lệ % so với kế hoạch",
                       "can thiệp sớm tại Long Xuyên, An Giang", "Hội trường A, quý I, vitamin A", "a) Nội dung tập huấn"):
        assert vietnamese_words(vietnamese) == vietnamese


def test_addresses_codes_and_figures_are_kept_as_typed():
    said = vietnamese_words("Send it by email to phongnvd.syt@gialai.gov.vn under No. 1450/SYT-NVD, children under 5")
    assert "phongnvd.syt@gialai.gov.vn" in said and "1450/SYT-NVD" in said and "No. 1450" in said
    assert "dưới 5" in said


def test_a_year_and_a_province_are_said_the_vietnamese_way():
    said = vietnamese_words("Each hospital sends its plan for 2027 in Quảng Trị province")
    assert "năm 2027" in said and "tỉnh Quảng Trị" in said and not _english_left(said)


def test_a_unit_named_in_english_and_glossed_by_its_code_is_that_unit():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Write only part V of our KH on the 2027 school health programme, Tay Ninh DOH. Assignments:\n"
        "- Health Services Dept (NVY): direct all public hospitals to examine pupils by 30/11/2027\n"
        "- Department Inspectorate: check the school canteens")
    assert "**1. Phòng Nghiệp vụ Y**" in draft.draft and "**2. Thanh tra Sở**" in draft.draft
    assert "Health Services" not in draft.draft and "Inspectorate" not in draft.draft


def test_an_english_request_leaves_no_note_on_the_drafting_in_the_draft():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Write only part V of the KH on dengue control in 2027 for the Ca Mau DOH. Don't redo the other parts.\n"
        "- CDC: spray chemicals in every outbreak area")
    assert "redo" not in draft.draft.lower() and "Trung tâm Kiểm soát bệnh tật" in draft.draft


def test_english_scope_words_asked_in_any_sentence_are_read():
    for instruction, scope in [
        ("Lam Dong DoH – nursing conference 2027. Could you do the budget annex table for the KH? 1. venue hire: "
         "1 day x 8,000,000", "table"),
        ("We're sending a CV to the Department of Finance for the 2027 campaign. Only need the estimate table to "
         "attach: 1. transport 10 trips x 600,000", "table"),
        ("GM to the regional health centres for the TB review meeting. I only need the paragraph on what each unit "
         "has to prepare: a short report", "section")]:
        assert understand(instruction, RESTORER, SKELETONS).scope == scope, instruction


def test_a_notice_typed_tb_ket_luan_and_a_signer_named_phan_are_read_as_such():
    request = understand("Please write the whole TB kết luận from Tay Ninh DoH, signed by the Chief of Office Phan Thi "
                         "Ngoc Anh by order of the Director. On 13/10/2027 the Director chaired a meeting on dengue.",
                         RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("notice_of_conclusions", "whole")


def test_an_english_draft_keeps_no_english_in_its_lines():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Write only part V (Tổ chức thực hiện) of our KH implementing the 2027 digital transformation programme, "
        "An Giang DOH. Assignments:\n- DOH Office: compile reports and send them to the Provincial People's Committee "
        "every quarter\n- CDC: keep vaccination data up to date on the national immunisation information system")
    body = re.sub(r"\*\*[^*]+\*\*", "", draft.draft)
    assert len(_english_left(body)) <= 1, _english_left(body)


def test_a_table_typed_with_bars_gives_each_row_its_unit_and_figures_the_vietnamese_way():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Indicator table only, for the KH on school health in Son La 2027-2028. Columns: indicator | unit | "
        "2027 target | 2028 target.\n- pupils examined: % | 85.5 | 90\n- schools with clean water: % | 70 | 75\n"
        "- myopia among pupils, per 1,000 pupils | 42 | 40")
    assert "| Chỉ tiêu năm 2027 | Chỉ tiêu năm 2028 |" in draft.draft
    assert "| % | 85,5 | 90 |" in draft.draft and "| % | 70 | 75 |" in draft.draft and "| 42 | 40 |" in draft.draft


def test_an_agenda_typed_with_minute_marks_is_timed_from_its_start():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "For the GM to the infection control workshop (Phu Tho DoH), I just need the agenda table. Start 08:00:\n"
        "- check-in 15'\n- opening by the Director 10'\n- infection control in wards, presented by NVY 45'\n- closing 10'")
    for slot in ("08h00 - 08h15", "08h15 - 08h25", "08h25 - 09h10", "09h10 - 09h20"):
        assert slot in draft.draft
    assert "Bắt đầu" not in draft.draft and "Start" not in draft.draft


def test_a_verb_keeps_its_place_before_what_it_acts_on_and_its_particle_is_said_with_it():
    said = vietnamese_words("- every public hospital runs EMR by 31/12/2027")
    assert said.index("vận hành") < said.index("bệnh án điện tử") and "trước ngày 31/12/2027" in said
    said = vietnamese_words("set up rapid response teams, roll out cashless payment")
    assert said.startswith(("Thiết lập ", "Thành lập ")) and " lên " not in said and "triển khai thanh toán" in said


def test_an_english_name_glossed_in_vietnamese_is_written_as_the_user_glossed_it():
    request = understand("Draft an official letter from the Hai Phong Department of Health to the Hai Phong City Social "
                         "Insurance (Bảo hiểm xã hội thành phố Hải Phòng) requesting settlement of the 2025 costs. "
                         "Signed by Deputy Director Bùi Văn Khánh (KT. GIÁM ĐỐC).", RESTORER, SKELETONS)
    assert "Bảo hiểm xã hội thành phố Hải Phòng" in request.text
    assert request.addressees == ["Bảo hiểm xã hội thành phố Hải Phòng"]  # not the English words turned around
    assert "Bùi Văn Khánh" in request.text  # a name glossed by a title keeps the name


def test_a_whole_letter_says_what_it_asks_beside_its_contact_and_a_division_typed_with_a_dash_is_that_division():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Draft an official letter from the Hai Phong Department of Health to the Hai Phong City Social Insurance "
        "(Bảo hiểm xã hội thành phố Hải Phòng) requesting settlement of the 2025 costs exceeding the estimate at 5 "
        "public hospitals, and proposing a coordination meeting before 15/3/2026. Contact person: Ms. Đỗ Thị Hồng "
        "Nhung, Planning–Finance Division.").draft
    assert "15/3/2026" in draft  # what the letter asks, though the request gives a contact too
    assert "Phòng Kế hoạch - Tài chính" in draft


def test_words_of_the_field_the_first_word_list_lacked_are_said_in_vietnamese():
    from assistant.vietnamese.english_words import vietnamese_words
    assert vietnamese_words("Kiểm tra stockpile và shortfall") == "Kiểm tra dự trữ và thiếu hụt"


def test_a_decimal_point_before_a_comma_is_a_decimal_comma():
    from assistant.draft.prepare import prepared

    text = prepared("Part I of the BC on hospital quality in Dong Nai: average score 3.62, up from 3.48 in 2026.", RESTORER)
    assert "3,62" in text and "3,48" in text and "3.62" not in text
