"""The drafter's new rules without a model: which document and how much of it a request asks for, the tables
computed from it (arithmetic and amounts in words), the clean-language filter on borrowed lines, and period
wording. The instructions here are written for the tests from the house style, not taken from an eval set."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.config import Settings
from assistant.draft.changes import new_values
from assistant.draft.clauses import assignment, clauses
from assistant.draft.prepare import chat_written_out, prepared, written_out
from assistant.draft.clean import line_fault, period_worded
from assistant.draft.pasted import pasted_table
from assistant.draft.periods import periods
from assistant.draft.drafter import Drafter
from assistant.draft.reading import listed_parts
from assistant.draft.signature import signature
from assistant.draft.skeletons import skeletons
from assistant.draft.table_blocks import scope_table
from assistant.draft.indicator_names import house_name
from assistant.draft.indicators import assessed, indicator_row
from assistant.draft.agenda import agenda_times
from assistant.draft.funding import funding_sources
from assistant.draft.number_words import in_words
from assistant.draft.tables import budget_rows, cost_lines
from assistant.draft.understanding import relative_years, understand
from assistant.index.records import Task
from assistant.vietnamese.folding import fold
from assistant.vietnamese.restorer import get_restorer

SETTINGS = Settings(llm="extractive")
RESTORER = get_restorer(SETTINGS.restorer_params)
SKELETONS = skeletons(SETTINGS.prompts_dir)


@pytest.mark.parametrize("instruction, doc_type, scope", [
    ("Soạn Kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2027 của Sở Y tế tỉnh Kon Tum, họp ngày 12/7/2027.",
     "conference_plan", "whole"),
    ("Căn cứ Kế hoạch số 12/KH-UBND ngày 03/01/2027, soạn kế hoạch của Sở Y tế Bình Định triển khai chương trình "
     "tiêm chủng mở rộng năm 2027.", "implementation_plan", "whole"),
    ("Soạn Thông báo kết luận của Giám đốc Sở Y tế tại cuộc họp giao ban tháng 3/2027.", "notice_of_conclusions", "whole"),
    ("lam bao cao ket qua cong tac y te quy I nam 2027 cua So Y te Kon Tum gui UBND tinh", "report", "whole"),
    ("Draft an invitation from the Kon Tum Department of Health to the year-end review conference on 20/12/2027.",
     "invitation", "whole"),
    ("Soạn công văn của Sở Y tế gửi các bệnh viện V/v tăng cường phòng, chống dịch cúm.", "official_letter", "whole"),
    # "riêng phần …" asks for that part alone; "sửa lại mục 2" writes that section again.
    ("Mình làm KH triển khai tiêm chủng năm 2027 của Sở Y tế Kon Tum, viết giúp riêng phần TỔ CHỨC THỰC HIỆN: CDC "
     "phân bổ vắc xin.", "implementation_plan", "part"),
    ("Trong dự thảo Thông báo kết luận giao ban tháng 3/2027 của Sở Y tế Kon Tum, sửa lại giúp mục 2 \"Công tác dược\": "
     "giữ nội dung, đổi hạn thành 30/6/2027.", "notice_of_conclusions", "section"),
    ("Viết phần III. Nội dung của Kế hoạch tổ chức Hội nghị tổng kết năm 2027: báo cáo tổng kết; tham luận.",
     "conference_plan", "part"),
    ("Write section 2 of the report on the first quarter of 2027: outpatient visits rose to 120.000.", "report",
     "section"),
    ("Lập bảng dự trù kinh phí Hội nghị tổng kết năm 2027: nước uống 100 người x 1 ngày x 20.000 đồng.",
     "conference_plan", "table"),
    ("Budget table for our letter to the Department of Finance: training 30 people × 2 days × 100,000 VND.",
     "official_letter", "table"),
    # A table asked right after the colon closing the document's name; a unit's "lập bảng" is its task.
    ("KH truyền thông phòng, chống dịch sốt xuất huyết năm 2027 của Sở Y tế Kon Tum: làm giúp bảng dự toán. In tờ rơi "
     "1.000 tờ x 2.000đ.", "implementation_plan", "table"),
    ("Soạn Kế hoạch tổ chức Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum, họp ngày 15/01/2028. Phân công: Phòng Kế "
     "hoạch - Tài chính: lập bảng dự toán kinh phí; Văn phòng Sở: chuẩn bị hội trường.", "conference_plan", "whole"),
    ("Kon Tum Department of Health review conference plan for 2027: the plan is drafted except Part IV, Funding; please "
     "write that part. Lunch VND 150,000 per person, 80 people.", "conference_plan", "part"),
])
def test_each_type_and_scope_is_read(instruction, doc_type, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == (doc_type, scope)


@pytest.mark.parametrize("instruction, doc_type, scope", [
    # A plan the conference launches is its subject ("triển khai kế hoạch năm 2028"), not the document asked for.
    ("chuong trinh hoi nghi trien khai ke hoach nam 2028 nganh y te Kon Tum, bat dau 8h00: khai mac 10p; bao cao 30p",
     "conference_plan", "table"),
    # "văn bản triển khai Nghị quyết …" is a plan implementing it, whatever it says of reports further on.
    ("Cần văn bản triển khai Nghị quyết của HĐND tỉnh về phát triển y tế cơ sở giai đoạn 2027-2030; các đơn vị báo "
     "cáo Sở trước 15/11 hằng năm.", "implementation_plan", "whole"),
    # A part named in quotes, in English or Vietnamese.
    ("Only the 'Tổ chức thực hiện' part of the plan for the Kon Tum DOH year-end review conference: the CDC reports.",
     "conference_plan", "part"),
    ("Viết giúp phần “Nội dung” của Kế hoạch tổ chức Hội nghị sơ kết năm 2028.", "conference_plan", "part"),
    # An item named by what it is about, which no part of the type is called, is a section within a part.
    ("Cho mình đoạn về công tác dược trong báo cáo 6 tháng đầu năm 2028 của Sở Y tế Kon Tum: đấu thầu xong.", "report",
     "section"),
    ("Viết lại mục 'Công tác phòng, chống dịch' của Báo cáo quý I/2028 của Sở Y tế Kon Tum: không có dịch lớn.",
     "report", "section"),
    ("Write the section on pharmacy of the Q2 2028 report of the Kon Tum DOH: tendering completed.", "report", "section"),
    ("Soạn nội dung 2.2 Thời gian trong công văn hướng dẫn tiêm vắc xin cúm năm 2028 của Sở Y tế Kon Tum.",
     "official_letter", "section"),
    # Tables by other names: a detailed estimate, a table ruled ("kẻ bảng"), costs to add up, a breakdown, a timetable.
    ("Lập dự toán chi tiết hội nghị tổng kết năm 2028 của Sở Y tế Kon Tum: ăn trưa 100 người x 150.000 đồng.",
     "conference_plan", "table"),
    ("Kẻ bảng phân công nhiệm vụ các phòng cho hội nghị tổng kết năm 2028: VP Sở lo hậu cần.", "conference_plan", "table"),
    ("Tính giúp tổng kinh phí hội nghị sơ kết: hội trường 2.000.000 đồng; nước 80 người x 20.000 đồng.",
     "conference_plan", "table"),
    ("I need the cost breakdown for the 2028 review conference: 120 delegates, lunch 150,000 VND each.",
     "conference_plan", "table"),
    ("Lịch trình hội nghị tổng kết năm 2028 bắt đầu 7h30: đón tiếp 30 phút; khai mạc 10 phút.", "conference_plan", "table"),
    # One unit's tasks asked without a part word, or within the part named just before.
    ("Nhiệm vụ của phòng KHTC trong kế hoạch hội nghị sơ kết 6 tháng 2028: dự trù kinh phí.", "conference_plan",
     "section"),
    ("Phần việc giao cho Bệnh viện Đa khoa tỉnh trong TB kết luận giao ban tháng 5/2028: bệnh án điện tử.",
     "notice_of_conclusions", "section"),
    ("Draft the paragraph assigning the Finance Department in our 2028 immunisation plan: allocate funds.",
     "implementation_plan", "section"),
    ("Trong KH tổ chức hội nghị tổng kết năm 2028 của Sở Y tế Kon Tum, phần V, nhiệm vụ của Văn phòng Sở: gửi giấy "
     "mời trước 10/12.", "conference_plan", "section"),
    # A request opening on the document that holds what it asks, with no verb of writing.
    ("Trong báo cáo quý I/2028, mục 1.3 Công tác dược: đấu thầu xong.", "report", "section"),
    # A course organised is an event: its estimate goes with the plan that organises it.
    ("bang du tru kinh phi lop tap huan phong chong dich cho can bo tram y te, 2 ngay: an trua 60 nguoi x 2 ngay x 150k",
     "conference_plan", "table"),
    ("Budget table only for a 3-day training course on vaccine safety for 50 nurses: meals 150,000 VND a day each.",
     "conference_plan", "table"),
    # "dự trù KP" is an estimate of funds (kinh phí).
    ("Dự trù KP hội nghị tổng kết năm 2028: nước uống 50 người x 1 ngày x 20.000 đồng.", "conference_plan", "table"),
    # A table named first, with no verb of writing before it.
    ("Dự trù kinh phí Hội nghị tổng kết năm 2027: ăn trưa 90 người x 1 ngày x 150.000 đồng.", "conference_plan", "table"),
    ("Agenda for the mid-year review conference on 9/7/2027 starting at 2 p.m.: opening 10 minutes; report 30 "
     "minutes.", "conference_plan", "table"),
    ("Please prepare the budget for the year-end review conference: lunch for 80 delegates for 1 day at 150,000 VND.",
     "conference_plan", "table"),
    ("Xây dựng chương trình Hội nghị sơ kết 6 tháng đầu năm 2027: khai mạc 10 phút; báo cáo 30 phút.",
     "conference_plan", "table"),
    # "Phòng Kế hoạch" is a unit, not the document word; "kèm theo công văn" is the document asked for.
    ("Viết mục 2. Phòng Kế hoạch - Tài chính (thuộc phần V) của Kế hoạch Hội nghị tổng kết năm 2027: lập dự trù.",
     "conference_plan", "section"),
    ("Lập bảng dự toán kèm theo công văn của Sở Y tế đề nghị Sở Tài chính bổ sung kinh phí: xăng xe 2 xe × 5 ngày × "
     "400.000 đồng.", "official_letter", "table"),
    ("Write item 3 of part V (Implementation) of the Kon Tum DOH year-end conference plan: the Medical Affairs "
     "Division prepares the report.", "conference_plan", "section"),
    ("Viết mục II.2. Chỉ tiêu cụ thể của Kế hoạch phòng, chống lao năm 2027 của Sở Y tế Kon Tum: phát hiện 1.000 ca.",
     "implementation_plan", "section"),
    # A part named as what is written, in English or before the document word.
    ("Write the budget section of the Kon Tum DOH year-end conference plan: funds from the provincial budget.",
     "conference_plan", "part"),
    ("Draft the Implementation part of the Kon Tum DOH plan on dengue control in 2027: the CDC leads.",
     "implementation_plan", "part"),
    ("Write the directives of the notice of conclusions of the Kon Tum DOH meeting on 5/11/2027: 1. The CDC reports.",
     "notice_of_conclusions", "part"),
    ("Soạn nội dung kết luận cho Thông báo kết luận cuộc họp ngày 5/11/2027 của Sở Y tế Kon Tum: 1. CDC báo cáo.",
     "notice_of_conclusions", "part"),
    # No document word at all: what the table is about names it, and the draft says it assumed so.
    ("Biểu tổng hợp kết quả thực hiện chỉ tiêu năm 2027: tỷ lệ tiêm chủng: %, kế hoạch 95, thực hiện 93.", "report",
     "table"),
    ("Bang ket qua thuc hien chi tieu y te nam 2027: ty le tiem chung: %, ke hoach 95, thuc hien 93.", "report", "table"),
    # Abbreviated document words; "điểm 2" is a section.
    ("Soạn giúp TB kết luận của Giám đốc Sở Y tế Kon Tum tại cuộc họp giao ban tháng 3/2027.", "notice_of_conclusions",
     "whole"),
    ("BC sơ kết công tác y tế 6 tháng đầu năm 2027 của Sở Y tế Kon Tum gửi UBND tỉnh.", "report", "whole"),
    ("GM hop ve du toan ngan sach nam 2028 cua So Y te Kon Tum luc 14h00 ngay 10/12/2027.", "invitation", "whole"),
    ("CV hướng dẫn các đơn vị xây dựng kế hoạch năm 2028 của Sở Y tế Kon Tum có 3 điểm; soạn giúp điểm 2 'Về thời "
     "hạn': gửi trước ngày 05/01/2028.", "official_letter", "section"),
    # One unit's tasks; a part named by what it is on; "just the …" in a later sentence.
    ("Trong Kế hoạch phòng, chống dịch năm 2027 của Sở Y tế Kon Tum, viết giúp mục nhiệm vụ của VP Sở ở phần Tổ chức "
     "thực hiện: làm đầu mối tổng hợp báo cáo.", "implementation_plan", "section"),
    ("We are writing the notice of conclusions of the Kon Tum DoH meeting on 5/11/2027. Please draft just the "
     "directive addressed to the Provincial CDC: report by 31/12/2027.", "notice_of_conclusions", "section"),
    ("For our report on the Kon Tum DoH grassroots network, draft only the part on difficulties and recommendations: "
     "stations lack 20 doctors.", "report", "part"),
    # Office shorthand: "chỉ làm bảng" typed without marks, "cho mình … thôi", "chỉ soạn phần … thôi".
    ("chi lam bang chuong trinh kem giay moi hoi thao chuyen doi so nganh y te nam 2027 SYT Kon Tum, bat dau 13h30: "
     "don tiep 15p, khai mac 10p, thao luan 40p", "invitation", "table"),
    ("BC sơ kết 6 tháng đầu năm 2027 SYT Kon Tum - cho mình đoạn mục 2 'Công tác khám bệnh, chữa bệnh' thôi: tổng "
     "lượt khám 1.245.300 lượt.", "report", "section"),
    ("GM họp Hội đồng sáng kiến năm 2027 SYT Kon Tum — chỉ soạn phần thành phần thôi. thành phần: Ban Giám đốc Sở.",
     "invitation", "part"),
    # "thời gian" folds like "thôi" but does not end the clause.
    ("Soạn Kế hoạch tổ chức hội nghị tổng kết năm 2027 của SYT Kon Tum gồm mục 1 mục đích yêu cầu, mục 2 thời gian địa "
     "điểm, mục 3 thành phần.", "conference_plan", "whole"),
    # The section done is no title of the one asked for after it.
    ("Đang soạn BC tổng kết công tác y tế năm 2027 của Sở Y tế Kon Tum, phần II có 3 mục. Mục 1 em viết xong, soạn giúp "
     "mục 2 (công tác khám bệnh, chữa bệnh): tổng lượt khám 1.245.300 lượt.", "report", "section"),
    # "KH" inside a cited number and symbol is no document word.
    ("Thực hiện Quyết định số 5/KH-UBND, soạn Giấy mời dự Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum.", "invitation",
     "whole"),
])
def test_scope_named_first_and_type_hinted(instruction, doc_type, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == (doc_type, scope)


def test_a_cited_document_is_neither_the_type_nor_the_meeting_date():
    request = understand("Thực hiện Kế hoạch số 5/KH-UBND ngày 02/01/2027 của UBND tỉnh, soạn Giấy mời dự Hội nghị "
                         "tổng kết lúc 8 giờ 00 ngày hai mươi tháng mười hai năm 2027.", RESTORER, SKELETONS)
    assert request.name == "invitation" and request.date == "20/12/2027" and request.time == "08h00"
    assert request.basis == ["Kế hoạch số 5/KH-UBND ngày 02/01/2027 của UBND tỉnh"]


def test_a_number_given_to_the_document_asked_for_is_its_own_not_a_citation():
    request = understand("Soạn Báo cáo số 41/BC-SYT của Sở Y tế Kon Tum gửi UBND tỉnh về kết quả công tác y tế quý I "
                         "năm 2027.", RESTORER, SKELETONS)
    assert (request.name, request.number, request.basis) == ("report", "41/BC-SYT", [])
    draft = _draft("soan cong van so 207/SYT-NVY cua So Y te Kon Tum gui cac Trung tam Y te khu vuc "
                                    "V/v phong, chong benh soi.")
    assert "Số: 207/SYT-NVY" in draft.draft and "[số]" not in draft.draft.split("V/v")[0]
    cited = understand("Thực hiện Kế hoạch số 5/KH-UBND ngày 02/01/2027, soạn Kế hoạch phòng, chống sốt xuất huyết "
                       "của Sở Y tế Kon Tum.", RESTORER, SKELETONS)
    assert cited.number is None


@pytest.mark.parametrize("instruction, part", [
    ("Viết giúp mục Mục đích, yêu cầu cho Kế hoạch tổ chức Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum: đánh giá "
     "kết quả; tiết kiệm.", "muc dich, yeu cau"),
    ("Soạn phần Phương hướng, nhiệm vụ năm 2028 cho Báo cáo tổng kết công tác y tế năm 2027: tăng số bác sĩ.",
     "phuong huong, nhiem vu nam 2028"),
])
def test_a_part_named_by_muc_or_holding_its_year_is_one_part(instruction, part):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.scope, request.scope_part) == ("part", part)


def test_a_level_is_no_part():
    request = understand("Soạn Kế hoạch của Sở Y tế Kon Tum triển khai mức hỗ trợ cho cộng tác viên dân số năm 2027.",
                         RESTORER, SKELETONS)
    assert request.scope == "whole"


@pytest.mark.parametrize("typed, block", [
    ("Người ký: KT. Giám đốc, Phó Giám đốc Lê Văn An.", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn An"]),
    ("Nguoi ky: TL. Giam doc, Chanh Van phong Tran Thi Ha.", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "", "Tran Thi Ha"]),
    ("Signed on behalf of the Director (KT. GIÁM ĐỐC) by Deputy Director Lê Văn An.",
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn An"]),
    ("Signer: Deputy Director Lê Văn An.", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn An"]),
    ("Signed for the Director by the Chief of Office, Lê Văn An.", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "", "Lê Văn An"]),
    ("signed by Deputy Director Lê Văn An for the Director.", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn An"]),
    ("GD Lê Văn An ký.", ["GIÁM ĐỐC", "", "Lê Văn An"]),
])
def test_who_signs_said_with_a_label_signs_and_is_no_content(typed, block):
    assert signature(typed, [])[0] == block
    request = understand(f"Soạn công văn của Sở Y tế Kon Tum gửi các bệnh viện V/v phòng, chống bệnh sởi. {typed}",
                         RESTORER, SKELETONS)
    assert not [c.text for c in clauses(request.text) if not c.meta and ("Văn An" in c.text or "Thi Ha" in c.text)]


def test_amounts_listed_by_source_get_their_total_in_words():
    draft = _draft(
        "Soạn Báo cáo tổng kết Đề án y tế cơ sở giai đoạn 2021-2025 của Sở Y tế Kon Tum gửi UBND tỉnh. Kết quả: xây "
        "mới 12 trạm y tế. Kinh phí đã thực hiện theo nguồn: ngân sách trung ương 1.200.000.000 đồng; ngân sách tỉnh "
        "350.000.000 đồng; nguồn xã hội hóa 50.000.000 đồng.")
    assert "Tổng cộng: 1.600.000.000 đồng (Bằng chữ: Một tỷ sáu trăm triệu đồng)" in draft.draft
    assert "năm 2021" not in draft.draft  # a period's first year is not the report's


def test_an_agenda_names_its_event_and_time_and_who_carries_out_each_item():
    draft = _draft(
        "Please draft only the agenda table for the Kon Tum Department of Health conference (Hội nghị sơ kết 6 tháng "
        "đầu năm 2027) on 13/07/2027 starting at 8h00: 1. welcoming delegates - 30 minutes; 2. opening speech by the "
        "Director - 10 minutes; 3. report presented by the Planning-Finance Division (Phòng Kế hoạch - Tài chính) - 20 "
        "minutes; 4. tea break - 15 minutes.")
    assert ("Hội nghị sơ kết 6 tháng đầu năm 2027 và triển khai nhiệm vụ 6 tháng cuối năm 2027 (lúc 08h00, ngày "
            "13/07/2027)") in draft.draft
    assert "| 08h30 - 08h40 | Phát biểu khai mạc | Giám đốc |" in draft.draft
    assert "| 08h40 - 09h00 | Báo cáo | Phòng Kế hoạch - Tài chính |" in draft.draft
    assert "| 09h00 - 09h15 | Giải lao |  |" in draft.draft


def test_a_letters_content_part_says_whom_it_asks_under_no_empty_heading():
    draft = _draft(
        "Viết phần nội dung đề nghị của công văn Sở Y tế Kon Tum gửi UBND các xã, phường V/v tổ chức tiêm vắc xin sởi "
        "năm 2027: lập danh sách trẻ cần tiêm; bố trí điểm tiêm tại trạm y tế.")
    assert "Sở Y tế đề nghị UBND các xã, phường thực hiện một số nội dung sau:" in draft.draft
    assert "### I." not in draft.draft and "Lập danh sách trẻ cần tiêm" in draft.draft
    invitation = understand("Soạn Giấy mời dự Hội nghị triển khai công tác phòng, chống sốt xuất huyết năm 2027 của Sở Y "
                            "tế Kon Tum lúc 8h00 ngày 10/3/2027.", RESTORER, SKELETONS)
    assert invitation.event.startswith("Hội nghị triển khai công tác phòng, chống sốt xuất huyết năm 2027")


def test_the_documents_own_symbol_is_found_anywhere_in_the_request():
    report = understand("BC sơ kết 6 tháng đầu năm 2027 của Sở Y tế Kon Tum gửi UBND tỉnh, số 88/BC-SYT. PGD Lê Văn An ký.",
                        RESTORER, SKELETONS)
    assert report.number == "88/BC-SYT" and report.signature[-1] == "Lê Văn An"
    letter = understand("Làm giúp văn bản đề nghị Sở Tài chính bổ sung kinh phí năm 2027, Sở Y tế Kon Tum gửi. Số văn bản "
                        "321/SYT-KHTC.", RESTORER, SKELETONS)
    assert letter.number == "321/SYT-KHTC"
    cited = understand("Thực hiện Kế hoạch số 7/KH-SYT ngày 02/01/2027 của Sở Y tế, soạn Kế hoạch phòng, chống dịch sởi "
                       "năm 2027 của Sở Y tế Kon Tum.", RESTORER, SKELETONS)
    assert cited.number is None


def test_a_funding_part_drafted_alone_lays_out_its_budget_lines():
    draft = _draft(
        "Viết mục Kinh phí cho KH triển khai chiến dịch tiêm vắc xin sởi năm 2027 của Sở Y tế Kon Tum. Dự kiến chi: tập "
        "huấn 40 cán bộ trong 2 ngày, tiền ăn 150.000 đồng/người/ngày; băng rôn 20 cái x 300.000 đồng/cái. Nêu rõ từng "
        "khoản, tổng cộng và số tiền bằng chữ.")
    assert "| 1 | Tập huấn | 40 | 2 | 150.000 | 12.000.000 |" in draft.draft
    assert "Tổng kinh phí: 18.000.000 đồng (Bằng chữ: Mười tám triệu đồng)" in draft.draft
    assert "Phụ lục" not in draft.draft and "Nêu rõ" not in draft.draft


def test_budget_lines_typed_one_a_line_are_the_funding_parts_and_their_figures_as_typed_are_not_repeated():
    draft = _draft(
        "Soạn kế hoạch tổ chức hội nghị tổng kết công tác dân số năm 2027 của Sở Y tế Kon Tum, đủ các phần và bảng dự trù "
        "kinh phí. Hội nghị 1 ngày 17/12/2027 tại Hội trường Sở, mời 70 đại biểu. Kinh phí (tôi ghi tay, kiểm tra giúp):\n"
        "tiền ăn 70 x 150.000 = 11.500.000\nnước uống 70 x 40.000 = 2.800.000\n"
        "thuê xe 3 xe x 2 lượt x 1.200.000 đồng/lượt = 7.200.000")
    assert "Tổng kinh phí: 20.500.000 đồng (Bằng chữ: Hai mươi triệu năm trăm nghìn đồng), chi tiết tại Phụ lục." in draft.draft
    assert "| 1 | Tiền ăn | 70 | 1 | 150.000 | 10.500.000 |" in draft.draft
    # The lines are in the annex: none stands in the content part, and the wrong figure typed appears nowhere.
    assert "11.500.000" not in draft.draft and "nước uống 70 x" not in draft.draft.lower()


def test_columns_named_in_a_note_before_the_first_row_are_the_header_and_no_row():
    draft = _draft("Lập bảng các chỉ tiêu chủ yếu ngành y tế năm 2027 của Sở Y tế Kon Tum (chỉ bảng, các cột: TT, Chỉ tiêu, "
                   "Đơn vị tính, Kế hoạch năm 2027): số bác sĩ/10.000 dân 11,5; số giường bệnh/10.000 dân 32; tỷ lệ dân "
                   "số tham gia BHYT 94%.")
    assert "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2027 |" in draft.draft
    assert "| 1 | Số bác sĩ/10.000 dân |  | 11,5 |" in draft.draft and "Kế hoạch năm 2027)" not in draft.draft


def test_a_funding_part_drafted_alone_titles_its_table():
    draft = _draft("Viết giúp phần Kinh phí của kế hoạch hội nghị truyền thông của Sở Y tế Kon Tum, 90 người. Các khoản: "
                   "nước uống mỗi người 30 nghìn; in tờ gấp 500 tờ, 1.800đ/tờ. Có bảng dự trù chi tiết.")
    assert "DỰ TRÙ KINH PHÍ" in draft.draft and "| 2 | In tờ gấp | 500 | 1 | 1.800 | 900.000 |" in draft.draft


def test_a_section_with_a_small_table_lays_it_out_and_drafting_notes_stay_out():
    draft = _draft(
        "CV SYT Kon Tum gửi Sở Tài chính đề nghị bổ sung kinh phí chống dịch sởi năm 2027 — viết giúp điểm 2 (đề xuất "
        "kinh phí) có bảng nhỏ: phụ cấp trực chống dịch 240 người × 15 ngày × 130.000đ; hỗ trợ tiền ăn 300 người x 10 "
        "ngày x 80k. có tổng cộng và bằng chữ. ko cần kính gửi, nơi nhận")
    assert "**2. Đề xuất kinh phí**" in draft.draft
    assert "| 2 | Hỗ trợ tiền ăn | 300 | 10 | 80.000 | 240.000.000 |" in draft.draft
    assert "| Tổng cộng |  |  |  | 708.000.000 |" in draft.draft and "Bằng chữ:" in draft.draft
    kept = _draft("Trong Thông báo kết luận của Giám đốc Sở Y tế Kon Tum ngày 18/5/2027, viết giúp mục 3 về trang bị cho trạm "
                  "y tế, có bảng nhỏ: mua 20 bộ dụng cụ sơ cứu, 18,5 triệu/bộ. Giao Phòng Kế hoạch - Tài chính thẩm định dự toán trước "
                  "15/6/2027.").draft
    assert "| 20 | 1 | 18.500.000 | 370.000.000 |" in kept and "Phòng Kế hoạch - Tài chính thẩm định dự toán trước 15/6/2027" in kept
    assert "kính gửi" not in draft.draft.lower() and "viết giúp" not in draft.draft


def test_a_note_asking_for_the_total_is_no_content_but_a_total_stated_is():
    found = {c.text: c.meta for c in clauses("Soạn KH hội nghị. Có tổng cộng 120 đại biểu tham dự. có tổng + bằng chữ. "
                                             "ko cần kính gửi")}
    assert found == {"Soạn KH hội nghị": True, "Có tổng cộng 120 đại biểu tham dự": False, "Có tổng + bằng chữ": True,
                     "Ko cần kính gửi": True}


def test_parts_listed_in_lower_case_are_the_layout_and_what_a_part_is_to_hold_is_content():
    found = {c.text: c.meta for c in clauses(
        "Báo cáo 9 tháng gồm i. kết quả thực hiện; ii. tồn tại, hạn chế; iii. nhiệm vụ 3 tháng cuối năm. Viết phần I, "
        "trong đó mục 2 khám chữa bệnh nhớ nêu tổng lượt khám 6.842.000 lượt, công suất giường 92%.")}
    assert not [text for text, meta in found.items() if not meta and ("hạn chế" in text or text in ("Ii", "Iii"))]
    assert found["Mục 2 khám chữa bệnh: tổng lượt khám 6.842.000 lượt, công suất giường 92%"] is False


def test_a_programme_timed_in_minutes_as_typed_in_one_sentence():
    request = understand("chi lam bang chuong trinh hoi thao SYT Kon Tum ngay 17/09/2027 bat dau 13h30: don tiep 15p, "
                         "khai mac 10p, thao luan 40p", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [row[0] for row in table[1:]] == ["13h30 - 13h45", "13h45 - 13h55", "13h55 - 14h35"]
    request = understand("KH hội nghị khoa học SYT Kon Tum ngày 27/11/2027. Chương trình bắt đầu 7h30: đón tiếp 30 phút, "
                         "3 báo cáo khoa học mỗi báo cáo 20 phút, bế mạc 10 phút", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert table[1:] == [["07h30 - 08h00", "Đón tiếp"], ["08h00 - 08h20", "Báo cáo khoa học 1"],
                         ["08h20 - 08h40", "Báo cáo khoa học 2"], ["08h40 - 09h00", "Báo cáo khoa học 3"],
                         ["09h00 - 09h10", "Bế mạc"]]
    # A session's talks are named under it; "Start at 13h30:" starts the programme, not its first item.
    request = understand("Agenda only, start at 13h30: opening 10 minutes; Phiên 2 gồm 2 báo cáo, mỗi báo cáo 20 phút; "
                         "closing 10 minutes", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert table[1:] == [["13h30 - 13h40", "Khai mạc"], ["13h40 - 14h00", "Phiên 2: báo cáo 1"],
                         ["14h00 - 14h20", "Phiên 2: báo cáo 2"], ["14h20 - 14h30", "Bế mạc"]]


def test_a_programme_typed_with_the_hour_each_item_starts():
    # One item a line, hours typed as staff type them; a drafting note's hour starts no item.
    request = understand("Lập chương trình hội nghị giao ban y tế quý II/2027 SYT Kon Tum ngày 06/7/2027:\n7g30 đón tiếp\n"
                         "8g khai mạc\n8h15 báo cáo kết quả quý II\n9 giờ thảo luận\n10h30 bế mạc\nGiờ ghi kiểu 08h00",
                         RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [row[0] for row in table[1:]] == ["07h30 - 08h00", "08h00 - 08h15", "08h15 - 09h00", "09h00 - 10h30", "10h30"]
    assert table[2][1] == "Khai mạc"
    # Hours after the items, one item a clause, in English.
    request = understand("Make the agenda table for the Kon Tum DOH workshop on 10 June 2027: registration 7:45; opening "
                         "8:15; group discussion 8:30; close 11:30. Only the table.", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [row[0] for row in table[1:]] == ["07h45 - 08h15", "08h15 - 08h30", "08h30 - 11h30", "11h30"]


def test_the_number_of_a_document_the_request_is_modelled_on_is_not_the_new_ones():
    request = understand("Làm giống kế hoạch tổng kết năm ngoái (KH số 318/KH-SYT) nhưng cho năm 2027 của Sở Y tế Kon Tum, "
                         "họp 8g sáng 16/12/2027.", RESTORER, SKELETONS)
    assert request.number is None
    assert request.time == "08h00"
    request = understand("Soạn Kế hoạch số 412/KH-SYT tổ chức hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum.",
                         RESTORER, SKELETONS)
    assert request.number == "412/KH-SYT"


def test_a_letter_following_up_a_notice_cites_it_and_keeps_the_addresses_it_is_given():
    instruction = ("Dựa trên Thông báo kết luận số 15/TB-SYT ngày 05/3/2027 của Giám đốc Sở, soạn công văn của Sở Y tế Kon "
                   "Tum gửi các bệnh viện về việc đôn đốc báo cáo. Đề nghị gửi báo cáo về Phòng NVY trước 30/3/2027, bản "
                   "mềm gửi nvy.syt@kontum.gov.vn.")
    request = understand(instruction, RESTORER, SKELETONS)
    assert request.name == "official_letter"  # the notice it builds on is not the document asked for
    draft = _draft(instruction).draft
    assert "Thực hiện Thông báo kết luận số 15/TB-SYT ngày 05/3/2027" in draft
    assert "nvy.syt@kontum.gov.vn" in draft  # an address is no unit to write out
    assert "Kính gửi: Các bệnh viện" in draft
    # A report sent is no addressee; the letter still cites what it follows up.
    instruction = ("Dựa trên Thông báo kết luận số 15/TB-SYT ngày 05/3/2027, soạn công văn của Sở Y tế Kon Tum đôn đốc "
                   "các bệnh viện gửi báo cáo quý I/2027. Hạn gửi trước 30/3/2027.")
    assert understand(instruction, RESTORER, SKELETONS).addressees == []
    assert "Thực hiện Thông báo kết luận số 15/TB-SYT" in _draft(instruction).draft
    # "đưa vào báo cáo" (put into a report) folds like "dựa vào": the table is still the report's.
    assert understand("Lập bảng số liệu để đưa vào báo cáo tổng kết năm 2027 của Sở Y tế Kon Tum: tỷ lệ tiêm chủng "
                      "kế hoạch 95%, đạt 96%; số bác sĩ/vạn dân kế hoạch 12, đạt 12,5", RESTORER, SKELETONS).name == "report"


def test_a_request_that_changes_an_earlier_document_keeps_only_the_new_values():
    instruction = ("Làm giống kế hoạch hội nghị tổng kết năm ngoái nhưng cho Hội nghị tổng kết công tác y tế năm 2027 của "
                   "Sở Y tế Kon Tum. Đổi mấy chỗ:\n"
                   "- thời gian: 8g ngày 16/12/2027 (năm ngoái là 17/12/2026)\n"
                   "- địa điểm: không họp ở Hội trường tầng 2 nữa, chuyển sang Hội trường A, Trung tâm Hội nghị tỉnh\n"
                   "- đổi hạn nộp báo cáo từ 05/12/2027 thành 09/12/2027")
    draft = _draft(instruction).draft
    assert "16/12/2027" in draft and "Hội trường A" in draft and "09/12/2027" in draft
    assert not any(old in draft for old in ("17/12/2026", "Hội trường tầng 2", "05/12/2027"))
    # The document it is modelled on, typed without marks, is no part of the new one.
    assert "41/GM-SYT" not in _draft("lam giay moi theo mau giay moi giao ban quy truoc (so 41/GM-SYT) nhung doi lai: hop "
                                     "giao ban quy I/2027 tai phong hop tang 4 So Y te Kon Tum").draft
    # A period from one year to another, a transfer, "(cụ thể …)" are no change.
    assert "từ năm 2026 đến năm 2030" in new_values("Kế hoạch giai đoạn từ năm 2026 đến năm 2030")
    for kept in ("chuyển bệnh nhân từ tuyến xã lên tuyến huyện", "bố trí kinh phí (cụ thể tại phụ lục)"):
        assert new_values(kept) == kept


def test_indicator_rows_typed_numbered_one_a_line_with_kh_and_th():
    request = understand("Làm bảng chỉ tiêu cho báo cáo tổng kết y tế năm 2027 của Sở Y tế Kon Tum.\n"
                         "1. số bác sĩ/10.000 dân: KH 11, TH 11,4\n2. số giường bệnh/10.000 dân: KH 32, TH 31,5\n"
                         "3. tỷ lệ suy dinh dưỡng thấp còi: KH dưới 18%, TH 17,3%", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [row[1:] for row in table[1:]] == [["Số bác sĩ/10.000 dân", "", "11", "11,4", "Đạt"],
                                              ["Số giường bệnh/10.000 dân", "", "32", "31,5", "Không đạt"],
                                              ["Tỷ lệ suy dinh dưỡng thấp còi", "%", "< 18", "17,3", "Đạt"]]


@pytest.mark.parametrize("instruction, rows", [
    ("lập giúp bảng phân công kèm TB kết luận giao ban quý III/2027 SYT Kon Tum. cột: TT | nội dung | đơn vị chủ trì | "
     "thời hạn\n1 tổng hợp BC 9 tháng - KHTC - 05/10/2027\n2 rà soát nhân lực - TCCB - 20/10/2027\nchỉ bảng thôi",
     [["TT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
      ["1", "Tổng hợp BC 9 tháng", "Phòng Kế hoạch - Tài chính", "05/10/2027"],
      ["2", "Rà soát nhân lực", "Phòng Tổ chức cán bộ", "20/10/2027"]]),
    # Columns named after "gồm"; the deadlines are dates, no budget factors.
    ("Làm giúp bảng phân công đính kèm TB kết luận của Giám đốc Sở Y tế Kon Tum. Bảng gồm TT | Nhiệm vụ | Đơn vị | "
     "Thời hạn:\n1 | thay bình chữa cháy hết hạn | BVĐK tỉnh | 30/11/2027\n2 | lắp báo cháy tự động | BV YHCT tỉnh | "
     "31/12/2027",
     [["TT", "Nhiệm vụ", "Đơn vị", "Thời hạn"],
      ["1", "Thay bình chữa cháy hết hạn", "Bệnh viện Đa khoa tỉnh", "30/11/2027"],
      ["2", "Lắp báo cháy tự động", "Bệnh viện Y học cổ truyền tỉnh", "31/12/2027"]]),
])
def test_a_table_pasted_one_row_a_line_is_laid_out_under_the_columns_it_names(instruction, rows):
    request = understand(instruction, RESTORER, SKELETONS)
    blocks = scope_table(request, clauses(request.text))
    assert blocks[0].text == "BẢNG PHÂN CÔNG"
    assert blocks[1].rows == rows


def test_a_table_pasted_needs_its_columns_and_two_rows():
    assert pasted_table("Kế hoạch năm 2027 - bản dự thảo\n1 mục tiêu - tăng 5%") == []
    assert pasted_table("| TT | việc | hạn |\n|---|---|---|\n| 1 | tổng hợp | 05/10 |\n| 2 | rà soát | 06/10 |") == [
        ["TT", "việc", "hạn"], ["1", "tổng hợp", "05/10"], ["2", "rà soát", "06/10"]]


def test_money_an_english_request_scales_is_written_in_full_and_vietnamese_amounts_as_typed():
    assert "12.000.000.000 đồng" in prepared("Please support VND 12 billion for equipment in 2027.", RESTORER)
    assert "1,2 million" in prepared("The province has 1.2 million people to screen.", RESTORER)  # people, not money
    assert "4,5 tỷ đồng" in prepared("Đề nghị bổ sung 4,5 tỷ đồng cho chương trình.", RESTORER)


def test_a_year_said_by_where_it_stands_is_written_as_the_year():
    request = understand("Trong KH tổ chức Hội nghị tổng kết công tác y tế năm 2026 của SYT Kon Tum, viết mục nhiệm vụ "
                         "của phòng KHTC: xây dựng phương hướng nhiệm vụ năm tới; đối chiếu với kết quả năm nay.",
                         RESTORER, SKELETONS)
    assert "phương hướng nhiệm vụ năm 2027" in request.text and "kết quả năm 2026" in request.text
    assert relative_years("hoàn thành sau 5 năm sau", 2026) == "hoàn thành sau 5 năm sau"  # five years on
    # Each year's year before is no year of its own.
    assert relative_years("mỗi năm tăng 10% so với năm trước", 2026) == "mỗi năm tăng 10% so với năm trước"
    # The year written longer than "năm tới" leaves the section's title where the scope was read.
    request = understand("BC tổng kết năm 2026 và nhiệm vụ năm tới của SYT Kon Tum - cho mình đoạn mục 2 'Công tác khám "
                         "bệnh' thôi: tổng lượt khám 1.200 lượt.", RESTORER, SKELETONS)
    assert request.scope_title == "Công tác khám bệnh"


def test_an_invitation_attaches_the_programme_it_is_given_once():
    draft = _draft(
        "We need an invitation from Sở Y tế Kon Tum to the training workshop on immunization. Time: 7h30 on 16/12/2027. "
        "Please attach the programme: registration 30 minutes; presentation of the guidelines 60 minutes; tea break 15 "
        "minutes; closing 15 minutes.")
    body, _, programme = draft.draft.partition("### CHƯƠNG TRÌNH")
    assert "| 08h00 - 09h00 | Báo cáo" in programme and "| 09h00 - 09h15 | Giải lao |" in programme
    assert "minutes" not in body


def test_a_plans_objectives_part_has_its_general_and_specific_objectives():
    draft = _draft(
        "Soạn phần II. Mục tiêu cho KH phòng, chống bệnh lao năm 2027 của Sở Y tế Kon Tum. Mục tiêu cụ thể: phát hiện "
        "1.000 ca lao; 90% người bệnh được điều trị khỏi.")
    general, _, specific = draft.draft.partition("**2. Mục tiêu cụ thể**")
    assert "**1. Mục tiêu chung**" in general and "Phát hiện 1.000 ca lao" in specific


def test_a_letters_opening_paragraph_alone():
    request = understand("Nhờ viết đoạn mở đầu của công văn Sở Y tế Kon Tum gửi các Trung tâm Y tế khu vực về phòng, "
                         "chống bệnh sởi: Thực hiện Công điện số 3/CĐ-UBND ngày 02/3/2027 của Chủ tịch UBND tỉnh. Chỉ đoạn "
                         "mở đầu thôi.", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("official_letter", "part")
    assert not [c for c in clauses(request.text) if not c.meta and c.text.startswith("Chỉ đoạn")]


def test_one_units_tasks_are_its_section_under_its_name_and_number():
    draft = _draft(
        "Trong Ke hoach to chuc Hoi nghi tong ket cong tac y te nam 2027 cua So Y te Kon Tum, viet muc nhiem vu cua "
        "phong KHTC: chu tri xay dung bao cao tong ket, hoan thanh truoc ngay 18/12/2027.")
    assert draft.draft.startswith("**2. Phòng Kế hoạch - Tài chính**") and "18/12/2027" in draft.draft
    draft = _draft("trong KH triển khai Tháng hành động vì an toàn thực phẩm năm 2027 của SYT Kon Tum, viết giúp mục 2 ở "
                   "phần tổ chức thực hiện - nhiệm vụ của Chi cục ATVSTP thôi: chủ trì tổ chức lễ phát động ngày 15/04/2027")
    assert draft.draft.startswith("**2. Chi cục An toàn vệ sinh thực phẩm**") and "15/04/2027" in draft.draft
    # The unit named with its place, and the section's number given after it.
    draft = _draft("TB kết luận của Giám đốc Sở Y tế Kon Tum sau kiểm tra tiêm chủng, em viết gần xong, chỉ cần ý giao riêng "
                   "cho Trung tâm Y tế khu vực Đắk Hà (mục 3): rà soát trẻ chưa tiêm đủ mũi trước 30/11/2027.")
    assert draft.draft.startswith("**3. Trung tâm Y tế khu vực Đắk Hà**") and "30/11/2027" in draft.draft


def test_a_funding_part_given_its_sources_alone_totals_them():
    draft = _draft(
        "Viết giúp phần Kinh phí của Kế hoạch phòng, chống lao năm 2027 của Sở Y tế Kon Tum. Kinh phí lấy từ hai nguồn: "
        "ngân sách tỉnh 1,2 tỷ đồng và nguồn xã hội hóa 300 triệu đồng. Chỉ cần phần này, không cần phần đầu văn bản.")
    assert ("Tổng kinh phí: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng), trong đó: Ngân sách tỉnh: "
            "1.200.000.000 đồng; Xã hội hóa: 300.000.000 đồng.") in draft.draft
    assert draft.draft.startswith("### IV. KINH PHÍ") and "Chỉ cần" not in draft.draft


def test_indicator_rows_with_labelled_values_and_columns_named_either_way():
    draft = _draft(
        "Lập bảng số liệu kết quả chỉ tiêu năm 2027 cho báo cáo tổng kết của Sở Y tế Kon Tum, có cột chỉ tiêu, đơn vị "
        "tính, kế hoạch năm 2027 và thực hiện năm 2027: tuổi thọ trung bình kế hoạch 73,5 tuổi, đạt 73,6 tuổi; tỷ số "
        "giới tính khi sinh kế hoạch ≤ 110, thực tế 111 bé trai/100 bé gái.")
    assert "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2027 | Thực hiện năm 2027 |" in draft.draft
    assert "| Tuổi thọ trung bình | tuổi | 73,5 | 73,6 |" in draft.draft
    assert "| Tỷ số giới tính khi sinh | bé trai/100 bé gái | ≤ 110 | 111 |" in draft.draft
    english = _draft(
        "Draft the targets table of the Kon Tum DoH plan for 2028 with columns for indicator, unit, 2027 estimate and "
        "2028 target. Infant mortality rate: estimate 12, target < 10 ‰; stunting: estimate 22, target < 20 %.")
    assert "| TT | Chỉ tiêu | Đơn vị tính | Ước thực hiện năm 2027 | Chỉ tiêu năm 2028 |" in english.draft


def test_a_column_for_the_share_of_the_plan_is_worked_out_to_the_decimals_asked():
    draft = _draft(
        "Lập bảng kết quả chỉ tiêu 9 tháng năm 2027 của Sở Y tế Kon Tum, các cột: TT, Chỉ tiêu, Đơn vị tính, Kế hoạch, "
        "Thực hiện, Tỷ lệ % so với kế hoạch (làm tròn 1 chữ số thập phân): số lượt khám bệnh KH 1.200.000 lượt, thực "
        "hiện 900.000; số ca sinh tại cơ sở y tế KH 8.000 ca, thực hiện 7.000.")
    assert "| Tỷ lệ % so với kế hoạch |" in draft.draft
    assert "| 1 | Số lượt khám bệnh | lượt | 1.200.000 | 900.000 | 75,0 |" in draft.draft
    assert "| 2 | Số ca sinh tại cơ sở y tế | ca | 8.000 | 7.000 | 87,5 |" in draft.draft
    english = _draft(
        "Draft the results table for the nine-month report of the Kon Tum Department of Health, columns: No., indicator, "
        "unit, plan, result, % of plan (1 decimal): outpatient visits plan 500,000, result 420,000; inpatient treatments "
        "plan 60,000, result 45,500.")
    assert "| Kế hoạch | Thực hiện | Tỷ lệ % so với kế hoạch |" in english.draft
    assert "| 500.000 | 420.000 | 84,0 |" in english.draft and "| Số lượt điều trị nội trú |  | 60.000 | 45.500 | 75,8 |" in english.draft


def test_a_part_asked_for_with_a_table_lays_its_rows_in_the_table_and_the_rest_in_its_text():
    draft = _draft(
        "Báo cáo 9 tháng năm 2027 của Sở Y tế Kon Tum: nhờ soạn phần I. Kết quả thực hiện (phần II để sau). Một đoạn văn ngắn và bảng "
        "(TT, Chỉ tiêu, Đơn vị tính, Kế hoạch, Thực hiện): lượt khám bệnh KH 1.450.000, thực hiện 1.087.500; lượt điều trị "
        "nội trú KH 95.000, thực hiện 70.100; 9 tháng ghi nhận 126 ca sốt xuất huyết.")
    rows = [line for line in draft.draft.splitlines() if line.startswith("|")]
    assert "| Số lượt khám bệnh |" in draft.draft and "| 1.450.000 | 1.087.500 |" in draft.draft
    assert "| 95.000 | 70.100 |" in draft.draft and "KH 1.450.000" not in draft.draft
    assert not any("126 ca" in row for row in rows) and "126 ca sốt xuất huyết" in draft.draft
    assert draft.draft.startswith("### I. KẾT QUẢ THỰC HIỆN") and "Nhờ soạn" not in draft.draft


def test_an_english_funding_part_keeps_its_source_apart_from_the_estimate_that_follows_it():
    draft = _draft(
        "Kon Tum Department of Health, plan for the review conference 2027. I only need Part IV, Funding: the provincial "
        "budget pays, the Planning-Finance Division settles the accounts, then a cost estimate: meals VND 100,000 per "
        "person per day for 80 people, 1 day; conference proceedings, 80 copies at VND 50,000 per copy. Give each line's "
        "amount and the total in words.")
    assert "| 1 | Tiền ăn | 80 | 1 | 100.000 | 8.000.000 |" in draft.draft and "| Kỷ yếu hội nghị |" in draft.draft
    assert "Phòng Kế hoạch - Tài chính" in draft.draft and "quyết toán" in draft.draft
    assert "Give each" not in draft.draft and "Then" not in draft.draft


@pytest.mark.parametrize("typed, unit, values, written", [
    ("lượt khám bệnh", "", ["1.450.000", "1.087.500"], "Số lượt khám bệnh"),
    ("điều trị nội trú", "", ["96.000", "70.080", "73,0"], "Số lượt điều trị nội trú"),
    ("trẻ dưới 1 tuổi tiêm chủng đầy đủ", "", ["11.200"], "Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ"),
    ("Tỷ lệ người 40 tuổi trở lên sàng lọc đái tháo đường", "%", ["60"], "Tỷ lệ người từ 40 tuổi trở lên được sàng lọc đái tháo đường"),
    ("Tỷ lệ suy dinh dưỡng thể thấp còi trẻ em dưới 5 tuổi", "%", ["< 19,5"], "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi"),
    ("Tỷ lệ trẻ 6-36 tháng được uống vitamin A", "%", ["> 98"], "Tỷ lệ trẻ 6-36 tháng tuổi được uống vitamin A"),
    # Not a count, and the words already there: as typed.
    ("Tuổi thọ trung bình", "tuổi", ["73,5"], "Tuổi thọ trung bình"),
    ("Số người được quản lý điều trị", "người", ["28.000"], "Số người được quản lý điều trị"),
])
def test_an_indicators_name_takes_the_words_the_documents_add_and_keeps_the_requests_own(typed, unit, values, written):
    assert house_name(typed, unit, values) == written


def test_classes_counted_in_words_count_their_trainees_and_a_rate_per_class_and_vnd_before_a_shorthand_amount():
    draft = _draft("Lập bảng dự toán lớp tập huấn của Sở Y tế Kon Tum: mở ba lớp, mỗi lớp 30 học viên, mỗi lớp học 2 ngày. "
                   "Tiền ăn học viên 100k/người/ngày; thuê hội trường 2 triệu/lớp.")
    assert "| Tiền ăn học viên | 90 | 2 | 100.000 | 18.000.000 |" in draft.draft
    assert "| Thuê hội trường | 3 | 1 | 2.000.000 | 6.000.000 |" in draft.draft
    english = _draft("Budget table only for the Kon Tum Department of Health workshop, 40 participants, 1 day: lunch VND 120k "
                     "per person per day.")
    assert "| 40 | 1 | 120.000 | 4.800.000 |" in english.draft


def test_indicator_rows_pasted_with_bars_under_columns_named_with_commas_are_numbered_and_no_budget():
    draft = _draft("Bảng chỉ tiêu chủ yếu trong KH y tế giai đoạn 2026-2028 của Sở Y tế Kon Tum. Cột: TT, Chỉ tiêu, Đơn vị tính, "
                   "Năm 2026, Năm 2027, Năm 2028. Mỗi dòng một chỉ tiêu:\nSố bác sĩ/10.000 dân | bác sĩ | 11,2 | 11,8 | 12,5\n"
                   "Tỷ lệ trạm y tế xã có bác sĩ | % | 88 | 92 | 96\nChỉ làm bảng.").draft
    assert "| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Năm 2028 |" in draft
    assert "| 2 | Tỷ lệ trạm y tế xã có bác sĩ | % | 88 | 92 | 96 |" in draft and "Thành tiền" not in draft


def test_a_head_of_division_signs_by_order_and_a_bare_dated_number_takes_the_types_symbol():
    draft = _draft("Soạn giấy mời các trạm y tế dự buổi làm việc lúc 8h00 ngày 23/9/2027 tại Trung tâm Y tế khu vực. Văn bản của "
                   "Sở Y tế Kon Tum, số 96, ngày 16/9/2027, Trưởng phòng Nghiệp vụ Y Lê Thị Hoa ký thừa lệnh Giám đốc.").draft
    assert "Số: 96/GM-SYT" in draft and "ngày 16 tháng 9 năm 2027" in draft
    assert "**TL. GIÁM ĐỐC**" in draft and "**TRƯỞNG PHÒNG**" in draft and "Lê Thị Hoa" in draft


def test_a_year_before_a_word_opening_like_a_scale_word_is_no_amount():
    draft = _draft("Viết phần IV. Kinh phí của Kế hoạch tập huấn năm 2027 của Sở Y tế Kon Tum: từ nguồn chi thường xuyên 2027 "
                   "ngành y tế, không cần bảng dự toán.").draft
    assert "2.027.000" not in draft and "Tổng kinh phí" not in draft


def test_an_english_count_spelled_before_what_a_line_counts_is_counted():
    draft = _draft("Budget table only for the Kon Tum Department of Health workshop, 50 participants, one day: tea breaks in two "
                   "sessions, VND 20,000 per person per session.").draft
    assert "| Giải khát giữa giờ | 50 | 2 | 20.000 | 2.000.000 |" in draft


def test_an_afternoon_session_starts_its_own_clock():
    draft = _draft("Lập bảng chương trình tập huấn ngày 10/12/2027 của Sở Y tế Kon Tum. Buổi sáng bắt đầu 7h30: đón tiếp "
                   "15 phút; chuyên đề 1 về quản lý tăng huyết áp tại tuyến xã 60 phút. Buổi chiều từ 13h30: thực hành "
                   "90 phút; bế mạc 30 phút.")
    assert "| 13h30 - 15h00 | Thực hành |" in draft.draft and "| 15h00 - 15h30 | Bế mạc |" in draft.draft
    assert "60 phút)" not in draft.draft  # no venue read from an item's topic


def test_a_rate_said_per_person_before_it_counts_the_people_named():
    assert cost_lines(["bồi dưỡng 6 báo cáo viên tham luận, mỗi người 500.000đ"])[0].amount == 3_000_000
    # Thousands written "k", and a line with its rate first after factored ones in the same sentence.
    lines = cost_lines(["Kinh phí gồm nước uống 80 người x 1 ngày x 30.000đ, tài liệu 80 người x 1 ngày x 50k, hỗ trợ "
                        "đại biểu không hưởng lương 20 người, 150k/người/ngày, họp 1 ngày"])
    assert [(line.item, line.amount) for line in lines] == [
        ("Nước uống", 2_400_000), ("Tài liệu", 4_000_000), ("Hỗ trợ đại biểu không hưởng lương", 3_000_000)]


def test_a_letters_body_drafted_alone_opens_with_what_it_asks():
    draft = _draft("Viet phan noi dung chinh (than cong van) cua cong van So Y te Kon Tum gui So Tai chinh de nghi bo "
                   "sung kinh phi 1,5 ty dong de mua vac xin soi nam 2028. De nghi So Tai chinh tham dinh truoc ngay "
                   "20/12/2027.")
    lines = draft.draft.splitlines()
    assert lines[0] == "- Sở Y tế đề nghị Sở Tài chính thực hiện một số nội dung sau:"
    assert lines[1].startswith("- Đề nghị bổ sung kinh phí 1,5 tỷ đồng")


def test_english_dates_hours_and_who_signs_read_as_the_house_style_writes_them():
    draft = _draft("Write an official letter from the Kon Tum Department of Health to the regional health centres on "
                   "measles vaccination: send the lists by 10 December 2027 and report by 5:00 p.m. on January 15, 2028. "
                   "Deputy Director Lê Văn An signs on behalf of the Director.")
    assert "10/12/2027" in draft.draft and "17h00" in draft.draft and "15/01/2028" in draft.draft
    assert "**Lê Văn An**" in draft.draft and "signs" not in draft.draft


def test_units_named_by_an_acronym_are_written_out():
    assert written_out("giao phòng KHTC và CDC báo cáo trước 17h; Giám đốc TTYT các khu vực; BHXH tỉnh") == (
        "giao Phòng Kế hoạch - Tài chính và Trung tâm Kiểm soát bệnh tật báo cáo trước 17h; Giám đốc "
        "Trung tâm Y tế các khu vực; Bảo hiểm xã hội tỉnh")


def test_a_request_in_one_sentence_keeps_its_content():
    request = understand("Soạn công văn của Sở Y tế Kon Tum gửi các Trung tâm Y tế khu vực yêu cầu tăng cường giám sát "
                         "bệnh sởi, báo cáo về Sở trước ngày 10/3/2027.", RESTORER, SKELETONS)
    assert request.addressees == ["Các Trung tâm Y tế khu vực"]
    assert request.subject == "Tăng cường giám sát bệnh sởi, báo cáo về Sở"
    assert "10/3/2027" in (request.frame_content or "")


def test_an_english_part_gets_its_house_style_heading_and_units_keep_their_tasks():
    request = understand("Write part V. Implementation for the Kon Tum DOH plan on measles control in 2027: the Centre "
                         "for Disease Control leads the surveillance and reports by 15/11/2027; the Planning and "
                         "Finance Division allocates funds.", RESTORER, SKELETONS)
    found = clauses(request.text)
    assert [(c.unit, c.task) for c in found if c.unit] == [
        ("Trung tâm Kiểm soát bệnh tật", "Chủ trì giám sát và báo cáo trước ngày 15/11/2027"),
        ("Phòng Kế hoạch - Tài chính", "Bố trí kinh phí")]
    from assistant.draft.composer import Composer
    heading = Composer(request, SKELETONS[request.name], found, lambda unit: []).body()[0][0].text
    assert heading == "V. TỔ CHỨC THỰC HIỆN"


def test_an_english_invitation_reads_whom_it_invites_and_to_what():
    request = understand("Invitation from the Kon Tum Department of Health to the directors of regional health centres "
                         "to attend the training on electronic health records at 8:30 on 12/5/2027 at the "
                         "Department's meeting room.", RESTORER, SKELETONS)
    assert request.name == "invitation" and request.participants == ["Giám đốc các Trung tâm Y tế khu vực"]
    assert request.event == "Tập huấn on hồ sơ sức khỏe điện tử" and request.time == "08h30"
    assert request.frame_content is None  # the event is said once, not again as content


def test_an_unaccented_request_restores_names_and_numbered_words_as_the_house_style_writes_them():
    request = understand("viet phan II cho bao cao cua So Y te Ca Mau: Phong Nghiep vu Duoc kiem tra; hoi truong tang 2; "
                         "so lieu quy III/2027: 2 ca tu vong; van chuyen 20 chuyen x 1.500.000 dong.", RESTORER, SKELETONS)
    for written in ("phần II", "Sở Y tế Cà Mau", "Phòng Nghiệp vụ Dược", "tầng 2", "quý III/2027", "2 ca tử vong",
                    "20 chuyến", "1.500.000 đồng"):
        assert written in request.text, (written, request.text)


def test_a_plans_year_is_named_with_nam():
    request = understand("Soạn báo cáo của Sở Y tế Kon Tum: kiến nghị bổ sung chỉ tiêu vào kế hoạch 2028 và dự toán "
                         "2028.", RESTORER, SKELETONS)
    assert "kế hoạch năm 2028 và dự toán năm 2028" in request.text


def test_an_english_request_reads_as_the_house_style_writes():
    notice = understand("Notice of conclusions of the Director of the Kon Tum Department of Health, Lê Văn An, at the "
                        "meeting on the dengue situation on 03/10/2027. Conclusions: 1. The CDC intensifies "
                        "surveillance.", RESTORER, SKELETONS)
    assert notice.chair == "Giám đốc Sở Y tế Kon Tum, Lê Văn An"  # the province after its Department, no "of"
    assert notice.event == "Cuộc họp on sốt xuất huyết tình hình" and notice.date == "03/10/2027"
    letter = understand("Write an official letter from the Ben Tre Department of Health to all hospitals in the "
                        "province about measles, asking them to report to the CDC within 24 hours.", RESTORER, SKELETONS)
    assert letter.province == "Bến Tre" and letter.addressees == ["Các bệnh viện trên địa bàn tỉnh"]
    plan = understand("Draft the plan for the mid-year review conference of the Kon Tum DOH 2027, held online on "
                      "15/7/2027 at 2:00 p.m.", RESTORER, SKELETONS)
    assert (plan.time, plan.year) == ("14h00", 2027)
    text = prepared("Agenda for the Kon Tum DOH workshop: sharing by Kon Tum Provincial General Hospital 9:15; "
                    "conclusions by the Director of the Department 11:15.", RESTORER)
    assert "Bệnh viện Đa khoa tỉnh Kon Tum" in text and "Giám đốc Sở" in text


def test_a_unit_s_own_line_is_its_task_whatever_verb_opens_it():
    found = clauses("Soạn phần tổ chức thực hiện của KH hội nghị tổng kết năm 2028 của Sở Y tế Kon Tum. VP Sở: soạn giấy "
                    "mời, chuẩn bị hội trường. Phòng NVY: báo cáo chất lượng bệnh viện trước 05/12/2028.")
    assert {(c.unit, c.task) for c in found if c.unit} == {
        ("Văn phòng Sở Y tế", "Soạn giấy mời, chuẩn bị hội trường"),
        ("Phòng Nghiệp vụ Y", "Báo cáo chất lượng bệnh viện trước 05/12/2028")}


def test_english_terms_are_read_in_british_and_american_spelling_alike():
    for typed in ("Expanded Programme on Immunisation", "Expanded Program on Immunization"):
        assert prepared(f"Draft the report on the {typed} in 2028 of the Kon Tum DOH.", RESTORER).count(
            "tiêm chủng mở rộng") == 1
    assert "Trung tâm Y tế khu vực" in prepared("Invite the regional health center of Kon Tum.", RESTORER)


def test_an_english_conference_plan_keeps_its_venue_and_its_event_apart():
    request = understand("Plan for the Kon Tum Department of Health conference reviewing health work in 2027, on 23 "
                         "December 2027 at 8 a.m. at the Provincial Conference Centre. Participants: leaders of the "
                         "Provincial People's Committee.", RESTORER, SKELETONS)
    assert request.venue == "Trung tâm Hội nghị tỉnh" and request.participants == ["lãnh đạo UBND tỉnh"]
    assert request.event != "Hội nghị tỉnh"
    assert not any("Trung tâm Hội nghị" in c.text for c in clauses(request.text) if not c.meta)


def test_a_section_by_number_finds_its_part_and_its_title():
    from assistant.draft.composer import Composer
    request = understand("Viết mục 2 phần V của Kế hoạch Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum: Phòng Kế hoạch "
                         "- Tài chính lập dự trù kinh phí trước ngày 10/12/2027.", RESTORER, SKELETONS)
    assert (request.scope, request.scope_part, request.scope_section) == ("section", "v", "2")
    body = Composer(request, SKELETONS[request.name], clauses(request.text), lambda unit: []).body()[0]
    assert body[0].text == "2. Phòng Kế hoạch - Tài chính"
    numbered = understand("Write section III.1 Communication of the Kon Tum DOH plan on tobacco control in 2027.",
                          RESTORER, SKELETONS)
    assert (numbered.scope_part, numbered.scope_section, numbered.scope_title) == ("iii", "1", "Truyền thông")


def test_finance_is_the_unit_the_request_names():
    from assistant.draft.composer import Composer
    from assistant.draft.table_blocks import annex_tables
    request = understand("Soạn Kế hoạch tổ chức Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum ngày 20/12/2027. Giao "
                         "Văn phòng Sở chuẩn bị hội trường; đề nghị Sở Tài chính báo cáo nguồn kinh phí năm 2028.",
                         RESTORER, SKELETONS)
    composer = Composer(request, SKELETONS[request.name], clauses(request.text), lambda unit: [])
    blocks = composer.body()[0] + annex_tables(request, composer.content, composer.sk, composer.fill)
    text = " ".join([b.text for b in blocks] + [cell for b in blocks if b.rows for row in b.rows for cell in row])
    assert "Sở Tài chính" in text and "Phòng Kế hoạch - Tài chính" not in text
    assert "Phòng Kế hoạch - Tài chính" in SKELETONS[request.name]["part"][-1]["units"]  # the registry is untouched


def test_a_borrowed_deadline_is_the_requests_not_moved_a_year():
    from assistant.draft.exemplars import despecify
    request = understand("Soạn kế hoạch Hội nghị tổng kết năm 2027 của Sở Y tế Kon Tum; báo cáo trước ngày 15/12/2027.",
                         RESTORER, SKELETONS)
    moved = despecify("Hoàn thành báo cáo năm 2026 trước 15/12/2026", request, set(), base=2026)
    assert moved == "Hoàn thành báo cáo năm 2027 trước 15/12/2027"


def test_listed_parts_and_who_signs():
    assert listed_parts("Bố cục: I. Kết quả; II. Hạn chế; III. Kiến nghị. Số liệu: 12 ca.") == [
        "Kết quả", "Hạn chế", "Kiến nghị"]
    assert signature("Phó Giám đốc Lê Văn An ký thay Giám đốc.", []) == (
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn An"], "Lê Văn An")
    assert signature("Signed by Director Trần Thị Bình.", [])[0] == ["GIÁM ĐỐC", "", "Trần Thị Bình"]


def test_budget_lines_are_computed_and_the_total_is_in_words():
    lines = cost_lines(["tiền ăn 45 người x 2 ngày x 120.000 đồng; nước uống 50 người x 2 ngày x 25 nghìn đồng",
                        "travel for 4 staff × 3 days × 200,000 VND; leaflets 1.000 copies × 3.500 each"])
    assert [line.amount for line in lines] == [10_800_000, 2_500_000, 2_400_000, 3_500_000]
    rows = budget_rows(lines)
    assert rows[-1] == ["", "Tổng cộng", "", "", "", "19.200.000"]
    assert in_words(19_200_000) == "Mười chín triệu hai trăm nghìn đồng"
    assert funding_sources("Tổng kinh phí 500.000.000 đồng, trong đó ngân sách tỉnh 300.000.000 đồng, nguồn "
                           "viện trợ 200.000.000 đồng") == (500_000_000, [("Ngân sách tỉnh", 300_000_000),
                                                                         ("Viện trợ", 200_000_000)])
    assert funding_sources("Tổng kinh phí 500.000.000 đồng, trong đó ngân sách tỉnh 300.000.000 đồng") is None


def test_budget_lines_with_decimal_scales_and_counts_given_as_the_line_before():
    lines = cost_lines(["larvicide spraying 45 communes x 3 days x 1.2 million VND; printing 1 lot x 12.5 million",
                        "nước uống 130 người × 25.000đ; tài liệu cũng số người đó × 30.000đ",
                        "nước uống 220 người x 30 nghìn; in kỷ yếu như trên x 65 nghìn/cuốn"])
    assert [line.amount for line in lines] == [162_000_000, 12_500_000, 3_250_000, 3_900_000, 6_600_000, 14_300_000]


def test_budget_lines_written_with_commas_and_agenda_slots_as_typed():
    lines = cost_lines(["ăn trưa: 80 người, 2 ngày, mức 150.000 đồng/người/ngày"])
    assert [(line.item, line.amount) for line in lines] == [("Ăn trưa", 24_000_000)]
    request = understand("Lập chương trình hội nghị: 7h30 - 8h00: đón tiếp đại biểu; 8h00 - 8h15: khai mạc",
                         RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert table[1:] == [["07h30 - 08h00", "Đón tiếp đại biểu"], ["08h00 - 08h15", "Khai mạc"]]


def test_budget_lines_with_other_joiners_and_single_amounts():
    lines = cost_lines(["thuê hội trường 1 ngày 8.000.000 đồng; ăn trưa 120 người x 1 ngày x 200.000 đồng",
                        "lunch for 90 delegates for 1 day at 180.000 VND; documents 100 sets at 35.000 VND each",
                        "tài liệu 50 bộ, 1 lần, 30.000 đồng; thuê máy chiếu 2 ngày x 500.000 đồng",
                        "xăng xe 3 xe × 15 ngày × 500.000 đồng; in ấn: 2.000.000 đồng; tổng cộng 99.000.000 đồng"])
    assert [(line.people, line.days, line.rate) for line in lines] == [
        (1, 1, 8_000_000), (120, 1, 200_000), (90, 1, 180_000), (100, 1, 35_000), (50, 1, 30_000), (1, 2, 500_000),
        (3, 15, 500_000), (1, 1, 2_000_000)]
    assert [line.item for line in lines][-2:] == ["Xăng xe", "In ấn"]
    more = cost_lines(["tập huấn 2 lớp x 30 học viên x 3 ngày x 100.000 đồng; ăn trưa: 150.000 đồng/người x 100 người "
                       "x 1 ngày; tài liệu 50 bộ, đơn giá 30.000 đồng; allowance 16 workers × 10 days × VND 200.000"])
    assert [(line.people, line.days, line.rate) for line in more] == [
        (60, 3, 100_000), (100, 1, 150_000), (50, 1, 30_000), (16, 10, 200_000)]
    first = cost_lines(["ăn trưa: 150.000 đồng/người/ngày, 80 người, 2 ngày; nước uống: 20.000 đồng/người, 80 người"])
    assert [(line.item, line.people, line.days, line.amount) for line in first] == [
        ("Ăn trưa", 80, 2, 24_000_000), ("Nước uống", 80, 1, 1_600_000)]
    assert cost_lines(["hỗ trợ 40 người, 2 ngày, tổng 5.000.000 đồng"]) == []  # a total is no rate
    # Amounts in running text are no budget lines: a year, a total, figures without money.
    assert cost_lines(["kiểm tra 1.200 cơ sở, 100 bếp ăn; tổng kinh phí năm 2027 20.000.000 đồng"]) == []


def test_funding_and_budgets_written_the_english_way_or_as_amounts_alone():
    assert funding_sources("total kinh phí VND 1.5 billion, of which ngân sách tỉnh VND 1.000.000.000 and viện trợ "
                           "500 million") == (1_500_000_000, [("Ngân sách tỉnh", 1_000_000_000), ("Viện trợ", 500_000_000)])
    lines = cost_lines(["allowance 60 people x 10 days at a rate of 120.000 VND; transport 12 trips at 2.000.000 VND"])
    assert [line.amount for line in lines] == [72_000_000, 24_000_000]
    request = understand("Lập bảng dự trù kinh phí Hội nghị tổng kết năm 2027: thuê hội trường 6.000.000 đồng; in tài "
                         "liệu 3.200.000 đồng; tổng cộng 9.200.000 đồng.", RESTORER, SKELETONS)
    blocks = scope_table(request, clauses(request.text))
    table = next(b.rows for b in blocks if b.kind == "table")
    assert [row[1] for row in table[1:]] == ["Thuê hội trường", "In tài liệu", "Tổng cộng"]
    assert table[-1][-1] == "9.200.000" and blocks[-1].text == "Bằng chữ: Chín triệu hai trăm nghìn đồng."


def test_amounts_and_decimals_read_the_vietnamese_way():
    request = understand("soan ke hoach cua So Y te Kon Tum nam 2027. kinh phi: 2.400.000.000 dong tu nguon ngan sach.",
                         RESTORER, SKELETONS)
    assert "2.400.000.000 đồng" in request.text  # not "động", whatever the restorer makes of "dong" alone
    from assistant.draft.table_blocks import funding_lines
    assert funding_lines(request, [c for c in clauses(request.text) if c.label == "kinh phi"])[0].text == (
        "- Tổng kinh phí: 2.400.000.000 đồng (Bằng chữ: Hai tỷ bốn trăm triệu đồng).")
    english = understand("Write section 3.2 of the Kon Tum DOH report on immunisation in 2027: 96.2% of infants "
                         "fully immunised.", RESTORER, SKELETONS)
    assert "96,2%" in english.text and english.scope_section == "3.2"


def test_a_plan_and_a_result_are_assessed_unasked():
    request = understand("Bảng kết quả thực hiện chỉ tiêu năm 2027: tỷ lệ tiêm chủng: %, kế hoạch 95, thực hiện 93,1; "
                         "số giường bệnh/10.000 dân: giường, kế hoạch 30, thực hiện 31,2.", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert table[0][-1] == "Đánh giá" and [row[-1] for row in table[1:]] == ["Không đạt", "Đạt"]


def test_indicator_assessment_and_agenda_times():
    assert assessed("95,5", "94,9") == "Không đạt" and assessed("≥ 90", "91") == "Đạt"
    assert assessed("< 12,0", "11,8") == "Đạt"  # a ceiling is reached from below
    assert agenda_times("13h30", [15, 45]) == ["13h30 - 13h45", "13h45 - 14h30"]
    assert agenda_times(None, [15]) == ["[giờ]"]
    assert agenda_times(None, []) == []  # a programme with no timed item


def test_a_damaged_line_fails_and_a_clean_one_passes():
    assert line_fault("Chuẩn bị bố cáo đánh giá tình hình thực hiện nhiệm vụ", set(), RESTORER, 15)
    assert line_fault("Hoàn thành n’hiếm vụ được giao", set(), RESTORER)
    assert line_fault("Trùng tôm Klem soát bệnh tật phối hợp", set(), RESTORER)
    assert line_fault("Gửi báo cáo về SO Y tê (nếu ¢6)", set(), RESTORER)
    assert line_fault("Chuẩn bị báo cáo đánh giá tình hình thực hiện nhiệm vụ", set(), RESTORER, 15) == ""


def test_a_review_named_only_by_its_period_is_named_with_both_periods():
    invitation = _draft(
        "Write an invitation from the Kon Tum Department of Health to the online conference reviewing the first 6 "
        "months of 2027 and deploying tasks for the last 6 months of 2027, at 14h00 on 16/07/2027.")
    assert "Hội nghị sơ kết 6 tháng đầu năm 2027 và triển khai nhiệm vụ 6 tháng cuối năm 2027" in invitation.draft
    plan = _draft("Soạn giấy mời dự hội nghị tổng kết ngày 20/12/2027 của Sở Y tế Kon Tum")
    assert "Hội nghị tổng kết năm 2027 và triển khai nhiệm vụ năm 2028" in plan.draft


def test_mid_year_and_year_end_periods():
    mid = understand("Soạn kế hoạch Hội nghị sơ kết 6 tháng đầu năm 2027 ngày 10/7/2027", RESTORER, SKELETONS)
    end = understand("Soạn kế hoạch Hội nghị tổng kết năm 2027 ngày 20/12/2027", RESTORER, SKELETONS)
    assert periods(mid) == ("6 tháng đầu năm 2027", "6 tháng cuối năm 2027")
    assert periods(end) == ("năm 2027", "năm 2028")
    assert periods(understand("Soạn báo cáo kết quả công tác y tế 9 tháng năm 2027", RESTORER, SKELETONS)) == (
        "9 tháng đầu năm 2027", "3 tháng cuối năm 2027")
    assert periods(understand("Báo cáo công tác y tế quý IV năm 2027", RESTORER, SKELETONS)) == (
        "quý IV năm 2027", "quý I năm 2028")
    assert periods(understand("Write the Q2 2027 report of the Kon Tum DOH", RESTORER, SKELETONS)) == (
        "quý II năm 2027", "quý III năm 2027")
    assert periods(understand("Soạn báo cáo năm 2027", RESTORER, SKELETONS)) == ("năm 2027", "thời gian tới")
    deploy = understand("Soạn Kế hoạch tổ chức Hội nghị triển khai nhiệm vụ y tế năm 2027 ngày 10/01/2027", RESTORER,
                        SKELETONS)
    assert periods(deploy) == ("năm 2026", "năm 2027")  # a meeting setting 2027's tasks reviews 2026
    assert period_worded("Báo cáo kết quả năm 2027 và phương hướng, nhiệm vụ năm 2027", deploy, mid_year=False) == (
        "Báo cáo kết quả năm 2026 và phương hướng, nhiệm vụ năm 2027")
    line = "Báo cáo kết quả thực hiện nhiệm vụ năm 2027 và phương hướng nhiệm vụ năm 2027"
    assert period_worded(line, mid, mid_year=True) == (
        "Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2027 và phương hướng, nhiệm vụ 6 tháng cuối năm 2027")
    assert period_worded("Xây dựng phương hướng, nhiệm vụ năm 2027", end, mid_year=False) == (
        "Xây dựng phương hướng, nhiệm vụ năm 2028")


@dataclass
class _Index:
    """What the drafter reads of an index: its tasks and the catalogue of their documents."""

    settings: Settings
    tasks_: list[Task] = field(default_factory=list)

    def tasks(self) -> list[Task]:
        return self.tasks_

    def listing(self) -> list[dict]:
        return [{"source": "ocr.txt", "title": "Kế hoạch tổ chức Hội nghị tổng kết năm 2026", "doc_type": "Kế hoạch",
                 "restored": True}]

    def distinct(self, field_name: str) -> list[str]:
        return []


def _draft(instruction: str):
    """A draft from the request alone: no corpus to borrow lines from."""
    return Drafter(_Index(SETTINGS, [])).draft(instruction)


def test_a_damaged_borrowed_line_never_reaches_the_draft():
    def task(text: str) -> Task:
        return Task(unit="Văn phòng Sở Y tế", task=text, quote=text, deadline=None, source="ocr.txt",
                    title="Kế hoạch tổ chức Hội nghị tổng kết năm 2026", section="V. Tổ chức thực hiện", chunk_id="c1")

    damaged = ["Chuẩn bị bố cáo tổng kết (hoàn chỉnh chờm nhất)", "Do trả kinh phí tổ chức Hội nghị"]
    drafter = Drafter(_Index(SETTINGS, [task(t) for t in damaged + ["Phát hành giấy mời đại biểu dự Hội nghị"]]))
    result = drafter.draft("Soạn kế hoạch tổ chức Hội nghị tổng kết năm 2027 của Sở Y tế tỉnh Kon Tum ngày 20/12/2027")
    assert "Phát hành giấy mời đại biểu dự Hội nghị" in result.draft
    assert not any(word in result.draft for word in ("bố cáo", "chờm", "Do trả"))
    assert any("bị loại" in w for w in result.warnings)


def test_a_programme_timed_by_lengths_ends_and_a_new_start():
    from assistant.draft.agenda import agenda_rows

    request = understand("Agenda table only for the Hanoi Department of Health conference on 16/04/2027. Morning: "
                         "registration 7:30 to 8:00; opening, 15 minutes; report by the Medical Affairs Division, 45 "
                         "minutes; presentations until 10:30. Afternoon from 2pm: group discussion, 90 minutes, then "
                         "closing by the Director, 30 minutes.", RESTORER, SKELETONS)
    rows = agenda_rows(request, clauses(request.text))
    assert [row[0] for row in rows[1:]] == ["07h30 - 08h00", "08h00 - 08h15", "08h15 - 09h00", "09h00 - 10h30",
                                            "14h00 - 15h30", "15h30 - 16h00"]


def test_a_programme_mixing_slots_start_hours_and_lengths():
    from assistant.draft.agenda import agenda_rows

    request = understand("Phụ lục chương trình lớp tập huấn của Sở Y tế Vĩnh Long, ngày 24/06/2027:\n7:30-8:00 đón tiếp\n"
                         "8:00 khai mạc (15 phút)\n8:15-9:45 chuyên đề 1\n9:45 giải lao 15p\n10:00-11:30 chuyên đề 2",
                         RESTORER, SKELETONS)
    rows = agenda_rows(request, clauses(request.text))
    assert rows[1:] == [["07h30 - 08h00", "Đón tiếp"], ["08h00 - 08h15", "Khai mạc"], ["08h15 - 09h45", "Chuyên đề 1"],
                        ["09h45 - 10h00", "Giải lao"], ["10h00 - 11h30", "Chuyên đề 2"]]


def test_a_plan_of_the_provincial_peoples_committee_is_headed_numbered_and_signed_as_its_own():
    request = understand("soan KH cua UBND tinh Gia Lai to chuc hoi nghi so ket 05 nam phat trien y te co so, hoi nghi 8h "
                         "ngay 23/06/2028 tai hoi truong UBND tinh. PCT UBND tinh Doan Minh Khoi ky thay CT.", RESTORER,
                         SKELETONS)
    assert request.provincial
    assert request.signature[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    draft = _draft("soan KH cua UBND tinh Gia Lai to chuc hoi nghi so ket 05 nam phat trien y te co so, hoi nghi 8h "
                   "ngay 23/06/2028 tai hoi truong UBND tinh.").draft
    assert "**ỦY BAN NHÂN DÂN**" in draft and "**TỈNH GIA LAI**" in draft and "/KH-UBND" in draft
    assert "/KH-SYT" not in draft and "KT. GIÁM ĐỐC" not in draft
    # A plan that only follows one of the Committee's is the Department's own.
    assert not understand("Soạn kế hoạch của Sở Y tế Gia Lai thực hiện Kế hoạch của UBND tỉnh về y tế cơ sở", RESTORER,
                          SKELETONS).provincial


def test_a_signature_for_the_director_by_the_chief_of_office_keeps_the_name():
    request = understand("Soạn thông báo kết luận của Giám đốc Sở Y tế Tây Ninh tại buổi làm việc ngày 22/10/2026. "
                         "TL. Giám đốc, Chánh Văn phòng Lê Hoàng Nam ký.", RESTORER, SKELETONS)
    assert request.signature == ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "", "Lê Hoàng Nam"]


def test_a_part_asked_for_after_the_documents_colon():
    request = understand("KH thực hiện Chương trình mục tiêu quốc gia giai đoạn 2026-2030 của Sở Y tế Tuyên Quang: viết giúp "
                         "mục II. MỤC TIÊU (1. Mục tiêu chung; 2. Mục tiêu cụ thể).", RESTORER, SKELETONS)
    assert request.scope == "part"
    # A table asked for after the colon of a whole plan's request comes with the plan.
    assert understand("Soạn kế hoạch tổ chức hội nghị tổng kết của Sở Y tế Tuyên Quang: lập bảng dự trù kinh phí kèm theo",
                      RESTORER, SKELETONS).scope == "whole"


def test_the_date_line_is_the_documents_own_date_when_the_request_gives_it_with_its_number():
    draft = _draft("soan cong van SYT Son La gui So Tai chinh de nghi bo sung kinh phi dip Tet, so CV 312/SYT-KHTC, "
                   "ngay 28/12/2026. PGD Lo Van Hai ky.").draft
    assert "Sơn La, ngày 28 tháng 12 năm 2026" in draft and "312/SYT-KHTC" in draft
    assert "ngày [ngày] tháng [tháng]" in _draft("Soạn công văn của Sở Y tế Sơn La đề nghị bổ sung kinh phí.").draft


def test_what_follows_the_label_that_opens_a_request_is_content():
    texts = [c.text for c in clauses("Dự trù kinh phí: tập huấn 2 lớp x 40 học viên x 3 ngày x 100.000 đồng; tài liệu 80 "
                                     "bộ x 50.000 đồng.") if not c.meta]
    assert texts[0].startswith("Tập huấn 2 lớp x 40 học viên") and len(texts) == 2


def test_a_plan_to_organise_a_training_course_is_an_event_plan():
    assert understand("soan ke hoach to chuc lop tap huan su dung phan mem quan ly tram y te, So Y te tinh Cao Bang, hoc 2 "
                      "ngay 19-20/11/2026", RESTORER, SKELETONS).name == "conference_plan"
    assert understand("Soạn kế hoạch đào tạo, tập huấn nhân lực y tế năm 2027 của Sở Y tế Cao Bằng", RESTORER,
                      SKELETONS).name == "implementation_plan"


def test_indicator_rows_typed_in_one_sentence_and_speakers_counted_in_a_programme():
    from assistant.draft.agenda import agenda_rows

    request = understand("lap bang chi tieu ke hoach 2027 SYT Hoa Binh: ty le tiem chung day du >= 95%, so giuong benh/10.000 "
                         "dan 32 giuong, ty le xa dat tieu chi quoc gia ve y te 90%", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [row[2:] for row in table[1:]] == [["%", "≥ 95"], ["giường", "32"], ["%", "90"]]
    request = understand("Lập bảng chương trình hội nghị của Sở Y tế Hòa Bình, bắt đầu 8h00 ngày 15/7/2027: đón tiếp 30 phút; "
                         "tham luận 3 đơn vị, mỗi đơn vị 15 phút; giải lao 15 phút", RESTORER, SKELETONS)
    assert [row[1] for row in agenda_rows(request, clauses(request.text))[1:]] == [
        "Đón tiếp", "Tham luận đơn vị 1", "Tham luận đơn vị 2", "Tham luận đơn vị 3", "Giải lao"]


def test_an_invitation_typed_without_marks_lists_those_invited_and_names_the_meeting_without_its_hour():
    request = understand("giay moi hop giao ban thang 5/2027 cua So Y te Bac Kan, 14g chieu thu Hai 03/5/2027 tai phong hop so 2 "
                         "So Y te. Kinh moi: truong cac phong chuc nang, giam doc BVDK tinh. GD Nong Van Tuan ky", RESTORER,
                         SKELETONS)
    assert request.participants == ["trưởng các phòng chức năng", "giám đốc Bệnh viện Đa khoa tỉnh"]
    assert request.subject == "Họp giao ban tháng 5/2027" and request.time == "14h00"
    draft = _draft("giay moi hop giao ban thang 5/2027 cua So Y te Bac Kan, 14g chieu thu Hai 03/5/2027 tai phong hop so 2 "
                   "So Y te. Kinh moi: truong cac phong chuc nang, giam doc BVDK tinh.").draft
    assert "**Dự họp giao ban tháng 5/2027**" in draft and "- Trưởng các phòng chức năng;" in draft


def test_signed_by_order_of_the_director_after_the_signers_name():
    request = understand("TB ket luan cua GD So Y te Quang Binh tai cuoc hop ngay 12/8/2027. Ket luan: CDC tang cuong giam sat. "
                         "CVP Tran Van An ky TL GD", RESTORER, SKELETONS)
    assert request.signature[:2] == ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]
    assert not any("ký TL" in c.text or "kỳ TL" in c.text for c in clauses(request.text) if not c.meta)


def test_a_letter_typed_without_marks_keeps_health_facilities_the_department_and_its_year():
    draft = _draft("Soan cong van SYT Nghe An gui cac benh vien truc thuoc ve viec tang cuong phong chong chay no tai co so "
                   "y te. Noi dung: to chuc dien tap PCCC truoc 30/6/2027; bao cao ket qua ve So truoc 15/7/2027.").draft
    assert "V/v tăng cường phòng chống cháy nổ tại cơ sở y tế" in draft and "về Sở trước 15/7/2027" in draft
    assert "năm 2027*" in draft


def test_a_review_report_named_by_its_kind_alone_says_its_periods():
    draft = _draft("Draft the year-end report (Báo cáo) of the Dak Lak Department of Health on health work in 2027 and "
                   "tasks for 2028, to the Provincial People's Committee. Results: 95.2% of children fully immunised.").draft
    assert "**Tổng kết công tác y tế năm 2027 và phương hướng, nhiệm vụ năm 2028**" in draft


@pytest.mark.parametrize("instruction, doc_type, scope, number", [
    # A verb of writing opens the request and only how to write it follows: the number is the document's own.
    ("Soạn trọn bộ BC số 118/BC-SYT ngày 05/3/2027 của Sở Y tế Kon Tum về công tác phòng, chống sốt rét quý I.",
     "report", "whole", "118/BC-SYT"),
    ("Please draft, in Vietnamese and with the full layout, report No. 77/BC-SYT of the Kon Tum Department of Health "
     "on measles vaccination.", "report", "whole", "77/BC-SYT"),
    # A linking word makes it a document referred to.
    ("Draft a letter replying to Notice No. 12/TB-VP of the Office of the Provincial People's Committee.",
     "official_letter", "whole", None),
    ("Draft the full implementation plan of the Kon Tum Department of Health for non-communicable disease "
     "prevention in 2027.", "implementation_plan", "whole", None),
    # A part asked for after the user says what they wrote already.
    ("BC của Sở Y tế Kon Tum về thiệt hại do bão số 3: phần đánh giá em viết rồi, nhờ viết phần III. KIẾN NGHỊ, "
     "đề nghị UBND tỉnh hỗ trợ kinh phí.", "report", "part", None),
    ("Invitation of the Kon Tum Department of Health to the hospital directors; the header and signature are done, "
     "write only the body, in Vietnamese: a working session on the 2028 estimates.", "invitation", "part", None),
    # "Kế hoạch No. 15/KH-SYT" does not end the sentence that says the plan is a conference's.
    ("Draft the plan (Kế hoạch No. 15/KH-SYT, full layout) of the Kon Tum Department of Health for the Pharmacy "
     "Scientific Conference 2027, held on 12/10/2027.", "conference_plan", "whole", "15/KH-SYT"),
    ("Thông báo kết luận của Giám đốc Sở Y tế Kon Tum tại buổi làm việc với các bệnh viện: phần mở đầu em có rồi, "
     "viết giúp phần nhiệm vụ giao (đánh số): 1. Bệnh viện tỉnh rà soát danh mục thuốc.", "notice_of_conclusions",
     "part", None),
])
def test_the_document_asked_for_is_told_from_those_it_names(instruction, doc_type, scope, number):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope, request.number) == (doc_type, scope, number)


def test_what_the_user_says_they_wrote_already_is_no_content():
    found = clauses("CV gửi UBND tỉnh. Phần đầu (quốc hiệu, kính gửi) và phần cuối em làm rồi. Lý do: số ca tăng 35%.")
    assert [c.text for c in found if not c.meta] == ["Số ca tăng 35%"]
    found = clauses("CV gửi UBND tỉnh. Phần đầu và Nơi nhận em có rồi, chỉ viết phần nội dung. Lý do: số ca tăng 35%.")
    assert [c.text for c in found if not c.meta] == ["Số ca tăng 35%"]
    found = clauses("TB kết luận. Lý do: số ca tăng 35%. Phần chỉ đạo cụ thể tôi tự viết.")  # what they will write
    assert [c.text for c in found if not c.meta] == ["Số ca tăng 35%"]
    # Lines pasted from a chat group, each headed by its unit in brackets; a note on what to leave out after them.
    found = clauses(prepared("Phần V KH hội nghị SYT Kon Tum, chị dán từ nhóm Zalo:\n[KHTC] dự trù kinh phí; thanh quyết toán"
                             "\n[CDC] báo cáo phòng chống dịch\nĐịa điểm đã đổi nhưng không cần nhắc.", RESTORER))
    assert [(c.unit, c.task) for c in found if not c.meta] == [
        ("Phòng Kế hoạch - Tài chính", "Dự trù kinh phí"), ("Phòng Kế hoạch - Tài chính", "Thanh quyết toán"),
        ("Trung tâm Kiểm soát bệnh tật", "Báo cáo phòng chống dịch")]


def test_a_part_asked_by_numeral_and_name_is_the_part_of_that_name():
    # The skeleton's part IV is the budget; the user's plan numbers it V, restored marks or not.
    result = _draft("KH tiem chung bo sung nam 2027 cua SYT Kon Tum, em can phan V. KINH PHI thoi. du tru: "
                    "ho tro can bo tiem 50 nguoi x 2 ngay x 100k")
    assert result.draft.startswith("### V. KINH PHÍ") and "10.000.000" in result.draft


def test_a_part_drafted_alone_lays_the_budget_it_gives_in_a_table_after_its_text():
    result = _draft("Công văn Sở Y tế Kon Tum gửi UBND tỉnh đề nghị bổ sung kinh phí phòng, chống dịch sốt xuất huyết. "
                    "Phần đầu và phần cuối em làm rồi, viết giúp phần nội dung chính: lý do: số ca tăng 40% so với cùng "
                    "kỳ; dự trù: phun hóa chất 20 người x 10 ngày x 200k; hóa chất: trọn gói 60 triệu.")
    assert result.scope == "part"
    text = result.draft
    assert "| Phun hóa chất | 20 | 10 | 200.000 | 40.000.000 |" in text
    assert "| Hóa chất | 1 | 1 | 60.000.000 | 60.000.000 |" in text
    assert "Một trăm triệu đồng" in text
    assert text.index("40%") < text.index("| Phun hóa chất")  # the reason first, then the table
    assert "trọn gói" not in text and "em làm" not in text


def test_an_acronym_opening_a_name_is_capitalised_and_none_is_read_inside_a_symbol():
    from assistant.vietnamese.glossary import terms_written_out

    assert terms_written_out("các BV công lập và BV Đa khoa tỉnh, BV TW Huế") == (
        "các bệnh viện công lập và Bệnh viện Đa khoa tỉnh, Bệnh viện Trung ương Huế")
    assert terms_written_out("Nghị quyết số 72-NQ/TW") == "Nghị quyết số 72-NQ/TW"


def test_several_units_typed_before_the_work_stay_as_typed():

    assert assignment("Các bệnh viện, Trung tâm Y tế khu vực đẩy mạnh triển khai bệnh án điện tử") == (
        "Các bệnh viện, Trung tâm Y tế khu vực", "Đẩy mạnh triển khai bệnh án điện tử")


def test_an_indicator_in_per_cent_is_named_a_rate():
    from assistant.draft.indicators import indicator_row

    assert indicator_row("phụ nữ đẻ được cán bộ y tế đỡ 99,5%")[:2] == ["Tỷ lệ phụ nữ đẻ được cán bộ y tế đỡ", "%"]
    assert indicator_row("tỷ lệ tiêm chủng đầy đủ: 95%")[0] == "tỷ lệ tiêm chủng đầy đủ"
    assert indicator_row("số giường bệnh/10.000 dân: 32")[0] == "số giường bệnh/10.000 dân"


@pytest.mark.parametrize("typed, block", [
    ("Kiến nghị bố trí vốn năm 2027. GĐ Sở Hồ Thị Minh Thu ký.", ["GIÁM ĐỐC", "", "Hồ Thị Minh Thu"]),
    ("Notice No. 512/TB-VP. Signed 'KT. Chief of Office / Deputy Chief of Office', Mai Thi Nga.",
     ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "Mai Thi Nga"]),
])
def test_the_signer_is_read_as_staff_type_it(typed, block):
    assert signature(typed, ["[chữ ký]"]) == (block, block[-1])


def test_a_part_named_with_what_it_holds_keeps_its_own_heading():
    result = _draft("BC của Sở Y tế Kon Tum về thiệt hại do bão: phần đánh giá em viết rồi, nhờ viết phần III. KIẾN NGHỊ, "
                    "có bảng dự trù: sửa chữa 3 trạm y tế: 60 triệu/trạm; hóa chất: trọn gói 20 triệu")
    assert result.draft.splitlines()[0] == "### III. ĐỀ XUẤT, KIẾN NGHỊ"  # the house style's name, not ", có bảng …"
    assert "| Sửa chữa 3 trạm y tế | 3 | 1 | 60.000.000 | 180.000.000 |" in result.draft


@pytest.mark.parametrize("instruction", [
    "Please draft an invitation (Giấy mời), full layout in Vietnamese, No. 14/GM-SYT of the Kon Tum Department of Health",
    "Please draft, in Vietnamese and with the full layout, invitation No. 14/GM-SYT of the Kon Tum Department of Health",
])
def test_how_a_request_wants_the_draft_written_is_no_word_of_it(instruction):
    from assistant.draft.prepare import prepared

    assert "layout" not in prepared(instruction, RESTORER) and "Vietnamese" not in prepared(instruction, RESTORER)


def test_a_budget_estimate_names_its_event_under_its_title():
    text = _draft("Lập bảng dự trù kinh phí Hội nghị tổng kết công tác dược năm 2027 của Sở Y tế Kon Tum, ngày "
                  "20/12/2027: ăn trưa 60 người x 1 ngày x 150.000đ; tài liệu 60 bộ x 30.000đ.").draft
    title = text.index("DỰ TRÙ KINH PHÍ")
    assert text.index("Hội nghị tổng kết công tác dược năm 2027 và triển khai nhiệm vụ năm 2028 (ngày 20/12/2027)") > title
    from assistant.draft.request import parse_request

    assert parse_request("Soạn kế hoạch Tập huấn (cán bộ phụ trách công nghệ thông tin").event == "Tập huấn"


def test_a_row_compared_with_the_same_period_gives_both_values_under_the_columns_named():
    from assistant.draft.indicators import indicator_row

    assert indicator_row("số cơ sở được kiểm tra 2310 cơ sở, cùng kỳ 1870") == ["số cơ sở được kiểm tra", "cơ sở", "2.310", "1.870"]
    text = _draft("bảng số liệu sốt xuất huyết quý II/2027 so với cùng kỳ 2026, kèm BC quý của SYT Kon Tum. số liệu: số ca "
                  "mắc quý này 120 ca, cùng kỳ 95 ca; tỷ lệ ổ dịch được xử lý 98%, cùng kỳ 96%. Cột: TT, chỉ tiêu, ĐVT, "
                  "quý II/2027, cùng kỳ 2026.").draft
    assert "| TT | Chỉ tiêu | ĐVT | Quý II/2027 | Cùng kỳ 2026 |" in text
    assert "| 1 | Số ca mắc | ca | 120 | 95 |" in text and "| 2 | Tỷ lệ ổ dịch được xử lý | % | 98 | 96 |" in text


def test_participants_listed_in_brackets_after_the_word_are_those_in_the_brackets():
    from assistant.draft.request import parse_request

    request = parse_request("Viết phần mở đầu TB kết luận: nêu thành phần (Ban Giám đốc Sở, thủ trưởng các đơn vị trực "
                            "thuộc), đánh giá chung kết quả (12/15 chỉ tiêu đạt) và hạn chế")
    assert request.participants == ["Ban Giám đốc Sở", "thủ trưởng các đơn vị trực thuộc"]


def test_the_part_asked_for_is_the_one_after_the_verb_and_its_listed_name_heads_it():
    # The layout listed first and the part already written are no request: "viết tiếp phần II" is.
    request = understand("Thông báo kết luận của Giám đốc Sở Y tế Kon Tum tại Hội nghị sơ kết 6 tháng đầu năm 2027 gồm "
                         "hai phần: I. Đánh giá chung; II. Nhiệm vụ 6 tháng cuối năm 2027. Phần I đã xong, viết tiếp "
                         "phần II. Các ý: 1. CDC tỉnh theo dõi sốt xuất huyết; 2. Phòng KHTC hướng dẫn lập dự toán.",
                         RESTORER, SKELETONS)
    assert (request.name, request.scope, request.scope_part) == ("notice_of_conclusions", "part", "ii")
    draft = _draft(request.text).draft
    assert "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2027" in draft
    assert "Đánh giá chung" not in draft and "viết tiếp" not in draft and "sốt xuất huyết" in draft


def test_a_table_attached_to_a_numbered_document_is_that_documents():
    request = understand("Chỉ lập bảng danh sách đại biểu mời kèm Giấy mời số 33/GM-SYT của Sở Y tế Kon Tum dự Hội nghị "
                         "triển khai công tác y tế năm 2027. Mời: đại diện Công an tỉnh; Giám đốc CDC tỉnh.",
                         RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("invitation", "table")


def test_a_listed_part_keeps_what_it_holds_as_content():
    found = clauses("Soạn kế hoạch năm 2027. Bố cục: I. Mục đích; II. Mục tiêu – đến năm 2030: 100% trạm có bác sĩ; "
                    "III. Tổ chức thực hiện.")
    content = [c.text for c in found if not c.meta]
    assert len(content) == 1 and "100% trạm có bác sĩ" in content[0]


def test_a_participants_table_counts_each_entry_and_totals_them():
    request = understand("Chỉ cần bảng danh sách thành phần mời (cột TT, đơn vị, số lượng, ghi chú) kèm Kế hoạch hội nghị "
                         "tổng kết năm 2027 của Sở Y tế Kon Tum. Thành phần: lãnh đạo UBND tỉnh 1; Phòng KHTC 3; "
                         "9 bệnh viện tuyến tỉnh mỗi đơn vị 2 người; Trung tâm Cấp cứu 115 2 người.", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("conference_plan", "table")
    draft = _draft(request.text).draft
    assert "| TT | Đơn vị | Số lượng | Ghi chú |" in draft
    assert "| 3 | Bệnh viện tuyến tỉnh (9 đơn vị) | 18 | 9 đơn vị x 2 người |" in draft
    assert "| 4 | Trung tâm Cấp cứu 115 | 2 |  |" in draft and "| Tổng cộng | 24 |" in draft


def test_those_invited_keep_their_names_commas_and_titles_apart_from_units():
    request = understand("Chỉ lập bảng danh sách đại biểu mời (TT, Họ tên/chức vụ, Đơn vị, Ghi chú) kèm Giấy mời số "
                         "33/GM-SYT của Sở Y tế Kon Tum. Mời: Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch; Trưởng phòng "
                         "Nghiệp vụ Y.", RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert "(Kèm theo Giấy mời số 33/GM-SYT)" in draft
    assert "| 1 | Phó Giám đốc | Sở Văn hóa, Thể thao và Du lịch |  |" in draft
    assert "| 2 | Trưởng phòng | Phòng Nghiệp vụ Y |  |" in draft


@pytest.mark.parametrize("instruction, governing", [
    ("soan cong van cua So Y te TP.HCM gui cac benh vien V/v phong chong dich soi.", "UBND THÀNH PHỐ HỒ CHÍ MINH"),
    ("Soạn công văn của Sở Y tế Hà Nội gửi các bệnh viện V/v phòng, chống dịch sởi.", "UBND THÀNH PHỐ HÀ NỘI"),
    ("Soạn công văn của Sở Y tế tỉnh Kon Tum gửi các bệnh viện V/v phòng, chống dịch sởi.", "UBND TỈNH KON TUM"),
])
def test_a_centrally_governed_city_is_governed_by_its_city_committee(instruction, governing):
    assert f"**{governing}**" in _draft(instruction).draft


def test_the_documents_own_symbol_tells_its_type_where_its_words_say_only_van_ban():
    request = understand("Sáng 10/6/2027 Phó Giám đốc Sở kiểm tra Trung tâm Y tế khu vực về tiêm chủng. Soạn văn bản gửi "
                         "các đơn vị thông báo ý kiến kết luận, số 145/TB-SYT ngày 14/6/2027, đủ thể thức.", RESTORER,
                         SKELETONS)
    assert (request.name, request.scope, request.number) == ("notice_of_conclusions", "whole", "145/TB-SYT")


def test_an_item_of_an_invitation_is_a_section_of_it():
    request = understand("Giấy mời họp giao ban tháng 10/2027 của Sở Y tế An Giang: viết giúp mục Thời gian, địa điểm "
                         "thôi: 14 giờ 30 ngày 14/10/2027 tại Phòng họp tầng 2 Sở Y tế.", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("invitation", "section")
    assert "**1. Thời gian, địa điểm**" in _draft(request.text).draft


def test_a_rate_column_is_worked_out_from_each_rows_count_and_part():
    request = understand("Cho Báo cáo tổng kết tiêm chủng năm 2026 của Sở Y tế Kon Tum, chỉ cần bảng (TT, Vắc xin, ĐVT, "
                         "Số đối tượng, Số được tiêm, Tỷ lệ %, làm tròn 1 chữ số thập phân): BCG 16.400 trẻ, tiêm 16.118; "
                         "DPT mũi 4 trẻ 18 tháng 15.900, tiêm 14.655.", RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert "| TT | Vắc xin | ĐVT | Số đối tượng | Số được tiêm | Tỷ lệ % |" in draft
    assert "| 1 | BCG | trẻ | 16.400 | 16.118 | 98,3 |" in draft
    assert "| 2 | DPT mũi 4 trẻ 18 tháng tuổi |  | 15.900 | 14.655 | 92,2 |" in draft


def test_a_task_table_typed_in_prose_gives_each_item_its_task_units_and_deadline():
    request = understand("Chỉ cần bảng phân công kèm Thông báo kết luận giao ban tháng 1/2027 của Sở Y tế Kon Tum (cột: TT, "
                         "Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn): 1. cập nhật kịch bản đáp ứng – CDC tỉnh, "
                         "phối hợp Phòng Nghiệp vụ Y, trước ngày 29/01/2027; 2. truyền thông – CDC tỉnh cùng Báo Kon Tum, "
                         "thường xuyên; 3. lập khu cách ly – các bệnh viện tuyến tỉnh, từ ngày 01/02/2027.",
                         RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |" in draft
    assert "| 1 | Cập nhật kịch bản đáp ứng | Trung tâm Kiểm soát bệnh tật tỉnh | Phòng Nghiệp vụ Y | 29/01/2027 |" in draft
    assert "| Thường xuyên |" in draft and "| Từ 01/02/2027 |" in draft


def test_a_rate_asked_in_running_text_is_worked_out_against_the_count_it_is_part_of():
    text = prepared("Soạn Báo cáo của Sở Y tế Kon Tum về cải cách hành chính quý I năm 2027: tiếp nhận 1.246 hồ sơ, giải "
                    "quyết đúng hạn 1.231 hồ sơ (tự tính tỷ lệ, 1 chữ số thập phân).", RESTORER)
    assert "giải quyết đúng hạn 1.231 hồ sơ (đạt 98,8%)" in text
    # A part over its whole, typed with a slash or "trên tổng số"; a fall on the same period a year before.
    text = prepared("Báo cáo 6 tháng SYT Kon Tum: 95/102 xã có bác sĩ (tính tỷ lệ); 410.000 người được quản lý sức khỏe "
                    "trên tổng dân số 580.000 người (tính tỷ lệ); 620 ca sốt xuất huyết, cùng kỳ năm trước 800 ca (tính "
                    "tỷ lệ giảm so với cùng kỳ).", RESTORER)
    assert "102 xã có bác sĩ (đạt 93,1%)" in text
    assert "580.000 người (đạt 70,7%)" in text
    assert "800 ca (giảm 22,5% so với cùng kỳ)" in text
    # A rate indicator's value given as a part over its whole is the rate; a count indicator's stays a count.
    text = prepared("Bảng chỉ tiêu SYT Kon Tum năm 2027. Tỷ lệ trẻ được tiêm đủ: KH 95%, thực hiện 7.410 trẻ được tiêm "
                    "trên tổng số 7.800 trẻ. Số trẻ được tiêm đủ: thực hiện 7.410 trẻ trên 7.800 trẻ.", RESTORER)
    assert "thực hiện 95,0%." in text and "Số trẻ được tiêm đủ: thực hiện 7.410 trẻ trên 7.800 trẻ" in text


@pytest.mark.parametrize("instruction, doc_type, scope", [
    # A section asked by its name after "viết tiếp", the part before it written already.
    ("KH cua So Y te Kon Tum trien khai Chuong trinh tiem chung mo rong nam 2027: phan muc tieu chung co roi, viet tiep "
     "muc tieu cu the: 95% tre duoi 1 tuoi duoc tiem chung day du.", "implementation_plan", "section"),
    # A reminder to units that they report is a letter, not the report.
    ("Sở Y tế Kon Tum nhắc các bệnh viện trực thuộc kiểm kê trang thiết bị y tế hỏng, báo cáo danh mục và đề xuất sửa "
     "chữa về Sở trước ngày 15/10/2027.", "official_letter", "whole"),
    ("soan tb y kien ket luan cua pho giam doc so yt kon tum tai cuoc hop chieu 19/10/2027 (hop theo giay moi so "
     "77/gm-syt). ket luan: benh vien da khoa tinh tang 20 giuong luu cap cuu.", "notice_of_conclusions", "whole"),
    ("The schedule to go with the invite for the Kon Tum DOH briefing on 02/12/2027, from 8:00: welcome; opening; "
     "closing at 11:00. I only need the rundown table.", "invitation", "table"),
    ("Kon Tum DOH plan for the review conference on 16/12/2027: I've done everything up to the money part. Now write "
     "the bit on who does what, the last numbered part: Văn phòng Sở sends the invitations.", "conference_plan", "part"),
    ("Công văn của Sở Y tế Kon Tum gửi UBND các xã về phòng, chống bệnh ho gà: em có 4 ý đề nghị rồi, chỉ thiếu đoạn "
     "dẫn mở đầu. Đoạn đó nêu căn cứ Công điện số 12/CĐ-UBND.", "official_letter", "part"),
    ("Công văn hướng dẫn của Sở Y tế Kon Tum về tiêm vắc xin cúm, phần II có 2.1. Đối tượng, 2.2. Bảo quản. Nhờ viết "
     "giúp 2.2: bảo quản ở 2-8°C.", "official_letter", "section"),
    ("KH tổ chức Hội thảo trí tuệ nhân tạo trong chẩn đoán hình ảnh năm 2027 của Sở Y tế Kon Tum có bố cục: I. Mục "
     "đích; II. Nội dung; III. Kinh phí. Chị chỉ cần mục 4 của phần II: tham luận của các bệnh viện.",
     "conference_plan", "section"),
    ("Kèm theo Giấy mời số 131/GM-SYT của Sở Y tế Kon Tum, lập giúp chương trình dạng bảng: 13h30 đón đại biểu; "
     "14h00 khai mạc.", "invitation", "table"),
    ("Giấy mời tập huấn của Sở Y tế Kon Tum ngày 23/11/2027: chỉ cần đoạn về ai đi dự. Mỗi Trung tâm Y tế khu vực "
     "cử 01 lãnh đạo.", "invitation", "section"),
    ("GM họp Hội đồng sáng kiến của Sở Y tế Kon Tum: chỉ soạn phần thành phần thôi: Giám đốc Sở, các thành viên.",
     "invitation", "part"),
    ("Sở Y tế Kon Tum mở lớp tập huấn 2 ngày cho 90 bác sĩ. Soạn giúp KH tổ chức lớp này, đủ thể thức.",
     "conference_plan", "whole"),
])
def test_type_and_scope_said_indirectly(instruction, doc_type, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == (doc_type, scope)


def test_notes_on_what_is_written_are_no_content_and_a_shortage_is():
    found = clauses("Công văn của Sở Y tế Kon Tum về phòng, chống ho gà: em có 4 ý đề nghị rồi, chỉ thiếu đoạn dẫn mở "
                    "đầu. Tuyến xã còn thiếu 126 bác sĩ.")
    assert [c.text for c in found if not c.meta] == ["Tuyến xã còn thiếu 126 bác sĩ"]


def test_what_the_request_asks_of_the_assistant_is_no_content():
    found = clauses("BC kết quả kiểm tra vệ sinh thực phẩm quý II/2028 của SYT Kon Tum: kiểm tra 400 cơ sở, 380 cơ sở đạt; "
                    "tính tỷ lệ đạt giúp em; nêu hạn chế và kiến nghị.")
    assert [c.text for c in found if not c.meta] == ["Kiểm tra 400 cơ sở, 380 cơ sở đạt"]


def test_a_notice_is_titled_with_what_the_meeting_was_about_and_titles_typed_short_are_written_out():
    request = understand("thông báo kết luận của đồng chí Lê Văn Nam, PCT UBND tỉnh tại buổi làm việc với Sở Y tế ngày "
                         "12/3/2028 về tiến độ xây dựng Bệnh viện Ung bướu tỉnh Kon Tum: giao Sở Y tế hoàn thiện hồ sơ.",
                         RESTORER, SKELETONS)
    assert request.chair == "Đồng chí Lê Văn Nam, Phó Chủ tịch UBND tỉnh"
    assert request.event == "Buổi làm việc với Sở Y tế về tiến độ xây dựng Bệnh viện Ung bướu tỉnh Kon Tum"


def test_words_shortened_as_in_a_chat_are_written_out():
    assert chat_written_out("ko có tử vong; 100% ổ dịch đc xử lý trc 30/6 vs sự hỗ trợ của CDC") == \
        "không có tử vong; 100% ổ dịch được xử lý trước 30/6 với sự hỗ trợ của CDC"
    assert chat_written_out("ăn trưa 90 người x 150k; số 12/DC-SYT; phụ lục K") == "ăn trưa 90 người x 150k; số 12/DC-SYT; phụ lục K"


def test_a_section_asked_by_number_is_titled_from_the_layout_and_the_layout_is_no_content():
    request = understand("Công văn hướng dẫn của Sở Y tế Kon Tum về tiêm vắc xin cúm, phần II. Nội dung có 2.1. Đối tượng, "
                         "2.2. Bảo quản, vận chuyển vắc xin. Nhờ viết giúp 2.2: bảo quản ở 2-8°C; vận chuyển bằng hòm lạnh.",
                         RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert draft.startswith("**2.2. Bảo quản**") and "Đối tượng" not in draft and "hòm lạnh" in draft


def test_the_opening_of_a_letter_asked_alone_goes_without_its_address_line():
    draft = _draft("Công văn của Sở Y tế Kon Tum gửi UBND các xã về phòng, chống ho gà: chỉ thiếu đoạn dẫn mở đầu. Đoạn "
                   "đó nêu căn cứ Công điện số 12/CĐ-UBND ngày 18/10/2027 của Chủ tịch UBND tỉnh.").draft
    assert "Kính gửi" not in draft and "12/CĐ-UBND" in draft


def test_a_task_table_named_by_its_columns_reads_items_with_their_units_in_brackets():
    request = understand("Phụ lục kèm KH triển khai chuyển đổi số năm 2028 của Sở Y tế Kon Tum: lập giúp danh mục nhiệm vụ "
                         "dạng bảng (TT, nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp, thời gian hoàn thành). Nhiệm vụ: triển "
                         "khai hồ sơ sức khỏe điện tử (Phòng Nghiệp vụ Y chủ trì, Công an tỉnh phối hợp, quý III/2028); "
                         "dự thảo báo cáo (Văn phòng Sở, xong trước 12/12/2028). Chỉ cái bảng thôi nhé.", RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert "| 1 | Triển khai hồ sơ sức khỏe điện tử | Phòng Nghiệp vụ Y | Công an tỉnh | Quý III/2028 |" in draft
    assert "| 2 | Dự thảo báo cáo | Văn phòng Sở |  | 12/12/2028 |" in draft


def test_a_count_per_unit_table_lays_out_each_item_and_its_total():
    request = understand("Bảng phân bổ vắc xin uốn ván đợt 4/2027 gửi kèm CV của Sở Y tế Kon Tum (TT, đơn vị, số liều, ghi "
                         "chú): Trung tâm Y tế khu vực Đắk Hà 1.200 liều; Sa Thầy 950 liều; có tổng cộng. Cái bảng thôi.",
                         RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert draft.startswith("### BẢNG PHÂN BỔ VẮC XIN UỐN VÁN ĐỢT 4/2027")
    assert "| 2 | Sa Thầy | 950 |  |" in draft and "|  | Tổng cộng | 2.150 |  |" in draft


@pytest.mark.parametrize("typed, heading", [
    ("Viết giúp mục 2 phần I 'Công tác khám bệnh, chữa bệnh' của Báo cáo năm 2027 ngành y tế Kon Tum: tổng lượt khám "
     "1.420.000 lượt.", "**2. Công tác khám bệnh, chữa bệnh**"),
    ("CV hướng dẫn xây dựng dự toán năm 2028 của Sở Y tế Kon Tum có 4 điểm; soạn giúp điểm 2 'Về thời gian và hình thức "
     "gửi hồ sơ': các đơn vị gửi dự toán trước ngày 05/01/2028.", "**2. Về thời gian và hình thức gửi hồ sơ**"),
])
def test_a_sections_title_in_quotes_is_taken_whole(typed, heading):
    assert _draft(typed).draft.startswith(heading)


def test_an_english_invitation_names_those_invited_before_what_they_are_invited_to():
    request = understand("We need an invitation from Sở Y tế Kon Tum inviting the directors of the Trung tâm Y tế khu vực "
                         "and the heads of the Trạm Y tế xã to the training workshop, at 7h30 on 16/12/2027 at the "
                         "hall of the Department. Signed by Deputy Director Lâm Văn Tài.", RESTORER, SKELETONS)
    assert len(request.participants) == 2 and "Trung tâm Y tế khu vực" in request.participants[0]
    assert "Trạm Y tế xã" in request.participants[1] and request.event and "Trạm" not in request.event


def test_a_review_conference_named_without_what_it_launches_is_named_in_full():
    request = understand("Lập bảng dự trù kinh phí cho Hội nghị sơ kết công tác y tế 6 tháng đầu năm 2027 của Sở Y tế Kon "
                         "Tum: nước uống 120 người x 30.000đ; tài liệu 120 bộ x 40.000đ.", RESTORER, SKELETONS)
    assert request.event == ("Hội nghị sơ kết công tác y tế 6 tháng đầu năm 2027 và triển khai nhiệm vụ 6 tháng cuối năm "
                             "2027")
    named = understand("Soạn kế hoạch Hội nghị tổng kết năm 2027 và triển khai nhiệm vụ năm 2028 của Sở Y tế Kon Tum.",
                       RESTORER, SKELETONS)
    assert named.event.count("triển khai") == 1


def test_budget_lines_are_named_without_the_words_joining_them_to_the_sentence():
    from assistant.draft.tables import cost_lines

    lines = cost_lines(["Hội nghị 120 đại biểu, họp 1 ngày, nên tính nước uống giữa giờ 120 người x 1 ngày x 30.000đ",
                        "ngoài ra bồi dưỡng 6 báo cáo viên x 500.000đ"])
    assert [line.item for line in lines] == ["Nước uống giữa giờ", "Bồi dưỡng báo cáo viên"]


def test_a_shortfall_column_is_worked_out_from_the_counts_each_put_under_the_column_it_names():
    request = understand("Lập giúp bảng nhân lực theo tuyến kèm BC của Sở Y tế Kon Tum (TT, tuyến, số hiện có, định biên, "
                         "số còn thiếu): tuyến tỉnh 1.250 hiện có trên 1.400 định biên; trạm y tế 2.300 định biên, 2.120 "
                         "hiện có; có dòng tổng cộng. Chỉ cần bảng.", RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert "| 1 | Tuyến tỉnh | 1.250 | 1.400 | 150 |" in draft and "| 2 | Trạm y tế | 2.120 | 2.300 | 180 |" in draft
    assert "|  | Tổng cộng | 3.370 | 3.700 | 330 |" in draft


def test_the_remaining_part_is_the_last_one_listed_and_a_quarters_numeral_ends_the_listing():
    request = understand("TB kết luận của Giám đốc Sở Y tế Kon Tum tại giao ban quý III/2027 có 2 phần: I. Đánh giá chung; "
                         "II. Nhiệm vụ trọng tâm quý IV. Phần đầu, phần I và phần ký tên mình làm rồi, nhờ viết phần còn "
                         "lại: đẩy nhanh tiêm chủng; các Trung tâm Y tế khu vực khám sức khỏe người cao tuổi trước "
                         "15/12/2027.", RESTORER, SKELETONS)
    assert (request.scope, request.scope_part) == ("part", "ii")
    draft = _draft(request.text).draft
    assert draft.startswith("### II. NHIỆM VỤ TRỌNG TÂM QUÝ IV\n") and "15/12/2027" in draft and "chủ trì" not in draft


def test_english_notes_on_the_drafting_are_no_content_and_the_money_part_is_the_funding_part():
    request = understand("Kon Tum DOH plan (KH) implementing the programme on health care for the elderly in 2028: parts "
                         "I-III and V are done. Write only the money part, in Vietnamese: total VND 1,860,000,000 from "
                         "the 2028 provincial budget.", RESTORER, SKELETONS)
    draft = _draft(request.text).draft
    assert draft.startswith("### IV. KINH PHÍ") and "are done" not in draft and "1.860.000.000" in draft


def test_several_counts_per_item_are_totalled_column_by_column_and_a_budget_stays_a_budget():
    request = understand("BC kiểm tra an toàn thực phẩm Tết 2028 của Sở Y tế Kon Tum cần bảng tổng hợp theo đoàn (TT, đoàn "
                         "kiểm tra, số cơ sở kiểm tra, số cơ sở vi phạm, số tiền phạt): Đoàn liên ngành tỉnh 64 cơ sở, 9 vi "
                         "phạm, 38.500.000 đồng; các đoàn cấp xã 540 cơ sở, 47 vi phạm, 42.250.000 đồng; có dòng tổng cộng. "
                         "Em chỉ cần cái bảng.", RESTORER, SKELETONS)
    assert "|  | Tổng cộng | 604 | 56 | 80.750.000 |" in _draft(request.text).draft
    budget = _draft("Soạn giúp bảng dự trù kinh phí kèm công văn của Sở Y tế Kon Tum (TT, nội dung, số người, số ngày, "
                    "định mức, thành tiền): phụ cấp trực dịch: 1250 người x 24 ngày x 150.000 đồng; công tác phí: 18 người "
                    "x 30 ngày x 200.000 đồng.").draft
    assert "4.500.000.000" in budget and "Bằng chữ" in budget


def test_the_rest_of_a_total_is_what_the_other_sources_leave():
    assert funding_sources("Tổng kinh phí 1.860.000.000 đồng, trong đó ngân sách tỉnh 1.500.000.000 đồng, phần còn lại "
                           "từ nguồn thu dịch vụ khám sức khỏe.") == (
        1860000000, [("Ngân sách tỉnh", 1500000000), ("Nguồn thu dịch vụ khám sức khỏe", 360000000)])
    # After "of which" a figure's unit may have gone with the total.
    assert funding_sources("Total VND 1.860.000.000, of which 1.500.000.000 from the provincial budget and the rest "
                           "from health insurance.")[1][1] == ("Health insurance", 360000000)


def test_an_invitation_says_who_chairs_once_and_its_list_of_those_invited_ends_at_the_next_label():
    typed = ("giay moi hop giao ban cong tac tiem chung\n- thoi gian: 8h ngay 14/04/2027\n- dia diem: phong hop so 1 "
             "SYT Quang Tri\n- thanh phan: lanh dao CDC, TTYT cac huyen\n- chu tri: PGD So Le Van Binh\n"
             "de nghi CDC chuan bi bao cao tinh hinh tiem chung")
    text = _draft(typed).draft
    invited = text.split("**Thành phần**")[1].split("**Nội dung**")[0]
    assert "Chủ trì" not in invited and "Đề nghị" not in invited
    # Said once, in the line that says who chairs (a name typed without marks is compared without them).
    assert fold(text).count("le van binh") == 1 and "- chu tri: pho giam doc so le van binh." in fold(text)
    assert "Đề nghị Trung tâm Kiểm soát bệnh tật chuẩn bị báo cáo" in text
    chaired = _draft("Draft an invitation to the quarterly immunisation briefing at 14:00 on 10/03/2027, Meeting Room 1 "
                     "of the Quảng Trị Department of Health, chaired by Deputy Director Lê Thị Hoa.").draft
    assert "Chủ trì: " in chaired and "Lê Thị Hoa" in chaired


def test_a_budget_table_alone_names_the_document_it_goes_with():
    draft = _draft("Lập bảng dự toán kinh phí kèm Kế hoạch phòng, chống bệnh dại năm 2027 của Sở Y tế Gia Lai, paste từ file "
                   "cũ: tờ rơi 2.000 tờ x 1.500đ; tập huấn 60 người x 1 ngày x 150.000đ. Chỉ cần bảng.").draft
    assert "(Kèm theo Kế hoạch phòng, chống bệnh dại năm 2027 của Sở Y tế Gia Lai)" in draft
    # A table asked for without naming the document it goes with names none.
    assert "Kèm theo" not in _draft("Lập bảng dự trù kinh phí: tờ rơi 1.000 tờ x 2.000đ; băng rôn 5 cái x 350k.").draft


def test_a_part_or_a_section_alone_says_which_document_it_belongs_to():
    part = _draft("KH triển khai chiến dịch tiêm bổ sung vắc xin sởi - rubella năm 2027 của Sở Y tế Kon Tum, các phần khác "
                  "xong rồi. Viết riêng phần TỔ CHỨC THỰC HIỆN: CDC tiếp nhận và phân bổ vắc xin trước 05/3/2027.")
    lines = part.draft.split("\n")
    heading = next(n for n, line in enumerate(lines) if "TỔ CHỨC THỰC HIỆN" in line)
    # Under its heading, the document as the request names it, without the remark typed after it.
    assert "(Thuộc Kế hoạch triển khai chiến dịch tiêm bổ sung vắc xin sởi - rubella năm 2027 của Sở Y tế Kon Tum)" in \
        [line for line in lines[heading + 1:] if line.strip()][:1]
    # "rubella" is the user's own term in a Vietnamese request: no English word to translate.
    assert not any("tiếng Anh" in w for w in part.warnings)
    # The layout said after the summary line is no part of it.
    section = _draft("Báo cáo kết quả công tác quản lý chất thải y tế năm 2027 gồm 5 phần của Sở Y tế Kon Tum, viết giúp "
                     "mục 2 Công tác thu gom: 100% cơ sở ký hợp đồng thu gom.").draft
    assert "(Thuộc Báo cáo kết quả công tác quản lý chất thải y tế năm 2027 của Sở Y tế Kon Tum)" in section
    # An English request's summary line, in Vietnamese order when the glossary reads all of it.
    english = _draft("Need only part IV (funding) of Kon Tum DOH's plan for the 2027 measles-rubella catch-up vaccination "
                     "campaign: provincial budget, training 120 people x 2 days x 200k.").draft
    assert "(Thuộc Kế hoạch chiến dịch tiêm vắc xin bổ sung sởi - rubella năm 2027 của Sở Y tế Kon Tum)" in english
    # "in 2027" is said the house style's way.
    assert "năm 2027" in _draft("For our report to the Ministry of Health on the grassroots health network in Thai Nguyen, "
                                "draft only the part on recommendations: support VND 12 billion for equipment in 2027.").draft
    # A letter's part that opens with what it is about says it once.
    letter = _draft("Công văn của Sở Y tế Kon Tum về phòng, chống bệnh ho gà: chỉ viết phần nội dung chính: đề nghị các "
                    "trạm y tế rà soát tiêm chủng.").draft
    assert "Thuộc" not in letter
    request = understand("Trong KH tổ chức Hội nghị sơ kết công tác y tế học đường tỉnh Gia Lai, phần IV gồm 1. Nguồn kinh phí "
                         "và 2. Dự trù kinh phí. Viết giúp mục 2 thôi.", RESTORER, SKELETONS)
    assert request.subject == "Tổ chức Hội nghị sơ kết công tác y tế học đường tỉnh Gia Lai"


def test_a_budget_counts_what_its_rates_are_per_from_the_rest_of_the_request():
    draft = _draft("Lập bảng dự trù kinh phí lớp tập huấn của Sở Y tế Nam Định từ ngày 12 đến 14/5/2026 cho 40 học viên. "
                   "Chi: tiền ăn 150k/người/ngày; giải khát 2 buổi/ngày x 20k/người/buổi; tài liệu 1 bộ/người x 50k; "
                   "hỗ trợ giường lưu 2 giường mỗi trạm x 5 trạm x 3.500.000đ/giường.").draft
    # 40 × 3 days; 40 × (2 a day × 3 days); one set for each of the 40; 2 beds at each of the 5 stations, counted once.
    for amount in ("18.000.000", "4.800.000", "2.000.000", "35.000.000", "59.800.000"):
        assert amount in draft


def test_breaks_twice_a_day_run_every_day_of_the_event():
    draft = _draft("Budget table only for the Thai Binh health department's 2-day training on vaccine cold chain: lunch "
                   "for 60 participants at VND 150,000 per person per day; tea breaks twice a day at VND 25,000 per "
                   "person per break; hall rental VND 4 million per day.").draft
    assert "| Giải khát giữa giờ | 60 | 4 | 25.000 | 6.000.000 |" in draft and "32.000.000" in draft


def test_the_summary_line_ends_before_the_writer_speaks_of_themselves():
    request = understand("KH phòng chống sốt xuất huyết năm 2027 của SYT Long An em viết xong rồi, anh làm giúp mỗi cái bảng "
                         "dự trù kinh phí thôi: tờ rơi 1.000 tờ x 2.000đ.", RESTORER, SKELETONS)
    assert request.subject == "Phòng chống sốt xuất huyết năm 2027"


def test_names_typed_without_marks_sign_with_their_marks_and_the_draft_says_it_marked_them():
    draft = _draft("soan thong bao ket luan cua pho giam doc So Y te Khanh Hoa tai cuoc hop ngay 10/6/2027 ve tiem chung. "
                   "Ket luan: CDC tang cuong giam sat. ky TL. Giam doc, Chanh Van phong Le Hoang Phuc.")
    assert "**CHÁNH VĂN PHÒNG**" in draft.draft and "**Lê Hoàng Phúc**" in draft.draft
    assert any("Lê Hoàng Phúc" in warning for warning in draft.warnings)
    english = _draft("Draft an invitation from the Kon Tum Department of Health to the mid-year review conference on "
                     "10/7/2027 at 8:00, hall of the Department. Signed by Deputy Director Vu Duc Anh.").draft
    assert "Vũ Đức Anh" in english and "Vu Duc Anh" not in english


def test_shorthand_typed_without_marks_is_written_out_not_restored_as_words():
    text = prepared("soan tb ket luan cua pgd syt Vu Duc Anh ngay 18/09/2026. chi dao: phong nvy theo doi, bc gd so; "
                    "gui bc ubnd tinh. tl gd, chanh vp Nguyen Thi Yen ky", RESTORER)
    assert text.startswith("soạn thông báo kết luận của Phó Giám đốc Sở Y tế Vũ Đức Anh")
    assert "báo cáo Giám đốc" in text and "báo cáo UBND tỉnh" in text
    assert "kinh phí Chương trình mục tiêu quốc gia" in prepared("nguon: ngan sach tinh va kinh phi ctmtqg", RESTORER)
    assert text.endswith("TL. Giám đốc, Chánh Văn phòng Nguyễn Thị Yến ký")
    assert "/BC-SYT" in prepared("gui bao cao so 12/BC-SYT ve so y te truoc ngay 10/1/2027", RESTORER)


def test_a_total_typed_wrong_is_not_written_and_the_draft_warns_with_the_computed_one():
    result = _draft("Soạn công văn của Sở Y tế Hưng Yên gửi Sở Tài chính đề nghị bổ sung kinh phí tập huấn năm 2026, kèm "
                    "dự trù: hội trường 2 ngày × 3.500.000đ; ăn trưa 150 người × 2 ngày × 120.000đ. Tổng anh em tính ra "
                    "40.000.000đ, nhờ kiểm tra lại giúp. Giám đốc Sở Đặng Thị Thu Hà ký.")
    assert "40.000.000" not in result.draft and "| 43.000.000 |" in result.draft
    # A letter has no funding part: its body says the total once, the lines stand in the annexed estimate.
    assert "Tổng kinh phí: 43.000.000 đồng (Bằng chữ: Bốn mươi ba triệu đồng), chi tiết tại Phụ lục kèm theo" in result.draft
    assert "- Ăn trưa 150 người" not in result.draft
    assert any("40.000.000 đồng" in w and "43.000.000 đồng" in w for w in result.warnings)
    plan = _draft("syt son la can kh to chuc hn so ket 6 thang dau nam 2026 ngay 10/07/2026. du tru: thue hoi truong 2 tr, "
                  "nuoc uong 110ng x 2 buoi x 20k. tong 5.000.000. gd Bui Quang Huy ky").draft
    assert "| 4.400.000 |" in plan and "| 2.000.000 |" in plan and "5.000.000" not in plan
    assert "**Bùi Quang Huy**" in plan


@pytest.mark.parametrize("typed, people, days, rate", [
    # Sessions counted for each day of the line: 2 days × 2 sessions.
    ("nước uống 50 người, 2 ngày, 2 buổi/ngày, 20.000 đồng/người/buổi", 50, 4, 20_000),
    ("giải lao for 50 người, 2 days, 2 sessions a day, 20 nghìn per person per session", 50, 4, 20_000),
    # A rate with its scale word and per day, the people counted in the line.
    ("ăn trưa cho 45 học viên, 2 ngày, 100 nghìn/ngày", 45, 2, 100_000),
])
def test_sessions_a_day_and_rates_per_day_count_what_the_line_gives(typed, people, days, rate):
    [line] = cost_lines([typed], context=typed)
    assert (line.people, line.days, line.rate) == (people, days, rate)


def test_an_english_budget_reads_money_without_a_currency_months_and_titles():
    text = prepared("Budget table for the Ca Mau Department of Health training: hall rental 2,000,000 per day for 2 days; "
                    "lecturer fees 2 lecturers x 2 days x 1,000,000 VND; results of the first 10 months of 2026; "
                    "conclusions of the Vice Chairwoman.", RESTORER)
    assert "2.000.000 đồng per day" in text and "thù lao giảng viên" in text
    assert "10 tháng đầu năm 2026" in text and "Phó Chủ tịch" in text
    assert "VND 400.000 per room" in prepared("Budget: rooms at VND 400,000 per room per night.", RESTORER)


def test_a_figure_compared_with_the_same_period_is_content_not_who_signs():
    draft = _draft("Viết Báo cáo kết quả thực hiện nhiệm vụ y tế 6 tháng đầu năm 2026 của Sở Y tế tỉnh Thái Nguyên gửi UBND "
                   "tỉnh. Số liệu: tổng lượt khám bệnh 1.845.000 lượt, tăng 6,2% so với cùng kỳ; công suất giường bệnh 92%. "
                   "Giám đốc Lê Văn An ký.").draft
    assert "Tổng lượt khám bệnh 1.845.000 lượt, tăng 6,2% so với cùng kỳ" in draft
    english = prepared("Agenda: 10:30 directive speech (Vice Chairman of the Provincial People's Committee); 08:10 opening "
                       "speech (Director of the Department of Health).", RESTORER)
    assert "Phó Chủ tịch UBND tỉnh" in english and "Giám đốc Sở Y tế" in english


def test_an_english_part_named_in_quotes_with_its_vietnamese_name_is_that_part():
    request = understand("Write only the 'Organisation of implementation' (Tổ chức thực hiện) part of the Hung Yen Department "
                         "of Health's plan implementing Plan No. 88/KH-UBND. Assign: the CDC takes food samples.",
                         RESTORER, SKELETONS)
    assert (request.scope, request.scope_part) == ("part", "to chuc thuc hien")


def test_a_plans_funding_total_is_its_estimates_and_lines_are_not_repeated_in_other_parts():
    draft = _draft("Xây dựng Kế hoạch của Sở Y tế tỉnh Tuyên Quang triển khai thực hiện Nghị quyết số 72-NQ/TW. Kinh phí năm "
                   "2026 dự kiến: hội nghị quán triệt 120 người x 100.000đ; giám sát 6 đoàn x 2 ngày x 1.500.000đ/đoàn/ngày; "
                   "sơ kết cuối năm trọn gói 8 triệu. Giám đốc Trịnh Văn Thắng ký.").draft
    assert "Tổng kinh phí: 38.000.000 đồng" in draft and "| 38.000.000 |" in draft
    assert "- Sơ kết cuối năm trọn gói" not in draft
    report = _draft("Lập Báo cáo quyết toán kinh phí Hội nghị tổng kết năm 2026 của Sở Y tế Đắk Lắk. Dự toán được duyệt "
                    "30.000.000đ. Thực chi: ăn trưa 95 người x 200.000đ; hoa, khánh tiết 2.000.000đ.").draft
    assert "| 21.000.000 |" in report and "| Dự toán được duyệt |" not in report


def test_english_figures_keep_their_decimals_shares_and_hours():
    text = prepared("Report results: 11 of 12 health targets met; 15.2 doctors per 10,000 population; coverage 95.6%; "
                    "conference at 8.30 a.m. on 5 December 2026.", RESTORER)
    assert "11/12" in text and "15,2" in text and "95,6%" in text and "08h30" in text and "05/12/2026" in text


def test_a_floor_numbered_before_a_full_stop_ends_its_sentence():
    found = [(c.text, c.label) for c in clauses("Soạn Giấy mời của Sở Y tế Quảng Trị. Địa điểm: Hội trường Sở Y tế, tầng 4. "
                                                 "Đầu mối liên hệ: Văn phòng Sở, anh Lê Hữu Phước.")]
    assert ("Hội trường Sở Y tế, tầng 4", "dia diem") in found
    assert ("Văn phòng Sở, anh Lê Hữu Phước", "dau moi lien he") in found
    assert "88,2" in prepared("DPT4 at 18 months: % 90 / 88.2. Say briefly why.", RESTORER)


def test_an_invitation_that_invites_in_passing_lists_who_it_invites():
    draft = _draft("Soạn Giấy mời của Sở Y tế Quảng Trị mời đồng chí Giám đốc Bảo hiểm xã hội tỉnh dự Hội nghị tổng kết "
                   "công tác y tế năm 2026. Thời gian: 08 giờ 00 ngày 30/12/2026. Địa điểm: Hội trường Sở Y tế.").draft
    assert "- Đồng chí Giám đốc Bảo hiểm xã hội tỉnh;" in draft and "[thành phần]" not in draft


def test_people_counted_group_by_group_are_the_people_of_lines_for_all_of_them():
    draft = _draft("Chỉ lập bảng Dự trù kinh phí cho Hội nghị tổng kết công tác y tế năm 2026 của Sở Y tế Hà Tĩnh. Ăn trưa: "
                   "khách mời 12 người, lãnh đạo Sở 04 người, các đơn vị trực thuộc 54 người; mức 250.000đ/người. Nước "
                   "uống cho số người như trên, 2 buổi, 25.000đ/người/buổi. In tài liệu cho tất cả đại biểu, 40.000đ/bộ.").draft
    assert "| Ăn trưa | 70 | 1 | 250.000 | 17.500.000 |" in draft
    assert "| 70 | 2 | 25.000 | 3.500.000 |" in draft and "| 70 | 1 | 40.000 | 2.800.000 |" in draft


def test_parts_listed_after_gom_and_a_colon_are_the_documents_parts():
    assert listed_parts("Kế hoạch gồm: mục đích, yêu cầu; nhiệm vụ, giải pháp; kinh phí; tổ chức thực hiện (Phòng Kế hoạch - "
                        "Tài chính chủ trì; các Trung tâm Y tế khu vực thực hiện). Kinh phí: hội nghị 120 người x 100.000đ.") \
        == ["mục đích, yêu cầu", "nhiệm vụ, giải pháp", "kinh phí", "tổ chức thực hiện"]
    assert listed_parts("Thành phần gồm: lãnh đạo Sở; trưởng các phòng.") == []


def test_a_place_after_a_unit_named_by_its_area_is_part_of_its_name():
    assert assignment("Trung tâm Y tế khu vực Cam Lâm tiêm vét trước 30/6/2027") == (
        "Trung tâm Y tế khu vực Cam Lâm", "Tiêm vét trước 30/6/2027")
    assert assignment("Các Trung tâm Y tế khu vực Đẩy nhanh tiêm chủng") == ("Các Trung tâm Y tế khu vực",
                                                                             "Đẩy nhanh tiêm chủng")


def test_a_contact_line_keeps_its_label_as_the_house_style_writes_it():
    draft = _draft("Soạn Giấy mời của Sở Y tế Quảng Trị mời đồng chí Giám đốc Bảo hiểm xã hội tỉnh dự Hội nghị tổng kết "
                   "công tác y tế năm 2026. Địa điểm: Hội trường Sở Y tế, tầng 4. Đầu mối liên hệ: Văn phòng Sở, anh Lê Hữu "
                   "Phước.").draft
    assert "- Đầu mối liên hệ: Văn phòng Sở, anh Lê Hữu Phước." in draft


def test_a_notice_concluding_a_visit_says_who_made_it_and_to_what():
    request = understand("Soạn thông báo kết luận: sáng 10/6/2027 đồng chí Nguyễn Thanh Bình, Phó Giám đốc Sở Y tế Khánh Hòa đi "
                         "kiểm tra Trung tâm Y tế khu vực Cam Lâm về tiêm chủng mở rộng. Kết luận: tiêm vét trước 30/6/2027.",
                         RESTORER, SKELETONS)
    assert request.chair == "Phó Giám đốc Sở Y tế Khánh Hòa Nguyễn Thanh Bình"
    assert request.event == "buổi kiểm tra Trung tâm Y tế khu vực Cam Lâm về tiêm chủng mở rộng"


def test_the_departments_meeting_room_typed_without_marks_is_the_departments():
    text = prepared("soan giay moi hop giao ban thang 12/2026, 8h ngay 15/12/2026 tai phong hop so, hoi truong so 2", RESTORER)
    assert "phòng họp Sở" in text and "hội trường số 2" in text


def test_an_english_plan_implementing_a_committees_plan_cites_it_with_its_issuer_after_and_a_horizon_is_no_year():
    request = understand("Draft a full implementation plan (KH) of the Ninh Binh Department of Health to implement the "
                         "Provincial People's Committee's Plan No. 77/KH-UBND dated 02/03/2027 on managing cancer screening, "
                         "2027-2030. Targets by 2030: 50% of women screened.", RESTORER, SKELETONS)
    assert request.basis[0].startswith("Kế hoạch số 77/KH-UBND ngày 02/03/2027 của UBND tỉnh về quản lý")
    assert request.subject.startswith("Triển khai Kế hoạch số 77/KH-UBND") and request.year == 2027


def test_a_city_named_hai_phong_before_its_plan_is_no_division_and_a_unit_section_is_not_a_part():
    city = understand("Write only the part 'Organisation of implementation' (Tổ chức thực hiện) of the Hải Phòng Department "
                      "of Health plan implementing the City People's Committee's Plan No. 12/KH-UBND. CDC: lead.",
                      RESTORER, SKELETONS)
    assert (city.name, city.scope, city.scope_part) == ("implementation_plan", "part", "to chuc thuc hien")
    unit = understand("trong KH trien khai tiem chung mo rong nam 2027 tinh Kon Tum, viet muc giao nhiem vu cho Trung tam "
                      "Kiem soat benh tat tinh: phan bo vac xin, bao cao truoc 10/12/2027.", RESTORER, SKELETONS)
    assert unit.scope == "section" and unit.scope_title.startswith("Trung tâm Kiểm soát bệnh tật")


def test_an_invitation_keeps_the_venues_address_and_a_signer_titled_director_of_the_department():
    request = understand("Soạn giấy mời của Sở Y tế Ninh Bình mời lãnh đạo Sở Tài chính dự Hội nghị tổng kết năm 2027, lúc "
                         "08h00 ngày 22/12/2027 tại Hội trường Sở Y tế, số 12 Lê Hồng Phong, phường Hoa Lư. Người ký: Giám "
                         "đốc Sở Trần Văn Hải.", RESTORER, SKELETONS)
    assert request.venue == "Hội trường Sở Y tế, số 12 Lê Hồng Phong, phường Hoa Lư"
    assert request.signature[-1] == "Trần Văn Hải"


def test_an_english_notice_names_who_concluded_and_who_signs_for_the_chief_of_office():
    request = understand("Please draft the notice of conclusions (Thông báo kết luận) of Mr Lê Văn Nam, Vice Chairman of the "
                         "Ninh Binh Provincial People's Committee, at his working session with the Department of Health on "
                         "03/03/2027. Signed for the Chief of Office by Deputy Chief Đỗ Thị Hoa. Conclusions: the DoH "
                         "reports before 30/03/2027.", RESTORER, SKELETONS)
    assert request.chair.endswith("Lê Văn Nam, Phó Chủ tịch UBND tỉnh Ninh Bình")
    assert request.event == "Buổi làm việc với Sở Y tế"
    assert request.signature == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "Đỗ Thị Hoa"]


def test_an_agenda_item_counted_in_words_each_of_its_length_is_that_many_rows():
    draft = _draft("Just the agenda table (CHƯƠNG TRÌNH) for the Ninh Binh DoH mid-year review on 10/07/2027. Start 08:00. "
                   "Registration 30 min; three presentations from regional health centres, 10 min each; closing 10 min.").draft
    assert "| 08h30 - 08h40 |" in draft and "| 08h50 - 09h00 |" in draft and "| 09h00 - 09h10 | Bế mạc" in draft


def test_an_english_word_to_the_drafter_is_no_content_unless_it_says_what_to_write():
    found = clauses("Draft the letter of the Kon Tum Department of Health asking the Department of Finance for training "
                    "funds. State the total requested and the amount in words. Give the total, and say that the Planning "
                    "Division settles the accounts.")
    assert [c.meta for c in found if c.text.startswith("State the total")] == [True]
    assert [c.meta for c in found if c.text.startswith("Give the total")] == [False]


def test_an_english_row_set_apart_by_dashes_keeps_its_unit_and_bound():
    assert indicator_row("Tỷ lệ dân số tham gia bảo hiểm y tế – % – at least 95,5") == [
        "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "≥ 95,5"]
    assert indicator_row("Tỷ lệ suy dinh dưỡng thể thấp còi – % – below 24")[2] == "< 24"


def test_an_english_campaign_keeps_its_dates_its_basis_and_every_budget_line():
    text = prepared("Campaign from 6 to 25 April 2026, implementing the Ministry of Health's Official Letter No. 1520/BYT-DP. "
                    "Budget: transport lump sum 35,000,000; supervision 6 supervisors x 5 days x 500,000. CDC leads.", RESTORER)
    assert "06 đến 25/04/2026" in text
    request = understand(f"Draft the implementation plan of the Kon Tum Department of Health. {text}", RESTORER, SKELETONS)
    assert request.basis == ["Công văn số 1520/BYT-DP của Bộ Y tế"]
    lines = cost_lines([c.text for c in clauses(text) if c.label == "kinh phi"])
    assert [(line.people, line.days, line.rate) for line in lines] == [(1, 1, 35_000_000), (6, 5, 500_000)]


def test_an_item_named_in_words_then_by_number_in_brackets_is_that_numbered_item():
    letter = understand("Công văn Sở Y tế Kon Tum gửi Bảo hiểm xã hội tỉnh V/v thanh toán chi phí khám bệnh năm 2027 — em chỉ "
                        "cần đoạn đề nghị cụ thể (mục 2 Đề xuất, kiến nghị): họp liên ngành trước ngày 30/9/2027.",
                        RESTORER, SKELETONS)
    assert (letter.scope, letter.scope_section, letter.scope_title) == ("section", "2", "Đề xuất, kiến nghị")
    notice = understand("From the notice of conclusions of the Director of the Kon Tum Department of Health on 06/10/2027, I "
                        "only need item 3, the one on pharmacy (3. Công tác dược): hospitals report drug stocks monthly.",
                        RESTORER, SKELETONS)
    assert (notice.scope_section, notice.scope_title) == ("3", "Công tác dược")
    unit = understand("Trong Thông báo kết luận của Phó Chủ tịch UBND tỉnh Kon Tum ngày 03/11/2027, chỉ soạn giúp mục giao "
                      "cho Sở Tài chính: thẩm định kinh phí mua sắm trang thiết bị.", RESTORER, SKELETONS)
    assert (unit.scope, unit.scope_title) == ("section", "Sở Tài chính")


def test_an_estimate_alone_says_whose_document_it_goes_with():
    english = _draft("Only the cost table attached to our official letter to Sở Tài chính asking for funds for the 2027 "
                     "screening campaign in Kon Tum: checkups 1,000 people x 80k; transport lump sum 10 million.").draft
    assert "(Kèm theo Công văn của Sở Y tế Kon Tum)" in english
    plan = _draft("bang du tru kinh phi thoi nha, cho ke hoach trien khai Thang hanh dong vi an toan thuc pham nam 2027 cua "
                  "So Y te Kon Tum. bang ron 20 cai x 400.000d; to roi 5.000 to x 1.000d.").draft
    assert "năm 2027 của Sở Y tế Kon Tum)" in plan


def test_a_programme_listed_without_lengths_is_laid_out_with_its_known_hours_and_who_carries_each_item():
    draft = _draft("Chỉ cần bảng chương trình hội nghị giao ban của Sở Y tế Kon Tum ngày 02/12/2027, từ 8h00: đón tiếp; khai "
                   "mạc; quy định mới về cấp phép hành nghề (Phòng Nghiệp vụ Y); phòng cháy chữa cháy (Công an tỉnh); "
                   "bế mạc lúc 11h00.").draft
    assert "| 08h00 | Đón tiếp |" in draft and "| [giờ] | Quy định mới về cấp phép hành nghề | Phòng Nghiệp vụ Y |" in draft
    assert "| 11h00 | Bế mạc |" in draft


def test_parts_listed_in_brackets_the_last_part_asked_and_a_division_whose_name_holds_a_verb():
    request = understand("Kế hoạch của Sở Y tế Kon Tum thực hiện Chỉ thị số 25-CT/TW có 3 phần (I. Mục đích, yêu cầu; II. "
                         "Nhiệm vụ và giải pháp; III. Tổ chức thực hiện). Chị chỉ cần phần cuối: Phòng Tổ chức cán bộ rà "
                         "soát nhân lực; Phòng Kế hoạch - Tài chính tổng hợp báo cáo năm trước ngày 15/12/2027.",
                         RESTORER, SKELETONS)
    assert request.listed == ["Mục đích, yêu cầu", "Nhiệm vụ và giải pháp", "Tổ chức thực hiện"]
    assert (request.scope, request.scope_part) == ("part", "iii")
    assert "báo cáo năm trước ngày 15/12/2027" in request.text  # before a date, "năm trước" is no year
    assert assignment("Phòng Tổ chức cán bộ rà soát nhân lực trạm y tế xã") == ("Phòng Tổ chức cán bộ",
                                                                                "Rà soát nhân lực trạm y tế xã")
    draft = _draft(request.instruction).draft
    assert "Mục đích, yêu cầu" not in draft and "**1. Phòng Tổ chức cán bộ**" in draft


def test_the_date_of_the_event_a_request_is_modelled_on_is_not_the_new_events():
    request = understand("Phần IV. Kinh phí của KH hội nghị tổng kết ngành Y tế Kon Tum năm nay làm giống năm ngoái (hội nghị "
                         "26/12/2026) nhưng thay số: hội nghị năm nay tổ chức ngày 24/12/2027; nước uống 95 người x "
                         "30.000đ. Ghi rõ nguồn và tổng dự trù.", RESTORER, SKELETONS)
    assert (request.date, request.year) == ("24/12/2027", 2027)
    assert "Ghi rõ" not in _draft(request.instruction).draft


@pytest.mark.parametrize("instruction, signed_line", [
    ("Soạn kế hoạch kiểm tra an toàn thực phẩm Tết 2028 của Sở Y tế Kon Tum. Ngày ban hành 05/1/2028, Phó Giám đốc "
     "Y Hưng ký.", "Kon Tum, ngày 05 tháng 01 năm 2028"),
    ("soan bao cao cong tac y te quy I/2028 cua So Y te Kon Tum. Ngay 12/4/2028, KT. Giam doc, PGD A Khoa ky.",
     "Kon Tum, ngày 12 tháng 4 năm 2028"),
    ("Draft the Kon Tum DOH report on school health in 2028. Dated 3 September 2028, signed by Director A Khoa.",
     "Kon Tum, ngày 03 tháng 9 năm 2028"),
])
def test_the_documents_own_date_given_apart_from_its_number_is_its_date_line_as_the_decree_writes_it(instruction, signed_line):
    assert signed_line in _draft(instruction).draft


def test_a_meetings_date_before_its_chair_is_no_date_of_the_document():
    request = understand("Thông báo kết luận hội nghị giao ban của Sở Y tế Kon Tum, họp ngày 15/7/2028, Giám đốc Sở chủ trì: "
                         "viết giúp đoạn đánh giá chung — chỗ ghi nhận việc đã làm được, trước các nhiệm vụ.", RESTORER, SKELETONS)
    assert request.signed is None and request.date == "15/07/2028"
    assert (request.scope, request.scope_part) == ("part", "danh gia chung")


@pytest.mark.parametrize("instruction, title", [
    ("Viết giúp tiểu mục Công tác y tế dự phòng trong báo cáo 6 tháng đầu năm 2028 của Sở Y tế Kon Tum: tiêm chủng đạt 96%.",
     "Công tác y tế dự phòng"),
    ("Kon Tum DOH letter to units on dengue response - draft only the paragraph for the provincial CDC: keep a stock of "
     "2,000 litres of insecticide; give weekly reports to the Department.", "Trung tâm Kiểm soát bệnh tật"),
])
def test_a_section_named_by_its_title_or_by_the_unit_its_paragraph_is_for(instruction, title):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.scope, request.scope_title) == ("section", title)


def test_keeping_and_giving_are_tasks_unless_they_speak_of_the_draft():
    texts = [c.text for c in clauses("CDC: keep a stock of 2,000 litres of insecticide; give weekly reports to the "
                                     "Department. Give the total and the amount in words.") if not c.meta]
    assert any("2,000 litres" in t for t in texts) and any("weekly reports" in t for t in texts)
    assert not any("amount in words" in t for t in texts)


def test_breaks_counted_a_day_run_every_day_of_the_event_and_a_bought_things_name_is_kept():
    draft = _draft("Soạn bảng dự trù kinh phí hội nghị của Sở Y tế Kon Tum, họp từ 10 đến 11/6/2028, 50 đại biểu: nước uống "
                   "giữa giờ mỗi ngày 2 lần giải lao, 25.000đ/người/lần; mua mới 4 máy đo huyết áp điện tử x 1.200.000đ.").draft
    assert "5.000.000" in draft and "4.800.000" in draft and "9.800.000" in draft
    assert "Mua mới máy đo huyết áp điện tử" in draft


def test_an_american_date_range_gives_the_days_a_line_runs():
    draft = _draft("Just the cost table for the Kon Tum DOH supervision trip. 4 staff were out from June 8 to 10, 2028. "
                   "Per diem 200,000 VND per person per day; car rental 1,500,000 VND per day for each day of the trip.").draft
    assert "2.400.000" in draft and "4.500.000" in draft and "6.900.000" in draft


def test_rooms_per_team_and_people_per_team_are_counted_for_every_team():
    draft = _draft("Just the cost table for the Kon Tum DOH supervision in 2028: 2 supervision teams of 4 people each, out from "
                   "June 8 to 10, 2028. Hotel 2 rooms per team for 2 nights at 400,000 VND/room/night; per diem 200,000 "
                   "VND/person/day for every day of the trip.").draft
    assert "3.200.000" in draft and "4.800.000" in draft and "8.000.000" in draft


def test_a_signature_typed_with_a_dash_and_a_plan_cited_by_its_abbreviation():
    request = understand("soan KH to chuc hoi nghi tiem chung cua So Y te Kon Tum, day du the thuc. can cu KH so 41/KH-UBND "
                         "ngay 30/11/2028 cua UBND tinh. ky: KT GIAM DOC - PHO GIAM DOC Y Hưng", RESTORER, SKELETONS)
    assert request.signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Y Hưng"]
    assert request.basis and request.basis[0].startswith("Kế hoạch số 41/KH-UBND")
    request = understand("TB ket luan cua Giam doc So Y te Kon Tum, TL GIAM DOC - CHANH VAN PHONG Quàng Văn Nam ky.", RESTORER,
                         SKELETONS)
    assert request.signature[:2] == ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"] and request.signature[-1] == "Quàng Văn Nam"


def test_a_table_asked_with_only_after_it_is_the_table():
    assert understand("Cost table only for the Kon Tum DOH supervision in 2028: 2 teams x 3 days x 200,000 VND.", RESTORER,
                      SKELETONS).scope == "table"


@pytest.mark.parametrize("instruction", [
    "lam giup bang chuong trinh Hoi nghi so ket cong tac y te 6 thang dau nam 2028 cua So Y te Kon Tum, chi can bang thoi "
    "(ke hoach viet roi). bat dau 8h00: khai mac 15p; bao cao 30p.",
    "Only the cost table for Kon Tum DOH's one-day workshop on school health in 2028; the plan text is already written. "
    "Lunch for 40 people, 1 day, 150,000 VND/person/day.",
])
def test_a_plan_spoken_of_without_a_name_of_its_own_is_the_plan_of_the_event_named_before_it(instruction):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("conference_plan", "table")


def test_a_course_inside_a_plan_named_after_it_leaves_the_plan_an_implementation_plan():
    request = understand("Lập bảng dự toán kinh phí lớp tập huấn cho trạm y tế xã tỉnh Kon Tum (thuộc Kế hoạch phòng, chống "
                         "bệnh không lây nhiễm năm 2028): tiền ăn 40 người x 2 ngày x 150.000 đồng.", RESTORER, SKELETONS)
    assert request.name == "implementation_plan"


def test_a_part_asked_alone_by_a_long_name_or_a_paragraph_about_a_unit():
    request = understand("cong van So Y te Kon Tum gui cac benh vien V/v chuyen doi so - chi viet phan cac noi dung de nghi "
                         "don vi thuc hien, danh so 1-3: 1) tiep don bang CCCD; 2) thanh toan khong dung tien mat.",
                         RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("official_letter", "part")
    request = understand("Thông báo kết luận của Phó Chủ tịch UBND tỉnh Kon Tum — chỉ viết đoạn kết luận liên quan đến Bảo "
                         "hiểm xã hội tỉnh: phối hợp thanh toán chi phí khám, chữa bệnh vượt dự toán năm 2027.",
                         RESTORER, SKELETONS)
    assert (request.scope, request.scope_title) == ("section", "Bảo hiểm xã hội tỉnh")
    request = understand("Làm Giấy mời dự Hội nghị của Sở Y tế Kon Tum ngày 16/6/2028. Liên hệ: đồng chí Phan Thị Lan, "
                         "Phòng Nghiệp vụ Y.", RESTORER, SKELETONS)
    assert request.scope == "whole"


def test_targets_asked_to_be_worked_out_from_a_base_and_an_increase():
    draft = _draft("Chỉ cần bảng chỉ tiêu cho Kế hoạch chăm sóc sức khỏe sinh sản năm 2029 của Sở Y tế Kon Tum. Cột: TT, chỉ "
                   "tiêu, đơn vị tính, chỉ tiêu năm 2029. Tính giúp: tỷ lệ phụ nữ mang thai được khám thai đủ 4 lần năm 2028 "
                   "đạt 81,5%, năm 2029 tăng thêm 3,5 điểm phần trăm; số người được tư vấn tiền hôn nhân năm 2028 là 12.000 "
                   "người, năm 2029 tăng 15%; số điểm tư vấn hiện có 40, mỗi năm mở thêm 6 điểm trong 2 năm; trạm y tế xã "
                   "có phòng sinh đạt chuẩn hiện 50/64 trạm, năm 2029 thêm 5 trạm nữa.").draft
    for row in ("| 85 |", "| 13.800 |", "| 52 |", "| 85,9 |"):
        assert row in draft
    assert "81,5" not in draft and "Tỷ lệ trạm y tế xã có phòng sinh đạt chuẩn" in draft


@pytest.mark.parametrize("instruction, doc_type, scope", [
    # "HN" in capitals is a conference where one is organised or named by its kind.
    ("KH to chuc HN so ket cong tac tiem chung 6 thang dau nam 2027 cua So Y te Kon Tum: chi viet muc 2 phan II thoi.",
     "conference_plan", "section"),
    # The section asked for is the one a verb of writing asks, not one the plan has already.
    ("KH phong chong benh dai nam 2027 cua So Y te Kon Tum, phan III da co muc 1 (Phong NVY). Viet giup muc 3 phan III - "
     "nhiem vu cua Trung tam Kiem soat benh tat: tiem vac xin cho nguoi bi cho can.", "implementation_plan", "section"),
    # One point of a notice given to one unit.
    ("Trong Thông báo kết luận giao ban tháng 5/2027 của Sở Y tế Kon Tum, viết một điểm kết luận giao việc cho Phòng "
     "Nghiệp vụ Dược: rà soát thuốc tồn kho, báo cáo trước ngày 30/6/2027.", "notice_of_conclusions", "section"),
    # A part named in English with a hyphen, and a programme by the hour asked for alone.
    ("For the Kon Tum DOH report on 2027, write just the forward-looking part (directions and tasks for 2028).",
     "report", "part"),
    ("giay moi hoi thao duoc lam sang nam 2027 cua So Y te Kon Tum, can to chuong trinh theo gio, bat dau 8h00: "
     "khai mac 10p; bao cao 30p. Chi lam bang do.", "invitation", "table"),
    # A part described, then pointed back to.
    ("Báo cáo công tác y tế học đường năm 2027 của Sở Y tế Kon Tum gồm I. Kết quả; II. Hạn chế, nguyên nhân; III. "
     "Phương hướng. Em có số liệu cho phần nói về những việc chưa làm được và vì sao: 3 trường chưa có phòng y tế. "
     "Viết giúp riêng phần đó.", "report", "part"),
    ("The Kon Tum DOH review conference plan is drafted already except the bit that hands out the jobs to each unit — "
     "write me only that part: Department Office: send invitations.", "conference_plan", "part"),
    # One point of a notice, by what it is about.
    ("TB kết luận giao ban tháng 5/2027 của Sở Y tế Kon Tum — soạn giúp cái ý giao xử lý thuốc tồn kho: các bệnh viện "
     "rà soát, báo cáo trước ngày 30/6/2027.", "notice_of_conclusions", "section"),
])
def test_scopes_staff_name_in_passing(instruction, doc_type, scope):
    request = understand(instruction, RESTORER, SKELETONS)
    assert (request.name, request.scope) == (doc_type, scope)


def test_a_notice_gives_work_to_units_it_directs_and_asks_it_of_those_it_does_not():
    draft = _draft("Soạn Thông báo kết luận của Giám đốc Sở Y tế Kon Tum tại cuộc họp giao ban tháng 5/2027. Kết luận: "
                   "Phòng Kế hoạch - Tài chính rà soát dự toán, báo cáo trước ngày 15/6/2027; Bảo hiểm xã hội tỉnh "
                   "phối hợp thanh toán chi phí khám, chữa bệnh bảo hiểm y tế trước ngày 30/6/2027.").draft
    assert "Giao Phòng Kế hoạch - Tài chính" in draft and "Đề nghị Bảo hiểm xã hội tỉnh" in draft
    assert "Giao Bảo hiểm xã hội" not in draft


def test_a_total_said_to_be_wrong_is_no_content_and_the_lines_give_the_total():
    draft = _draft("Write an official letter from the Kon Tum Department of Health to the Department of Finance asking "
                   "for funds for rabies vaccine. Cost table: vaccine 1,000 doses at 200,000 VND/dose; training 20 people "
                   "× 2 days × 100,000 VND. Our draft says the total is 190,000,000 VND, which looks wrong.").draft
    assert "204.000.000" in draft and "190.000.000" not in draft


def test_a_note_after_the_frames_colon_asking_for_one_section_is_no_content():
    draft = _draft("KH to chuc hoi nghi tong ket nam 2027 cua So Y te Kon Tum: chi viet muc 3 phan II (dia diem va thanh "
                   "phan) thoi, cac muc khac co roi. Dia diem: Hoi truong tang 2 So Y te.").draft
    assert "Địa điểm và thành phần" in draft and "thôi" not in draft.lower() and "có rồi" not in draft.lower()


def test_a_teams_trip_length_counts_the_days_of_lines_rated_per_day():
    typed = ("bang du toan kinh phi kem KH giam sat phong chong dich nam 2027 cua So Y te Kon Tum, chi bang thoi. "
             "3 doan giam sat, moi doan 4 nguoi, di 5 ngay: cong tac phi 200.000d/nguoi/ngay; thue xe moi doan moi ngay "
             "1.000.000d.")
    draft = _draft(typed).draft
    assert "12.000.000" in draft and "15.000.000" in draft and "27.000.000" in draft


def test_a_counts_breakdown_in_brackets_is_no_factor():
    lines = cost_lines(["bồi dưỡng kỹ thuật viên 9 người (1 ở Sở, 8 ở các điểm cầu) x 1 buổi x 150.000đ/buổi"])
    assert [(line.people, line.amount) for line in lines] == [(9, 1_350_000)]


def test_a_letters_own_number_after_its_addressee_is_neither_addressee_nor_subject_and_the_role_signs():
    draft = _draft("soan cong van de nghi cua So Y te Kon Tum gui UBND tinh, so 812/SYT-KHTC ngay 16/11/2027, V/v de nghi "
                   "ho tro kinh phi kham benh cho nguoi dan xa bien gioi. Giam doc So ky: Nguyễn Văn Hòa.").draft
    assert "Kính gửi: UBND tỉnh." in draft and "812/SYT-KHTC" in draft.split("Kính gửi")[0]
    assert "KT. GIÁM ĐỐC" not in draft and "**GIÁM ĐỐC**" in draft and "Nguyễn Văn Hòa" in draft.split("Nơi nhận")[1]


def test_an_english_request_names_quarters_tenders_and_the_border_in_vietnamese():
    text = prepared("Rebuild 5 stations in border communes and finish the centralised drug tender in Q1 2027.", RESTORER)
    assert "xã biên giới" in text and "đấu thầu thuốc tập trung" in text and "quý I năm 2027" in text


def test_a_room_priced_alone_is_paid_each_night_the_line_counts():
    context = prepared("Budget table for the Kon Tum DOH supervision: 3 supervision teams, 4 people each; accommodation "
                       "2 rooms per team for 3 nights at 400k a room.", RESTORER)
    lines = cost_lines([context.split("; ")[-1]], context=context)
    assert [(line.people, line.days, line.amount) for line in lines] == [(6, 3, 7_200_000)]


def test_a_length_after_something_is_no_hour_and_what_has_happened_is_content():
    from assistant.draft.dates import house_hours

    assert house_hours("Sau ăn khoảng 3 giờ, 37 người đau bụng; họp lúc 8 giờ sáng") == \
        "Sau ăn khoảng 3 giờ, 37 người đau bụng; họp lúc 08h00 sáng"
    found = clauses("Soạn báo cáo nhanh của Sở Y tế Kon Tum. Diễn biến: đến 17h00 ngày 18/04/2027 đã có 35 người ra "
                    "viện. Phần I đã có.")
    assert [c.meta for c in found if "ra viện" in c.text] == [False]
    assert [c.meta for c in found if "Phần I" in c.text] == [True]


def test_the_last_paragraph_is_the_last_part_and_the_documents_own_date_is_no_meetings():
    report = understand("Báo cáo sơ kết 6 tháng đầu năm 2027 của Sở Y tế Kon Tum — nhờ viết đoạn cuối, phần đề xuất, "
                        "kiến nghị: Kiến nghị Bộ Y tế sớm ban hành hướng dẫn.", RESTORER, SKELETONS)
    assert (report.scope, report.scope_part) == ("part", "iv")  # the report's last part, its numeral told
    invitation = understand("Draft an invitation from the Kon Tum Department of Health to the food safety month launch: "
                            "No. 31/GM-SYT, dated 12/04/2027. Time: 7h30, 20/04/2027.", RESTORER, SKELETONS)
    assert invitation.date == "20/04/2027"


def test_a_lump_sum_over_the_days_is_paid_once_and_a_daily_head_count_counts_people():
    lines = cost_lines(["giải khát 90 người/ngày, 3 ngày, 25 nghìn; thuê phòng họp, máy chiếu trọn gói cả 3 ngày 9 triệu"])
    assert [(line.people, line.days, line.amount) for line in lines] == [(90, 3, 6_750_000), (1, 1, 9_000_000)]


def test_one_trip_for_each_team_is_paid_once_a_team():
    context = "5 đoàn kiểm tra, mỗi đoàn 3 người; thuê xe mỗi đoàn 1 chuyến khứ hồi 2tr4/chuyến"
    lines = cost_lines([context.split("; ")[-1]], context=context)
    assert [(line.people * line.days, line.amount) for line in lines] == [(5, 12_000_000)]


def test_a_length_spelled_out_counts_the_days_of_lines_rated_per_day():
    context = prepared("Plan for a three-day training course for 40 midwives: lunch VND 120,000 per person per day.", RESTORER)
    lines = cost_lines([context], context=context)
    assert [(line.people, line.days, line.amount) for line in lines] == [(40, 3, 14_400_000)]


def test_an_english_request_writing_to_a_department_asking_for_money_is_a_letter_priced_per_pupil():
    request = understand("Kon Tum Department of Health is writing to the provincial Department of Finance asking for "
                         "funds for eye screening in schools. Draft only the cost part: screening for 8,000 primary-school "
                         "pupils at VND 30,000 per pupil.", RESTORER, SKELETONS)
    assert (request.name, request.scope) == ("official_letter", "part")
    text = prepared("screening for 8,000 primary-school pupils at VND 30,000 per pupil", RESTORER)
    assert [line.amount for line in cost_lines([text], context=text)] == [240_000_000]


def test_the_days_a_team_works_count_the_days_of_lines_rated_per_day_and_teams_spelled_are_counted():
    for typed in ("Two assessment teams of 6 people each, each team works 5 days; per diem VND 250,000 per person per day.",
                  "2 đoàn đánh giá, mỗi đoàn 6 người, làm việc 5 ngày; công tác phí 250.000 đồng/người/ngày."):
        context = prepared(typed, RESTORER)
        lines = cost_lines([context], context=context)
        assert [(line.people, line.days, line.amount) for line in lines] == [(12, 5, 15_000_000)], typed


def test_sessions_spelled_out_count_a_line_rated_per_session():
    context = prepared("Hội nghị 1 ngày, họp hai buổi; thuê hội trường 2.000.000 đồng/buổi.", RESTORER)
    assert [(line.people, line.days, line.amount) for line in cost_lines([context], context=context)] == [(1, 2, 4_000_000)]


def test_proposals_to_named_bodies_keep_whom_each_is_made_to():
    draft = _draft("BC tổng kết năm 2027 của SYT Kon Tum, phần I, II xong rồi, viết giúp phần III. Đề xuất, kiến nghị:\n"
                   "- Bộ Y tế: hỗ trợ vắc xin dại; cử bác sĩ về xã biên giới\n- Sở Tài chính: cấp bổ sung kinh phí").draft
    assert "- Bộ Y tế: hỗ trợ vắc xin dại." in draft and "- Cử bác sĩ về xã biên giới." in draft
    assert "- Sở Tài chính: cấp bổ sung kinh phí." in draft


def test_those_invited_to_attend_make_an_invitation_signed_by_order():
    result = _draft("Nhờ soạn giúp cái mời các đồng chí: Lãnh đạo UBND tỉnh; Tỉnh đoàn; Hội Nông dân tỉnh đến dự Lễ phát "
                    "động Tháng hành động vì an toàn thực phẩm năm 2027, lúc 7h30 ngày 15/4/2027 tại Quảng trường tỉnh Kon "
                    "Tum. Sở Y tế Kon Tum phát hành, ký thừa lệnh Giám đốc, Chánh Văn phòng Y Thịnh. Số để trống.")
    draft = result.draft
    assert "## GIẤY MỜI" in draft and "- Tỉnh đoàn;" in draft and "- Hội Nông dân tỉnh;" in draft
    assert "**TL. GIÁM ĐỐC**" in draft and "**CHÁNH VĂN PHÒNG**" in draft and "Số để trống" not in draft


def test_two_years_compared_get_their_change_worked_out():
    result = _draft("Kon Tum DOH report on malaria 2027. I only need the indicator table comparing 2026 and 2027, with a "
                    "column for the change in %, one decimal place:\n- Malaria cases: 200 in 2026, 150 in 2027\n- Blood slides tested: 8,000 "
                    "in 2026, 8,800 in 2027")
    assert result.scope == "table"
    assert "| Năm 2026 | Năm 2027 | Tăng/giảm (%) |" in result.draft
    assert "| 200 | 150 | -25,0 |" in result.draft and "| 8.000 | 8.800 | 10,0 |" in result.draft


def test_cases_priced_per_case_with_a_scale_word_and_a_rate_for_each_speaker_are_counted_once():
    lines = cost_lines(["Khám sàng lọc VIA 2.000 ca, 180 nghìn/ca", "Xét nghiệm HPV 500 ca, 0,35 triệu/ca",
                        "3 báo cáo viên mỗi người 1 triệu"])
    assert [(line.people, line.rate, line.amount) for line in lines] == [
        (2000, 180_000, 360_000_000), (500, 350_000, 175_000_000), (3, 1_000_000, 3_000_000)]
    typed = prepared("3 bao cao vien moi nguoi 1 trieu; thue hoi truong khoan 6 trieu", RESTORER)
    assert "mỗi người 1 triệu" in typed and "khoán 6 triệu" in typed


def test_people_paid_for_a_job_are_counted_and_named_with_the_line():
    lines = cost_lines(["nước uống cho 180 đại biểu, 35.000 đồng/người", "bồi dưỡng 5 phóng viên đưa tin 300k/người"])
    assert [(line.item, line.people, line.amount) for line in lines][1] == ("Bồi dưỡng phóng viên đưa tin", 5, 1_500_000)


def test_a_remark_in_brackets_between_a_count_and_its_days_is_no_line_of_its_own():
    lines = cost_lines(["nước uống 55 người (tính cả giảng viên, ban tổ chức) x 3 ngày x 25.000đ; tài liệu 50 bộ x 40.000đ"])
    assert [(line.item, line.people, line.days, line.rate) for line in lines] == [
        ("Nước uống", 55, 3, 25_000), ("Tài liệu", 50, 1, 40_000)]


def test_indicator_values_in_brackets_fill_their_columns_and_a_column_to_assign_stays_to_fill_in():
    request = understand("Trong KH chăm sóc sức khỏe người cao tuổi giai đoạn 2026-2030 của Sở Y tế Hà Nam, mình cần cái "
                         "bảng chỉ tiêu. Các dòng: tỷ lệ người cao tuổi được khám định kỳ (năm 2025 đạt 70%, mục tiêu 2030 "
                         "là 92%); số câu lạc bộ người cao tuổi (150 lên 260 câu lạc bộ). Cột: STT, chỉ tiêu, đơn vị tính, "
                         "thực hiện 2025, mục tiêu 2030, đơn vị chủ trì — cột chủ trì để trống.", RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert table[0][-1] == "Đơn vị chủ trì"
    assert [row[3:] for row in table[1:]] == [["70", "92", ""], ["150", "260", ""]]


def test_a_line_counted_in_the_unit_its_rate_is_per_is_counted_once():
    lines = cost_lines(["phát sóng trên Đài PTTH tỉnh 12 lần x 2.500.000đ/lần; giải khát 2 buổi x 20k/người/buổi, 40 học viên"])
    assert [line.amount for line in lines] == [30_000_000, 1_600_000]


def test_people_counted_group_by_group_in_a_line_and_everyone_said_above_are_all_of_them():
    request = ("ăn trưa cho 64 đại biểu trạm y tế và 16 đại biểu của Sở, 150.000đ/người; "
               "nước uống cho toàn bộ đại biểu nói trên 2 buổi x 20.000đ")
    assert [line.amount for line in cost_lines([request], context=request)] == [12_000_000, 3_200_000]


def test_people_counted_per_class_are_counted_for_every_class():
    request = ("4 classes, 35 trainees per class, each class lasts 2 days; meal allowance 120,000 VND/trainee/day; "
               "training documents 30,000 VND per copy for every trainee; hall rental 1,500,000 VND per class per day")
    assert [line.amount for line in cost_lines([request], context=request)] == [33_600_000, 4_200_000, 12_000_000]


def test_parts_listed_with_their_content_in_brackets_get_that_content():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "soan ke hoach cua So Y te Thanh Hoa trien khai Chuong trinh muc tieu quoc gia ve cham soc suc khoe nam 2026. "
        "co cac phan: muc dich yeu cau; chi tieu (ty le tre duoi 1 tuoi tiem chung day du dat tu 95% tro len; 100% tram "
        "y te xa co bac si lam viec); kinh phi (tu nguon von chuong trinh muc tieu quoc gia va ngan sach tinh); to chuc "
        "thuc hien giao phong KHTC, TTKSBT.").draft
    targets, funding, tasks = (draft.split(heading)[1].split("###")[0] for heading in ("MỤC TIÊU, CHỈ TIÊU", "KINH PHÍ\n",
                                                                                       "TỔ CHỨC THỰC HIỆN\n"))
    assert "100% trạm y tế" in targets  # the brackets' semicolons cut no clause
    assert "ngân sách tỉnh" in funding and "ngân sách tỉnh" not in targets  # though it says "mục tiêu quốc gia"
    assert "Phòng Kế hoạch - Tài chính" in tasks  # the part's heading is its name, not "… giao Phòng …"
    assert "IV. TỔ CHỨC THỰC HIỆN" in draft and "Các đơn vị tại Mục IV;" in draft  # Nơi nhận points at that part


def test_a_line_opened_by_co_is_named_by_whom_it_counts():
    assert cost_lines(["Có 3 giám sát viên đi 12 ngày, phụ cấp 200.000đ/người/ngày"])[0].item == "Giám sát viên"


def test_everyone_said_is_all_the_groups_and_english_people_named_by_their_job_are_summed():
    request = "đại biểu gồm 30 đại biểu Sở và 60 đại biểu các bệnh viện; tài liệu 80.000đ/bộ cho toàn bộ đại biểu"
    assert [line.amount for line in cost_lines([request], context=request)] == [7_200_000]
    request = "Participants: 80 school kitchen managers plus 10 officials. Lunch 150k each"
    assert [line.amount for line in cost_lines([request], context=request)] == [13_500_000]


def _amounts(request: str) -> list[int]:
    """The amounts of a request's budget lines: those after its first ": ", one a "; "."""
    return _amounts_after(": ", request)


def _amounts_after(label: str, request: str) -> list[int]:
    lines = request.split(label, 1)[1].rstrip(".").split("; ")
    return [line.amount for line in cost_lines(lines, context=request)]


def test_sessions_said_a_day_count_every_day_and_classes_times_their_people():
    assert _amounts("Hội thảo 2 ngày, 2 buổi/ngày, 60 đại biểu. Chi phí: nước uống 20.000đ/người/buổi; báo cáo viên "
                   "1.500.000đ/buổi.") == [4_800_000, 6_000_000]
    # 2 classes of 30 for 3 days each: 60 people eat 3 days; 12 sessions are taught, the hall is hired 6 days.
    assert _amounts("Mở 2 lớp x 30 học viên, mỗi lớp học 3 ngày, 2 buổi/ngày. Chi phí: tiền ăn 100.000đ/người/ngày; giảng "
                   "viên 500.000đ/buổi; thuê hội trường 1.000.000đ/ngày.") == [18_000_000, 6_000_000, 6_000_000]
    assert _amounts("4 classes of 25 trainees, 2 days per class, 2 sessions a day. Costs: meals VND 120,000 per trainee per "
                   "day; hall VND 900,000 per day.") == [24_000_000, 7_200_000]
    # A count that already times its group in the line ("8 xã x 5 người") is not multiplied again.
    assert _amounts("Kinh phí: giám sát 8 xã x 5 người x 3 ngày, 150.000đ/người/ngày.") == [18_000_000]


def test_counts_joined_before_a_line_the_lines_own_people_and_pieces_handed_to_people():
    # "5 đoàn x" before "3 người trong 4 ngày, …" counts 15 people.
    assert _amounts("Chi phí: kiểm tra 5 đoàn x 3 người trong 4 ngày, 250.000đ/người/ngày.") == [15_000_000]
    # "mỗi người" after the line's own 3 trainers is each of them, not each of the 50 trainees.
    assert _amounts("Lớp 50 học viên, học 2 ngày. Chi phí: có 3 giảng viên, mỗi người dạy 2 buổi, 800.000đ/buổi.") == [4_800_000]
    assert _amounts("Chi phí: in phiếu điều tra 3.000đ/phiếu cho 1.500 người.") == [4_500_000]
    # Days said for each commune are the days of a line paid per person per day there; sessions said in brackets
    # count every day of every commune.
    assert _amounts("Khám tại 10 xã, mỗi xã khám 3 ngày (2 buổi/ngày). Chi phí: bồi dưỡng mỗi xã 4 người, "
                   "100.000đ/người/ngày; thuê loa máy 200.000đ/buổi.") == [12_000_000, 12_000_000]


def test_talk_of_the_drafts_layout_is_no_content_and_a_task_done_by_a_date_is():
    found = clauses("Thông báo kết luận cuộc họp về phòng, chống sốt xuất huyết: sếp muốn viết lại phần kết luận, đánh số theo "
                    "đơn vị, không tiêu đề, không nơi nhận. Bệnh viện Đa khoa tỉnh – chuẩn bị khu điều trị, done by 20/11/2027.")
    assert [c.text for c in found if not c.meta] == ["Bệnh viện Đa khoa tỉnh – chuẩn bị khu điều trị, done by 20/11/2027"]


def test_sessions_said_for_each_class_and_a_day_over_the_lines_days():
    assert _amounts("Mở 4 lớp, mỗi lớp 30 học viên. Chi phí: báo cáo viên mỗi lớp 3 buổi, 700.000đ/buổi.") == [8_400_000]
    assert _amounts("Hội thảo 70 đại biểu. Costs: tea breaks for 70 participants, 2 breaks a day over the 3 days, 15,000 VND "
                   "per person per break.") == [6_300_000]


def test_a_party_resolution_numbered_with_a_hyphen_is_the_plans_basis_and_the_verb_is_said_once():
    draft = Drafter(_Index(SETTINGS, [])).draft(
        "Please draft the implementation plan of Sở Y tế Cà Mau implementing Resolution No. 72-NQ/TW dated 09/9/2025 of "
        "the Politburo, for 2026.").draft
    assert "Thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị" in draft
    assert "**Triển khai Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị" in draft


def test_a_person_said_in_shorthand_after_a_rate_counts_everyone():
    assert _amounts("Hội nghị 1 ngày, 80 đại biểu. Chi: ăn trưa 120k/ng; nước 15k/ng/buổi, 2 buổi.") == [9_600_000, 2_400_000]
    assert _amounts("Meeting, 1 day, 80 delegates. Costs: lunch 120k pp; water VND 15,000/head.") == [9_600_000, 1_200_000]


def test_people_sent_by_each_of_a_group_are_summed_with_the_other_groups():
    def people(request: str) -> list[int]:
        return [line.people for line in cost_lines(["ăn trưa 150.000đ/người"], context=request)]

    assert people("Thành phần: 20 đại biểu Sở, mỗi TTYT khu vực 3 người (10 TTYT). Chi: ăn trưa 150.000đ/người") == [50]
    assert people("Thành phần: lãnh đạo Sở 5 người, 10 TTYT khu vực, mỗi đơn vị 3 người. Chi: ăn trưa 150.000đ/người") == [35]
    assert people("Mời 10 TTYT khu vực, mỗi TTYT 3 đại biểu, và 20 đại biểu Sở. Chi: ăn trưa 150.000đ/người") == [50]


def test_english_people_from_each_of_a_group_are_counted_for_all_of_them():
    def people(request: str) -> list[int]:
        return [line.people for line in cost_lines(["lunch 150,000 VND per person"], context=request)]

    assert people("Participants: 12 from the Department, plus 2 from each of the 8 regional health centres. Costs: lunch "
                  "150,000 VND per person") == [28]
    assert people("Participants: 12 Department staff and 2 delegates from each of the 8 centres. Costs: lunch 150,000 VND "
                  "per person") == [28]


def test_a_line_for_one_group_named_counts_that_group_only():
    request = "Tập huấn 2 ngày, 50 học viên, 3 giảng viên. Chi: phòng nghỉ cho giảng viên 350.000đ/người/đêm, 2 đêm"
    assert [line.amount for line in cost_lines(["phòng nghỉ cho giảng viên 350.000đ/người/đêm, 2 đêm"], context=request)] \
        == [2_100_000]


def test_times_said_in_words_and_days_said_for_each_team_count():
    assert _amounts_after("Costs: ", "Conference, 1 day, 120 delegates. Costs: tea break twice, VND 15,000 per person each time.") == [3_600_000]
    assert _amounts_after("Costs: ", "Supervision: 3 teams of 4 people, 6 days each. Costs: per diem VND 200,000 per person per day.") == [14_400_000]


def test_the_events_days_said_alone_between_commas_and_a_rate_per_day_and_person_said_with_mot():
    assert _amounts("Hội thảo của Sở Y tế Hà Nam, 3 ngày, 40 đại biểu. Chi: thuê hội trường 2.000.000đ/ngày.") == [6_000_000]
    assert _amounts("Giám sát 4 người đi 5 ngày. Chi: phụ cấp lưu trú 200 ngàn một ngày một người.") == [4_000_000]


def test_a_line_named_for_one_group_and_a_set_for_each_delegate_count_once():
    request = ("Lớp 2 ngày, 45 học viên và 3 giảng viên. Chi: thù lao giảng viên 1 triệu/người/ngày; tài liệu 40.000đ/bộ cho "
               "mỗi học viên.")
    lines = ["thù lao giảng viên 1 triệu/người/ngày", "tài liệu 40.000đ/bộ cho mỗi học viên"]
    assert [line.amount for line in cost_lines(lines, context=request)] == [6_000_000, 1_800_000]


def test_members_joined_by_plus_groups_counted_in_brackets_and_per_class_day():
    assert _amounts_after("Chi: ", "Luân phiên 4 kíp, mỗi kíp 2 bác sĩ + 1 điều dưỡng, làm việc 5 ngày. Chi: phụ cấp 100.000đ/người/ngày.") \
        == [6_000_000]
    assert _amounts_after("Chi: ", "Hội nghị tổ chức 2 ngày. Thành phần: Sở 6 người, mỗi bệnh viện 2 người (có 5 bệnh viện), 8 TTYT khu vực "
                   "mỗi đơn vị 1 người. Chi: tài liệu 40.000đ/bộ, mỗi đại biểu 1 bộ; thuê hội trường 3 triệu/ngày.") \
        == [960_000, 6_000_000]
    assert _amounts_after("Chi: ", "Training: 3 classes, 20 trainees each, 2 days per class. Chi: hall VND 1,000,000 per class-day.") == [6_000_000]


def test_a_count_said_per_a_group_with_no_noun_of_its_own_counts_every_group():
    request = "The campaign covers 30 communes. Costs: posters 10 per commune, VND 20,000 each."
    assert [line.amount for line in cost_lines(["posters 10 per commune, VND 20,000 each"], context=request)] == [6_000_000]


def test_counts_in_words_people_among_others_and_the_events_counts_before_a_lines():
    # "trong đó có 10 …" are among the thirty-two; a line's own "2 người" is no count of the event's people.
    assert _amounts_after("Chi: ", "Hội nghị 1 ngày, mời ba mươi hai đại biểu, trong đó có 10 cộng tác viên. Chi: báo cáo viên 2 người x "
                   "1 buổi x 500.000đ; nước uống sáng và chiều cho toàn bộ đại biểu, 20 nghìn một lượt; hỗ trợ đi lại cho "
                   "số cộng tác viên nói trên 100 nghìn/người.") == [1_000_000, 1_280_000, 1_000_000]
    assert _amounts_after("Chi: ", "Campaign in twenty-four communes. Chi: banners 2 per commune, VND 250,000 each.") == [12_000_000]


def _lines(text: str) -> list[tuple[str, int, int]]:
    return [(line.item, line.people, line.days) for line in cost_lines([p for p in text.split(". ") if p], context=text)]


def test_a_line_for_the_same_people_as_the_line_before_takes_its_people_and_its_own_name():
    assert _lines("Công tác phí: 4 đoàn x 3 người, 6 ngày, 180.000 đồng/người/ngày. Tiền ngủ cho cùng số người đó, "
                  "5 đêm, 350.000 đồng/đêm")[1] == ("Tiền ngủ", 12, 5)
    assert _lines("Lunch for 40 people at VND 150,000. Accommodation for those same people: 2 nights, "
                  "VND 300,000 per person per night")[1] == ("Accommodation", 40, 2)


def test_one_teams_people_work_every_day_of_the_places_it_visits_but_a_classs_people_only_their_own():
    assert _lines("Đoàn 5 người giám sát 12 xã, mỗi xã 2 ngày. Công tác phí 200.000 đồng/người/ngày") == [
        ("Công tác phí", 5, 24)]
    assert _lines("The team is 6 people. They visit 8 hospitals, one day each. Per diem VND 200,000 per person per day"
                  )[0][1:] == (6, 8)
    assert _lines("Tổng 120 học viên, chia 3 lớp, mỗi lớp học 2 ngày. Tiền ăn 100.000 đồng/người/ngày")[0][1:] == (120, 2)
    # The teams are counted with their people: each person's 6 days, not 6 for each of the 4 teams.
    assert _lines("Công tác phí: 4 đoàn x 3 người, mỗi đoàn 6 ngày, 250.000 đồng/người/ngày")[0][1:] == (12, 6)


def test_a_count_said_without_its_noun_is_the_lines_and_millions_said_with_m():
    lines = cost_lines(["3 supervision teams of 4 people", "vehicles: 1 per team for 5 days, 1.2m per vehicle per day",
                        "water samples: 15 samples x 2m"], context="3 supervision teams of 4 people. Vehicles: 1 per team for 5 days")
    assert [(line.item, line.people * line.days * line.rate) for line in lines] == [
        ("Vehicles", 18_000_000), ("Water samples", 30_000_000)]
    # A size is no amount: "2m x 3m" stays metres.
    assert all(line.rate == 450_000 for line in cost_lines(["tea 20 people x 2 days x 15,000", "banner 2m x 3m, 450,000 VND"]
                                                           )[1:])


def test_people_said_as_so_many_of_a_unit_and_groups_with_long_names_are_summed():
    text = ("Hội nghị về tác hại của thuốc lá năm học 2026-2027 của Sở Y tế. Đại biểu: 10 đại biểu Sở Y tế, 25 của Trung "
            "tâm Kiểm soát bệnh tật, mỗi Trung tâm Y tế khu vực 3 người (12 Trung tâm Y tế khu vực). Ăn trưa 150.000 đồng/người")
    assert _lines(text) == [("Ăn trưa", 71, 1)]
    # A group named at length after another group's members is a group of its own, not one more member.
    text = ("Thành phần: Sở 5 người, Bảo hiểm xã hội tỉnh 4 người, mỗi bệnh viện tuyến tỉnh 3 người (có 7 bệnh viện), 12 "
            "Trung tâm Y tế khu vực mỗi đơn vị 2 người. Tài liệu 40.000 đồng/bộ, mỗi đại biểu 1 bộ")
    assert [line.people for line in cost_lines([text.split(". ")[1]], context=text)] == [54]


def test_people_who_each_do_so_many_sessions_are_paid_for_all_of_them():
    context = "Participants: 80 school kitchen managers plus 10 officials. "
    for line, people, sessions in (("2 experts, each speaks for 2 sessions, 1,5 triệu per session", 2, 2),
                                   ("2 trainers, each teaching 3 sessions at 800,000 per session", 2, 3),
                                   ("3 báo cáo viên, mỗi người trình bày 2 buổi, 1,5 triệu/buổi", 3, 2)):
        assert [(l.item, l.people, l.days) for l in cost_lines([line], context=context + line)] == [
            (line.split(",")[0].split(" ", 1)[1].capitalize(), people, sessions)]
    # "each class 2 days" is each class's, not each person's.
    text = "Training: 5 classes of 50 staff, each class 2 days. Meals 150k per trainee per day"
    assert [(l.people, l.days) for l in cost_lines([text.split(". ")[1]], context=text)] == [(250, 2)]


def test_columns_named_after_the_number_column_are_used_and_without_a_unit_column_each_value_carries_its_unit():
    request = understand("Báo cáo cần bảng kết quả, cột STT, chỉ tiêu, kế hoạch 2026, thực hiện 2026, đánh giá. Dòng: tỷ lệ "
                         "trẻ được tiêm chủng đầy đủ: 95% / 96,1%; tỷ suất tử vong trẻ dưới 1 tuổi: dưới 12‰ / 12,5‰",
                         RESTORER, SKELETONS)
    table = next(b.rows for b in scope_table(request, clauses(request.text)) if b.kind == "table")
    assert [table[0][0], table[0][1], table[0][4]] == ["STT", "Chỉ tiêu", "Đánh giá"] and "2026" in table[0][3]
    assert [row[2:] for row in table[1:]] == [["95%", "96,1%", "Đạt"], ["< 12‰", "12,5‰", "Không đạt"]]


def _agenda(text: str) -> list[list[str]]:
    lines = [line for line in _draft(text).draft.splitlines() if line.startswith("| ") and not line.startswith("| Thời gian")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def test_an_agenda_reads_lengths_in_hours_restarts_items_counted_by_x_and_the_welcome_before_the_opening():
    rows = _agenda("Chương trình hội nghị (chỉ bảng): sáng từ 7h30, đón tiếp 30p, báo cáo 1 tiếng, thảo luận 1 tiếng rưỡi; "
                   "nghỉ trưa; chiều từ 13h30: tham luận 3 bài x 15 phút, bế mạc 10 phút.")
    assert [when for when, _ in rows] == ["07h30 - 08h00", "08h00 - 09h00", "09h00 - 10h30", "13h30 - 13h45",
                                          "13h45 - 14h00", "14h00 - 14h15", "14h15 - 14h25"]
    rows = _agenda("Agenda table only, starting at 8:00 am: registration 30 mins; main report an hour; tea break a "
                   "quarter of an hour; afternoon session from 1:30 pm: discussion 1.5 hours; closing 10 min.")
    assert [when for when, _ in rows] == ["08h00 - 08h30", "08h30 - 09h30", "09h30 - 09h45", "13h30 - 15h00", "15h00 - 15h10"]
    rows = _agenda("Lập bảng chương trình hội nghị, khai mạc lúc 8 giờ: đón tiếp 30 phút trước giờ khai mạc; khai mạc 10 "
                   "phút; tham luận: 2 đơn vị, mỗi đơn vị 10 phút; bế mạc 5 phút.")
    assert rows[:2] == [["07h30 - 08h00", "Đón tiếp"], ["08h00 - 08h10", "Khai mạc"]]
    assert rows[2][1] == "Tham luận đơn vị 1"


def test_an_agenda_of_several_days_has_a_row_for_each_day_and_starts_each_at_its_hour():
    rows = _agenda("Bảng chương trình lớp tập huấn 2 ngày. Ngày thứ nhất, từ 8h00: khai giảng 15 phút; bài 1 90 phút. "
                   "Ngày thứ hai, từ 7h30: bài 2 120 phút; bế giảng 15 phút.")
    assert rows == [["", "Ngày thứ nhất"], ["08h00 - 08h15", "Khai giảng"], ["08h15 - 09h45", "Bài 1"],
                    ["", "Ngày thứ hai"], ["07h30 - 09h30", "Bài 2"], ["09h30 - 09h45", "Bế giảng"]]
    # Items joined by dashes in one sentence, their lengths in brackets; a dash between two hours is a slot.
    rows = _agenda("Giấy mời kèm bảng chương trình: Thời gian bắt đầu 14 giờ. Nội dung: Khai mạc (10 phút) - Báo cáo tình "
                   "hình (30 phút) - Ý kiến các đơn vị (60 phút).")
    assert rows == [["14h00 - 14h10", "Khai mạc"], ["14h10 - 14h40", "Báo cáo tình hình"], ["14h40 - 15h40", "Ý kiến các đơn vị"]]
    for typed in ("đón tiếp 7h30 - 8h00, khai mạc 8h00 - 8h15, báo cáo 8h15 - 9h00",
                  "7h30 - 8h00 đón tiếp; 8h00 - 8h15 khai mạc; 8h15 - 9h00 báo cáo",
                  "từ 7h30 đến 8h00 đón tiếp; từ 8h00 đến 8h15 khai mạc; từ 8h15 đến 9h00 báo cáo",
                  "7 giờ 30 - 8 giờ: đón tiếp; 8 giờ - 8 giờ 15: khai mạc; 8 giờ 15 - 9 giờ: báo cáo",
                  "7.30–8.00 welcome; 8.00–8.15 opening; 8.15–9.00 report"):
        assert _agenda(f"{'Programme table only' if '.' in typed else 'Chỉ cần bảng chương trình'}: {typed}.") == [
            ["07h30 - 08h00", "Đón tiếp"], ["08h00 - 08h15", "Khai mạc"], ["08h15 - 09h00", "Báo cáo"]], typed


def test_a_budget_table_drafted_alone_says_its_funding_source_under_it():
    draft = _draft("Làm bảng dự trù kèm công văn đề nghị cấp kinh phí luân phiên bác sĩ năm 2026: 6 kíp, mỗi kíp 3 người, "
                   "mỗi kíp làm việc 10 ngày. Phụ cấp 150.000 đồng/người/ngày. Nguồn ngân sách tỉnh năm 2026. Chỉ cần bảng.")
    assert "| 1 | Phụ cấp | 18 | 10 | 150.000 | 27.000.000 |" in draft.draft
    assert "Nguồn kinh phí: ngân sách tỉnh năm 2026." in draft.draft


def test_priced_bullets_after_asking_for_every_part_are_budget_lines_not_parts():
    draft = _draft("Viết hoàn chỉnh Kế hoạch tổ chức Hội thảo khoa học Điều dưỡng năm 2026 của Sở Y tế Đắk Lắk, từ 24 đến "
                   "25/9/2026, 150 đại biểu. Có đủ các phần và Nơi nhận, phụ lục dự trù kinh phí:\n- ăn: 200.000đ/người/ngày\n"
                   "- kỷ yếu: 1 cuốn/đại biểu, 110.000đ/cuốn\n- thuê hội trường: 8.000.000đ/ngày")
    assert "| 2 | Kỷ yếu | 150 | 1 | 110.000 | 16.500.000 |" in draft.draft and "| Tổng cộng |  |  |  | 92.500.000 |" in draft.draft
    assert "NƠI NHẬN, PHỤ LỤC" not in draft.draft and "### II. - " not in draft.draft


def test_a_budget_section_lays_out_its_estimate_without_being_told_it_is_a_table():
    draft = _draft("Please draft section 3 \"Kinh phí\" in part IV of our 2027 implementation plan for the TB case-finding "
                   "campaign in Gia Lai. Only that section. We cover 12 communes. Mobile X-ray: 2 trips per commune, "
                   "1.8 million per trip. Leaflets: 500 copies per commune at 1,500 VND a copy. Include the total in words.")
    assert "43.200.000" in draft.draft and "9.000.000" in draft.draft and "52.200.000" in draft.draft


def test_a_part_with_the_programme_lays_it_out_timed_and_minutes_are_no_budget():
    draft = _draft("Trong KH hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Ngãi, viết giúp phần II. Thời gian, "
                   "địa điểm, thành phần và chương trình (chỉ phần này): họp ngày 10/7/2026, bắt đầu 13h45. Chương trình: "
                   "khai mạc 10', báo cáo sơ kết 30', tham luận 3 đơn vị x 10', kết luận 15'.")
    assert "| 14h35 - 14h45 | Tham luận đơn vị 2 |" in draft.draft and "| 14h55 - 15h10 | Kết luận |" in draft.draft
    assert "Thành tiền" not in draft.draft


def test_speakers_each_given_minutes_are_timed_one_after_another():
    draft = _draft("Chỉ làm bảng chương trình hội thảo của Sở Y tế Hưng Yên, bắt đầu 13h30: khai mạc 10 phút, sau đó 3 báo "
                   "cáo viên trình bày, mỗi người 20 phút, bế mạc 10 phút.")
    assert "| 14h20 - 14h40 | " in draft.draft and "| 14h40 - 14h50 | Bế mạc |" in draft.draft


def test_lengths_typed_as_hours_and_a_half_days_start_hour_without_tu():
    draft = _draft("Chỉ cần bảng chương trình tập huấn của Sở Y tế Nghệ An ngày 12/6/2026: sáng 7h30 đón tiếp 30p, khai mạc 15p, "
                   "chuyên đề 1 hai tiếng, nghỉ trưa; chiều 13h30 chuyên đề 2: 1h30, thực hành 1h, tổng kết 30p.")
    for row in ("| 07h30 - 08h00 | Đón tiếp |", "| 08h15 - 10h15 | Chuyên đề 1 |", "| 13h30 - 15h00 | Chuyên đề 2 |",
                "| 15h00 - 16h00 | Thực hành |", "| 16h00 - 16h30 | Tổng kết |"):
        assert row in draft.draft


def test_an_english_programme_with_a_slot_from_the_bare_hour_and_lengths_in_hours():
    draft = _draft("Agenda table only, in Vietnamese, for the one-day training run by Sở Y tế Quảng Ninh in 2026. Morning: "
                   "opening from 8 to 8:15, session 1 1h30, tea break 15 mins, then session 2 until 11:30.")
    for row in ("| 08h00 - 08h15 | Khai mạc |", "| 08h15 - 09h45 |", "| 10h00 - 11h30 |"):
        assert row in draft.draft


def test_a_provinces_own_name_is_no_english_left_over():
    draft = _draft("Soạn kế hoạch tổ chức hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Đắk Lắk, ngày 15/7/2026.")
    assert "Đắk Lắk" in draft.draft and not any(w.startswith("còn từ tiếng Anh") for w in draft.warnings)
