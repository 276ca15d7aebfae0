"""How staff say they want less than a whole document (draft/scope.py), and tables dictated as columns and rows
(draft/listed_table.py)."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.draft.clauses import clauses
from assistant.draft.listed_table import listed_table
from assistant.draft.request import PIECE_READ
from assistant.draft.scope_model import asks_for_a_piece, scope_model
from assistant.draft.skeletons import skeletons
from assistant.draft.understanding import understand
from assistant.vietnamese.folding import fold
from assistant.vietnamese.restorer import get_restorer

SETTINGS = Settings(llm="extractive")
RESTORER = get_restorer(SETTINGS.restorer_params)
SKELETONS = skeletons(SETTINGS.prompts_dir)


@pytest.mark.parametrize("instruction, doc_type, scope", [
    # The piece named first, asked for after it in its sentence.
    ("Kế hoạch phòng, chống sốt rét năm 2027 của Sở Y tế Gia Lai: phần kinh phí viết giúp em với, nguồn ngân sách tỉnh "
     "2,4 tỷ đồng.", "implementation_plan", "part"),
    ("Báo cáo công tác dược 9 tháng năm 2026 của Sở Y tế Bình Định, phần kết quả xong rồi. Cái đoạn nói về kiến nghị "
     "(đề xuất với Bộ Y tế) thì bạn soạn giúp: bổ sung thuốc hiếm, hướng dẫn đấu thầu.", "report", "part"),
    ("Trong BC y tế dự phòng năm 2026 của Sở Y tế Hà Nam, đề mục \"2. Công tác tiêm chủng\" viết giúp mình, "
     "tỷ lệ tiêm đủ 97,1%.", "report", "section"),
    # What is left to write after the rest is done.
    ("KH truyen thong phong chong HIV/AIDS nam 2027 cua So Y te Ha Nam minh soan xong roi, con thieu phan to chuc "
     "thuc hien: CDC chu tri, cac TTYT phoi hop.", "implementation_plan", "part"),
    ("Our dengue plan for Binh Phuoc 2027 is written; still missing the funding part: provincial budget 1.2 billion VND.",
     "implementation_plan", "part"),
    ("Kế hoạch hội nghị sơ kết 6 tháng đầu năm 2027 của Sở Y tế Hà Nam, mấy phần đầu mình viết xong rồi, còn lại phần "
     "Thời gian, địa điểm: 8h00 ngày 10/7/2027 tại hội trường Sở.", "conference_plan", "part"),
    # A table counted as a thing ("cái bảng"), asked for after an annex was mentioned.
    ("TB ket luan cua Giam doc So Y te Ha Nam ve cong tac phong chong dich ngay 10/4/2027, co phu luc phan cong. "
     "Cot: STT, nhiem vu, don vi chu tri, thoi han. Dong 1: giam sat o dich - CDC chu tri, 20/4/2027. Dong 2: bao cao "
     "tuan - cac TTYT chu tri, 25/4/2027. chi lam cai bang thoi", "notice_of_conclusions", "table"),
])
def test_a_piece_asked_for_in_the_ways_staff_say_it(instruction, doc_type, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == (doc_type, scope)


def test_a_piece_said_done_before_another_is_asked_for_is_not_the_scope():
    request = understand("Kế hoạch tập huấn năm 2027 của Sở Y tế Gia Lai: phần I xong rồi, viết giúp phần II nội dung "
                         "tập huấn.", RESTORER, SKELETONS)
    assert (request.scope, request.scope_part) == ("part", "ii")


def test_a_whole_plan_listing_its_parts_stays_whole():
    request = understand("Soạn Kế hoạch phòng, chống sốt rét năm 2027 của Sở Y tế Gia Lai gồm các phần: mục đích, yêu "
                         "cầu; nội dung; kinh phí; tổ chức thực hiện. Giám đốc Trần Văn Bình ký.", RESTORER, SKELETONS)
    assert request.scope == "whole"


def test_reporting_rules_in_a_letter_do_not_make_it_a_report():
    request = understand("Bạn viết giúp khoản 2 về chế độ báo cáo trong CV của Sở Y tế Hà Nam hướng dẫn tiêm vắc xin "
                         "sởi được không? Các TTYT báo cáo thứ Hai hằng tuần.", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("official_letter", "section")


def test_a_dictated_table_places_each_piece_by_what_it_holds():
    table = listed_table("Kèm giấy mời, bảng các điểm cầu. Cột: STT, điểm cầu, địa chỉ, cán bộ phụ trách, điện thoại. "
                         "Dòng: điểm cầu Sở Y tế (số 5 Trần Phú, phường Hải Châu) – chị Lê Thị Hoa 0905 123 456; "
                         "TTYT khu vực Hòa Vang – anh Phan Văn Đức 0935 222 111.",
                         ["STT", "Điểm cầu", "Địa chỉ", "Cán bộ phụ trách", "Điện thoại"])
    assert table == [["STT", "Điểm cầu", "Địa chỉ", "Cán bộ phụ trách", "Điện thoại"],
                     ["1", "Điểm cầu Sở Y tế", "Số 5 Trần Phú, phường Hải Châu", "Lê Thị Hoa", "0905 123 456"],
                     ["2", "TTYT khu vực Hòa Vang", "", "Phan Văn Đức", "0935 222 111"]]


def test_a_dictated_table_with_numbered_rows_takes_lead_partner_and_deadline():
    table = listed_table("Cột: STT, nhiệm vụ, chủ trì, phối hợp, thời hạn. Dòng 1: rà soát danh mục thuốc - Sở Y tế "
                         "chủ trì, BHXH tỉnh phối hợp, 31/3/2027. Dòng 2: mua sắm bổ sung - Sở Tài chính chủ trì, "
                         "Sở Y tế phối hợp, 15/4/2027.", ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"])
    assert table[1:] == [["1", "Rà soát danh mục thuốc", "Sở Y tế", "BHXH tỉnh", "31/3/2027"],
                         ["2", "Mua sắm bổ sung", "Sở Tài chính", "Sở Y tế", "15/4/2027"]]


def test_rows_with_more_pieces_than_columns_are_left_to_the_other_tables():
    assert listed_table("Cột: STT, đơn vị, ghi chú. Dòng: Hòa Vang, 12 ca, tăng, cần hỗ trợ; Liên Chiểu, 9 ca, giảm, "
                        "ổn định.", ["STT", "Đơn vị", "Ghi chú"]) is None
    assert listed_table("Soạn giấy mời họp giao ban.", ["STT", "Đơn vị", "Ghi chú"]) is None
    # Targets and results are an indicator table's, read with its figures elsewhere.
    assert listed_table("Cột: STT, chỉ tiêu, thực hiện 2025, mục tiêu 2030. Dòng: tỷ lệ có thẻ BHYT - 97% - 100%; "
                        "số câu lạc bộ - 210 - 320.", ["STT", "Chỉ tiêu", "Thực hiện 2025", "Mục tiêu 2030"]) is None


def test_a_section_asked_for_in_a_question_takes_its_title_from_what_it_is_said_to_be_about():
    request = understand("Bạn soạn giúp điểm 2 trong TB kết luận của Giám đốc Sở Y tế Hà Nam tại buổi giao ban tháng "
                         "3/2027 được không? Điểm này nói về công tác tiêm chủng: giao CDC chủ trì, báo cáo trước "
                         "30/4/2027.", RESTORER, SKELETONS)
    assert (request.scope, request.scope_section, request.scope_title) == ("section", "2", "Công tác tiêm chủng")
    assert "được không" not in (request.frame_content or "") + (request.subject or "")


MODEL = scope_model(SETTINGS.draft_scope_examples, SETTINGS.draft_scope_requests, SETTINGS.draft_scope_strength)


def _with_model(instruction: str):
    return understand(instruction, RESTORER, SKELETONS,
                      lambda text: asks_for_a_piece(MODEL, text, SETTINGS.draft_scope_threshold))


def test_a_piece_named_where_the_rules_do_not_look_is_read_by_the_scope_model_and_the_draft_says_so():
    instruction = ("Ke hoach tap huan phong chong lao nam 2027 cua So Y te Ha Nam, phan kinh phi: ngan sach tinh 300 "
                   "trieu dong, lop 2 ngay.")
    assert understand(instruction, RESTORER, SKELETONS).scope == "whole"  # the rules alone
    request = _with_model(instruction)
    assert (request.scope, request.scope_part) == ("part", "kinh phi")
    assert PIECE_READ in request.assumed


def test_a_whole_document_stays_whole_with_the_scope_model():
    request = _with_model("Soạn Kế hoạch tổ chức Hội nghị tổng kết công tác y tế năm 2026 của Sở Y tế Hà Nam, 8h00 ngày "
                          "20/12/2026 tại hội trường Sở; kinh phí từ nguồn sự nghiệp; Giám đốc Trần Văn Bình ký.")
    assert request.scope == "whole" and PIECE_READ not in request.assumed


def test_without_labelled_requests_the_rules_read_alone(tmp_path):
    assert scope_model(tmp_path / "none.jsonl", tmp_path / "none.jsonl", SETTINGS.draft_scope_strength) is None
    assert not asks_for_a_piece(None, "phan kinh phi: ngan sach tinh 300 trieu dong", SETTINGS.draft_scope_threshold)


def test_what_is_said_done_is_no_part_of_the_documents_subject():
    request = understand("GM dự Lễ ra quân tiêm chủng năm 2027 của Sở Y tế Hà Nam đã có khung, nhờ viết lại đoạn thành "
                         "phần được mời: lãnh đạo UBND tỉnh; các TTYT khu vực.", RESTORER, SKELETONS)
    assert "khung" not in (request.subject or "") and "Lễ ra quân tiêm chủng năm 2027" in (request.subject or "")


def test_a_part_pointed_back_to_is_the_part_named_before_and_the_aside_is_no_content():
    request = understand("Báo cáo sơ kết 6 tháng đầu năm 2026 của Sở Y tế Tuyên Quang, mình cần bạn viết phần khó khăn, "
                         "hạn chế và nguyên nhân, dựa trên các ý: thiếu 142 bác sĩ; 18 trạm y tế xuống cấp — chỉ phần "
                         "này thôi nhé.", RESTORER, SKELETONS)
    assert request.scope == "part" and request.scope_part.startswith("kho khan")
    assert not any("thôi" in clause.text for clause in clauses(request.text) if not clause.meta)


def test_an_english_i_is_no_part_and_a_part_asked_by_its_heading_is_that_part():
    instruction = ("I'm drafting the plan for the Hà Nam Department of Health conference reviewing pharmaceutical work "
                   "in 2026, and the only part I still need is III. Content — list the reports to be presented.")
    assert understand(instruction, RESTORER, SKELETONS).scope_part != "i"
    request = _with_model(instruction)
    assert (request.scope, request.scope_part) == ("part", "iii")


def test_a_section_titled_with_the_word_muc_tieu_is_that_section():
    request = understand("trong ke hoach cua So Y te Lao Cai thuc hien Chi thi so 25-CT/TW, minh can rieng muc 1.2 Muc tieu "
                         "cu the, den het nam 2027: 100% tram y te xa co bac si lam viec", RESTORER, SKELETONS)
    assert (request.scope, request.scope_section) == ("section", "1.2")
    assert request.scope_title.startswith("Mục tiêu cụ thể")


def test_a_table_for_work_that_names_no_document_nor_event_is_a_plan_for_that_work():
    request = understand("lap bang du tru kinh phi hoat dong truyen thong Tuan le quoc gia khong thuoc la nam 2027 cua So "
                         "Y te Hung Yen: in poster 600 to x 15.000d", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("implementation_plan", "table")
    assert understand("bảng chương trình hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế Hà Nam", RESTORER,
                      SKELETONS).name == "conference_plan"  # an event named makes its plan


def test_the_requests_written_to_teach_the_model_keep_a_whole_plan_that_lists_its_parts_whole(tmp_path):
    whole = fold("Soạn đầy đủ kế hoạch kiểm tra an toàn thực phẩm Tết 2027 của Sở Y tế Nghệ An, có đủ các phần mục đích "
                 "yêu cầu, nội dung, kinh phí (ngân sách tỉnh 200 triệu) và tổ chức thực hiện giao Chi cục ATVSTP chủ trì.")
    piece = fold("ke hoach giam sat dich soi 2027 cua so y te gia lai, phan kinh phi thoi: ngan sach tinh 150 trieu.")
    tuning_only = scope_model(SETTINGS.draft_scope_examples, tmp_path / "none.jsonl", SETTINGS.draft_scope_strength)
    assert tuning_only.predict_proba([whole])[0, 1] > MODEL.predict_proba([whole])[0, 1] + 0.3
    assert not asks_for_a_piece(MODEL, whole, SETTINGS.draft_scope_threshold)
    assert asks_for_a_piece(MODEL, piece, SETTINGS.draft_scope_threshold)


@pytest.mark.parametrize("instruction, scope", [
    ("đoạn giao Trung tâm Y tế khu vực Ba Vì triển khai tiêm vét trong KH tiêm chủng 2027 Hà Nội, chỉ đoạn đó thôi", "section"),
    ("nhiem vu cua UBND cac xa trong KH phong chong dich soi Gia Lai nam 2027 - rieng muc do", "section"),
    ("Results and shortcomings section of the Bac Ninh dengue report for 2026, just that block please.", "part"),
])
def test_a_piece_described_and_asked_for_alone_is_that_piece(instruction, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert request.scope == scope and PIECE_READ in request.assumed


def test_a_whole_document_asked_by_name_stays_whole_and_a_surname_is_no_part():
    request = understand("Chị ơi viết giúp em nguyên KH hội nghị sơ kết năm 2026 của Sở Y tế Phú Thọ nhé; mục I viết ngắn "
                         "thôi, mục II ghi thành phần gồm lãnh đạo các đơn vị.", RESTORER, SKELETONS)
    assert request.scope == "whole"
    request = understand("Làm giấy mời dự hội nghị triển khai bệnh án điện tử năm 2026 tại Hội trường Sở Y tế Tây Ninh. "
                         "Liên hệ: đồng chí Phan Thị Ngọc Trâm, Phòng Nghiệp vụ Y.", RESTORER, SKELETONS)
    assert request.scope == "whole"


def test_a_plan_for_a_review_names_a_conference_plan_even_without_the_word_conference():
    for instruction in ("KH tổng kết công tác y tế năm 2026 của Sở Y tế Hà Tĩnh, viết đầy đủ giúp em",
                        "KH hội ngị sơ kết 6 tháng đầu năm 2026 tỉnh Hà Tĩnh"):
        assert understand(instruction, RESTORER, SKELETONS).name == "conference_plan"


def test_a_section_asked_within_a_part_named_first_is_that_section():
    request = understand("Trong phần I kết quả của BC tổng kết năm 2026 Sở Y tế Hà Nam, viết riêng mục 2. Công tác khám "
                         "bệnh, chữa bệnh giúp mình.", RESTORER, SKELETONS)
    assert (request.scope, request.scope_section) == ("section", "2")
