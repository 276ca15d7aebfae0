"""The drafter's rules without a model: reading a request, budget arithmetic, what an LLM reading may keep,
which written lines may stand, and the layout and specifics checks on hand-written drafts."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.draft.checks import check_budget, check_layout, check_specifics
from assistant.draft.request import parse_request
from assistant.draft.request_reading import ReadFields, checked_fields
from assistant.draft.task_writer import line_problem
from assistant.vietnamese.restorer import get_restorer

RESTORER = get_restorer(Settings().restorer_params)
INSTRUCTION = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực "
               "tuyến ngày 15/7/2026 lúc 8h00 tại Hội trường Sở Y tế. Thành phần: Lãnh đạo Sở; Trưởng các phòng "
               "chức năng. Kinh phí: thuê hội trường: 5.000.000 đồng; tài liệu: 3.000.000 đồng; tổng: 8.000.000 "
               "đồng. Các đơn vị gửi báo cáo trước ngày 10/7/2026.")
DRAFT = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực tuyến "
         "ngày 15/7/2026 lúc 8h00. Các đơn vị gửi báo cáo trước ngày 10/7/2026.")
REQUIRED = ["muc dich, yeu cau", "noi dung", "to chuc thuc hien"]
WELL_FORMED = """## KẾ HOẠCH
**Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026**

### I. MỤC ĐÍCH, YÊU CẦU

**1. Mục đích**

**2. Yêu cầu**

### II. NỘI DUNG

### III. TỔ CHỨC THỰC HIỆN

**1. Văn phòng Sở Y tế**

Trên đây là Kế hoạch của Sở Y tế tỉnh Quảng Trị, họp ngày 15/07/2026./.

**Nơi nhận:**
"""


def test_a_vietnamese_instruction_is_understood():
    r = parse_request(INSTRUCTION)
    assert (r.doc_type, r.kind, r.province, r.year, r.date, r.time, r.form) == (
        "KH", "sơ kết", "Quảng Trị", 2026, "15/07/2026", "08h00", "trực tuyến")
    assert r.event == "Hội nghị sơ kết 6 tháng đầu năm 2026" and r.venue == "Hội trường Sở Y tế"
    assert r.participants == ["Lãnh đạo Sở", "Trưởng các phòng chức năng"]
    assert [(b.item, b.amount) for b in r.budget] == [("thuê hội trường", 5_000_000), ("tài liệu", 3_000_000)]
    assert r.budget_total == 8_000_000 and r.deadlines == ["10/7/2026"]


def test_an_english_instruction_and_what_it_leaves_out():
    r = parse_request("Draft a plan for the year-end review conference of the Quang Tri Department of Health, "
                      "online on 20/12/2026")
    assert (r.kind, r.province, r.date, r.form) == ("tổng kết", "Quang Tri", "20/12/2026", "trực tuyến")
    assert r.venue is None and r.time is None and r.participants == [] and r.budget_total is None


def test_budget_arithmetic():
    assert check_budget(parse_request(INSTRUCTION)) == []
    wrong = parse_request(INSTRUCTION.replace("tổng: 8.000.000", "tổng: 9.000.000"))
    assert check_budget(wrong) == ["dự trù kinh phí không khớp: các khoản cộng lại 8.000.000 đồng, tổng ghi 9.000.000 đồng"]
    in_millions = parse_request("Hội nghị tổng kết năm 2026. Kinh phí: hội trường: 2 triệu; nước uống: 1 triệu; tổng: 3 triệu")
    assert in_millions.budget_total == 3_000_000 and check_budget(in_millions) == []


def test_what_an_llm_reads_from_an_instruction_stands_only_when_the_instruction_holds_it():
    instruction = ("Giúp tôi làm kế hoạch hội nghị sơ kết năm 2026 cho Sở Y tế Quảng Trị. Họp online 15/7/2026, "
                   "bắt đầu 8 giờ, ở phòng họp số 2 của Sở. Mời lãnh đạo Sở và giám đốc các bệnh viện tuyến tỉnh.")
    read = ReadFields(province="Quảng Trị", date="15/07/2026", time="08:00", venue="Phòng họp số 2, Sở Y tế Quảng Trị",
                      participants=["Lãnh đạo Sở Y tế Quảng Trị", "Giám đốc các bệnh viện tuyến tỉnh", "Các chuyên gia"],
                      deadline="10/07/2026")
    assert checked_fields(read, instruction) == {
        "province": "Quảng Trị", "date": "15/07/2026", "time": "08h00", "venue": "Phòng họp số 2",
        "participants": ["Lãnh đạo Sở", "Giám đốc các bệnh viện tuyến tỉnh"]}  # no deadline in the instruction
    guessed = ReadFields(province="Kon Tum", date="01/06/2026", time="09h30", venue="Online",
                         participants=["Trưởng phòng Y tế"], deadline="31/02/2026")
    assert checked_fields(guessed, instruction) == {}  # other province, day, hour; "online" is no venue
    english = "Year-end review of the Bac Ninh provincial health department, at the conference centre on 18 December 2027"
    assert checked_fields(ReadFields(province="Bắc Ninh", date="18/12/2027", venue="conference centre"), english) == {
        "province": "Bac Ninh", "date": "18/12/2027", "venue": "Conference centre"}  # the name as the user wrote it


def test_a_written_line_with_a_number_or_place_nobody_gave_is_rejected():
    request = parse_request(DRAFT)
    exemplar = "Chuẩn bị tài liệu Hội nghị, gửi đại biểu trước ngày 10/7/2026"
    assert line_problem("Chuẩn bị tài liệu và gửi đại biểu trước ngày 10/7/2026", exemplar, request, set(), RESTORER) == ""
    assert "26/12/2025" in line_problem("Gửi tài liệu trước ngày 26/12/2025", exemplar, request, set(), RESTORER)
    assert "Đồng Nai" in line_problem("Phối hợp với Sở Y tế tỉnh Đồng Nai chuẩn bị", exemplar, request, {"Đồng Nai"}, RESTORER)
    assert line_problem("Chuẩn bị:", exemplar, request, set(), RESTORER)  # a fragment
    assert "céac" in line_problem("Phối hợp với céac phòng chuẩn bị tài liệu Hội nghị", exemplar, request, set(), RESTORER)


def test_a_well_formed_draft_passes_the_layout_check_and_each_fault_is_named():
    assert check_layout(WELL_FORMED, REQUIRED) == []
    assert check_layout(WELL_FORMED.replace("### II. NỘI DUNG", "### II. GHI CHÚ"), REQUIRED) == ["thiếu phần bắt buộc: NOI DUNG"]
    assert any("không theo thứ tự" in w for w in check_layout(WELL_FORMED, ["noi dung", "muc dich, yeu cau"]))
    assert check_layout(WELL_FORMED.replace("### III.", "### IV."), REQUIRED) == ["đánh số phần không liên tục: I, II, IV"]
    assert any("không liên tục trong phần I." in w for w in check_layout(WELL_FORMED.replace("**2. Yêu cầu", "**3. Yêu cầu"), REQUIRED))
    assert check_layout(WELL_FORMED.replace("**Nơi nhận:**", ""), REQUIRED) == ["thiếu Nơi nhận"]


def test_specifics_of_old_documents_and_missing_requested_ones_are_named():
    request = parse_request(DRAFT)
    assert check_specifics(WELL_FORMED, request, {"Đồng Nai", "2022"}) == []
    stale = WELL_FORMED + "\nPhối hợp với Sở Y tế tỉnh Đồng Nai như năm 2022."
    assert check_specifics(stale, request, {"Đồng Nai", "2022"}) == [
        "chi tiết cũ từ văn bản mẫu: 2022", "chi tiết cũ từ văn bản mẫu: Đồng Nai"]
    assert check_specifics(WELL_FORMED + " năm 2031", request, set()) == ["năm khác năm yêu cầu: 2031"]
    elsewhere = WELL_FORMED.replace("Quảng Trị", "Kon Tum").replace("15/07/2026", "16/07/2026")
    assert check_specifics(elsewhere, request, set()) == ["không thấy tỉnh yêu cầu: Quảng Trị",
                                                          "không thấy ngày yêu cầu: 15/07/2026"]
    assert check_specifics(elsewhere, request, set(), whole=False) == []  # one part alone names neither


def test_typed_dates_are_written_as_the_documents_write_them():
    from assistant.draft.dates import house_dates

    assert house_dates("luc 14 gio ngay 8 thang 1 nam 2027") == "luc 14 gio ngay 08/01/2027"
    assert house_dates("học 2 ngày 19-20/11/2026") == "học 2 ngày 19/11/2026 - 20/11/2026"
    assert house_dates("tiêm từ 15/3 đến 15/4/2027") == "tiêm từ 15/3/2027 đến 15/4/2027"
    assert house_dates("trước 17h ngày 5-12-2027") == "trước 17h ngày 05/12/2027"
    # The decree's zeros are added (a day below 10, January and February); typed zeros stay.
    assert house_dates("họp 8/12/2026, báo cáo trước 6/2/2027") == "họp 08/12/2026, báo cáo trước 06/02/2027"
    assert house_dates("ngày 14/07/2027 và 30/6/2027") == "ngày 14/07/2027 và 30/6/2027"
    # Document numbers, amounts and year spans are not dates.
    for text in ("Thông tư số 12/2013/TT-BYT", "1.200.000 đồng", "giai đoạn 2021-2025", "ngày 32/13/2026"):
        assert house_dates(text) == text


def test_acronyms_typed_without_marks_are_written_out_before_restoring():
    from assistant.draft.prepare import prepared

    text = prepared("de nghi cac don vi gui bao cao ve VP So truoc 16h, hop tai phong hop tang 4 So Y te", RESTORER)
    assert "Văn phòng Sở" in text and "phòng họp tầng 4" in text
    assert "Phòng Kế hoạch - Tài chính lo kinh phí" in prepared("phong KHTC lo kinh phi hoi nghi", RESTORER)


def test_typed_hours_are_written_as_the_documents_write_them():
    from assistant.draft.dates import house_hours

    assert house_hours("báo cáo trước 16h ngày 06/01/2027") == "báo cáo trước 16h00 ngày 06/01/2027"
    assert house_hours("lúc 14 giờ 30 phút, khai mạc 8h, đón tiếp 7g30") == "lúc 14h30, khai mạc 08h00, đón tiếp 07h30"
    assert house_hours("họp lúc 2 giờ chiều") == "họp lúc 14h00 chiều"
    # Lengths of time, weights and round-the-clock duty are no hours.
    for text in ("xử lý trong 48 giờ", "5g muối", "trực 24/24h", "sau 2 giờ thảo luận"):
        assert house_hours(text) == text


def test_budget_lines_typed_as_busy_staff_type_them():
    from assistant.draft.prepare import prepared
    from assistant.draft.tables import cost_lines

    typed = ("du tru kinh phi, so lieu:\n1. hoa chat diet muoi 350 lit x 420.000d\n"
             "2. boi duong nhan cong phun 60 nguoi x 5 ngay x 150k\n3. truyen thong tron goi 6.500.000d")
    lines = cost_lines(prepared(typed, RESTORER).split("; "))
    assert [line.amount for line in lines] == [147_000_000, 45_000_000, 6_500_000]
    # A scale word inside the figure, and a row pasted with bars.
    assert [line.rate for line in cost_lines(["báo cáo viên 3 người x 2 buổi x 1tr2", "trang trí trọn gói 5tr5"])] == [
        1_200_000, 5_500_000]
    assert [(line.people, line.days, line.rate) for line in cost_lines(["công tác phí | 5 người | 8 ngày | 200.000 d"])] == [
        (5, 8, 200_000)]
    # A break in the morning and one in the afternoon, rated per break; a line named only by what it counts, under
    # a label over the lines.
    lines = cost_lines(["giải khát giữa giờ sáng và chiều 30.000 đồng/người/buổi, 85 đại biểu",
                        "Chi phí: 20 phòng nghỉ x 2 đêm x 400.000đ"])
    assert [(line.item, line.people, line.days) for line in lines] == [
        ("Giải khát giữa giờ sáng và chiều", 85, 2), ("Phòng nghỉ", 20, 2)]
    # A row copied from a spreadsheet whose name writes the count the quantity cell gives only part of.
    assert [(line.people, line.days, line.amount) for line in cost_lines(
        ["Phụ cấp chống dịch (40 người x 10 ngày)\t40\tngười\t130.000"])] == [(40, 10, 52_000_000)]


def test_the_kind_of_review_is_the_one_named_first_not_the_one_set_aside():
    from assistant.draft.request import review_kind

    assert review_kind("Hội nghị sơ kết 6 tháng đầu năm 2027. Lưu ý: sơ kết giữa năm chứ không phải tổng kết năm") == "sơ kết"
    assert review_kind("Hội nghị tổng kết năm 2026, không phải sơ kết") == "tổng kết"
    assert review_kind("Hội nghị giao ban quý III") is None


def test_indicator_rows_with_bounds_in_words_and_units_after_the_figure():
    from assistant.draft.indicators import indicator_row

    assert indicator_row("- tỷ lệ mắc sốt xuất huyết dưới 100 ca/100.000 dân") == [
        "tỷ lệ mắc sốt xuất huyết", "ca/100.000 dân", "< 100"]
    assert indicator_row("- tỷ lệ suy dinh dưỡng thể thấp còi không quá 18%") == ["tỷ lệ suy dinh dưỡng thể thấp còi", "%", "≤ 18"]
    assert indicator_row("- số ca tử vong do bệnh dại: 0 ca") == ["số ca tử vong do bệnh dại", "ca", "0"]
    # The unit in brackets after the name, the two years' values joined by "and" / "và".
    assert indicator_row("Số ca tử vong (ca): 2 and 0") == ["Số ca tử vong", "ca", "2", "0"]
    assert indicator_row("Tỷ lệ ổ dịch được xử lý đúng hạn (%): 97 và 100") == [
        "Tỷ lệ ổ dịch được xử lý đúng hạn", "%", "97", "100"]


def test_a_table_pasted_from_a_spreadsheet_is_read_with_its_figures_written_the_vietnamese_way():
    from assistant.draft.pasted import pasted_table

    table = pasted_table("bảng số liệu, mình paste:\nChỉ tiêu\tĐVT\tKH 2027\tTH 9 tháng\n"
                         "Số người điều trị ARV\tngười\t1850\t1712\nTỷ lệ ức chế vi rút\t%\t>=95\t96.3")
    assert table == [["Chỉ tiêu", "ĐVT", "KH 2027", "TH 9 tháng"], ["Số người điều trị ARV", "người", "1.850", "1.712"],
                     ["Tỷ lệ ức chế vi rút", "%", "≥ 95", "96,3"]]


def test_titles_typed_short_and_english_possessives_are_written_as_the_house_style_writes_them():
    from assistant.draft.prepare import prepared, titles_written_out

    assert titles_written_out("GĐ Sở kết luận; PGD Vu Duc Thang ky; BGĐ Sở; TL. GĐ CVP Lê Minh Đức ký") == (
        "Giám đốc Sở kết luận; Phó Giám đốc Vu Duc Thang ky; Ban Giám đốc Sở; TL. Giám đốc Chánh Văn phòng Lê Minh Đức ký")
    assert "'s" not in prepared("Opening speech by the Director of the Department's office, then the Director's report.",
                                RESTORER)


def test_health_terms_typed_as_acronyms_are_written_out():
    from assistant.vietnamese.glossary import terms_written_out

    assert terms_written_out("báo cáo số liệu KCB BHYT quý I; quản lý THA, ĐTĐ tại TYT") == (
        "báo cáo số liệu khám bệnh, chữa bệnh bảo hiểm y tế quý I; quản lý tăng huyết áp, đái tháo đường tại TYT")
    assert terms_written_out("tha hồ, kcb") == "tha hồ, kcb"  # capitals only


def test_budget_lines_keep_their_figures_whole_and_their_names():
    from assistant.draft.tables import cost_lines

    assert [(line.item, line.rate, line.amount) for line in cost_lines(["photo tài liệu 150 bộ * 12.000 = 1.800.000"])] == [
        ("Photo tài liệu", 12_000, 1_800_000)]
    assert [line.item for line in cost_lines(["in 120 bộ x 25.000đ/bộ, thuê xe 2 ngày x 1,5 triệu"])] == ["In", "Thuê xe"]
    assert [(line.people, line.days) for line in cost_lines(["nuoc uong 2 buoi x 50 nguoi x 15.000d"])] == [(50, 2)]


def test_lump_sums_listed_after_lines_with_factors_are_lines_of_their_own():
    from assistant.draft.tables import cost_lines

    lines = cost_lines(["ăn trưa 120 người x 1 ngày x 150k, thuê hội trường trọn gói 6 triệu, hoa tươi khánh tiết 1,5 triệu"])
    assert [(line.item, line.amount) for line in lines] == [
        ("Ăn trưa", 18_000_000), ("Thuê hội trường", 6_000_000), ("Hoa tươi khánh tiết", 1_500_000)]
    # The line's own amount typed after "=" and a total are no lines.
    assert len(cost_lines(["50 người x 100k = 5.000.000đ, tổng cộng 5 triệu"])) == 1


def test_a_figures_unit_typed_short_is_written_out_before_restoring():
    from assistant.draft.prepare import prepared, units_written_out
    from assistant.draft.tables import cost_lines

    assert units_written_out("x 150k; 1tr2/ngay; 420.000d; 3D; trong 2d") == (
        "x 150 nghìn; 1,2 triệu/ngay; 420.000 đồng; 3D; trong 2d")
    text = prepared("du tru kinh phi: tai lieu 40 bo x 30k; thue hoi truong tron goi 5tr. chi lam bang", RESTORER)
    assert "5 triệu" in text  # "5tr" had been restored as "u", read as OCR damage
    assert [line.amount for line in cost_lines(text.split("; "))] == [1_200_000, 5_000_000]


def test_a_rate_per_unit_counts_what_it_is_per_and_a_lump_sum_keeps_its_line_name():
    from assistant.draft.tables import cost_lines

    lines = cost_lines(["sửa chữa 4 trạm y tế bị ngập: 85 triệu/trạm", "vận chuyển: 6 chuyến x 2 triệu",
                        "hóa chất khử khuẩn: trọn gói 95 triệu"])
    assert [(line.item, line.people, line.amount) for line in lines] == [
        ("Sửa chữa 4 trạm y tế bị ngập", 4, 340_000_000), ("Vận chuyển", 6, 12_000_000),
        ("Hóa chất khử khuẩn", 1, 95_000_000)]


def test_a_rate_per_day_without_a_day_count_runs_for_the_whole_event():
    from assistant.draft.tables import cost_lines

    typed = ["Lớp tập huấn 3 ngày tại hội trường Sở", "tiền ăn học viên 40 150 nghìn/người/ngày",
             "thuê máy chiếu: 500 nghìn/ngày", "tài liệu 40 bộ x 30.000 đồng/bộ", "xe đưa đón 2 ngày x 1,5 triệu/ngày"]
    assert [(line.people, line.days, line.amount) for line in cost_lines(typed)] == [
        (40, 3, 18_000_000), (1, 3, 1_500_000), (40, 1, 1_200_000), (1, 2, 3_000_000)]
    # "12-13/11" says two days as well; without an event length a day is a day.
    assert cost_lines(["Hội nghị ngày 12-13/11/2027", "nước uống 50 người x 20k/người/ngày"])[0].days == 2
    assert cost_lines(["nước uống 50 người x 20k/người/ngày"])[0].days == 1


@pytest.mark.parametrize("request_text, line, counted", [
    # The people the request invites, the event's days: a line that does not count them takes them.
    ("Hội nghị diễn ra 2 ngày tại Sở. Mời 50 đại biểu", "nước uống 30 nghìn/người/ngày", (50, 2, 3_000_000)),
    ("", "mời 60 đại biểu, mỗi người được hỗ trợ tiền ăn 120 nghìn một ngày, hội nghị 2 ngày", (60, 2, 14_400_000)),
    ("", "khen thưởng 8 tập thể, mỗi tập thể 1,5 triệu", (8, 1, 12_000_000)),
    # "3 lớp, mỗi lớp 40 học viên": 120 học viên; a rate per class counts the classes.
    ("3 lớp, mỗi lớp 40 học viên, học 1 ngày", "tài liệu 25 nghìn/bộ, mỗi học viên 1 bộ", (120, 1, 3_000_000)),
    ("3 lớp, mỗi lớp 40 học viên, học 1 ngày", "thuê hội trường 2 triệu/lớp", (3, 1, 6_000_000)),
    ("3 lớp, mỗi lớp 40 học viên", "thù lao mỗi lớp 2 giảng viên, 1 triệu/giảng viên/lớp", (6, 1, 6_000_000)),
    ("3 lớp, mỗi lớp 40 học viên", "giấy chứng nhận 4.000 đồng/tờ cho mỗi học viên", (120, 1, 480_000)),
    # Sessions, nights and days counted after the rate.
    ("Lớp học 2 buổi", "nước uống 90 người, 15 nghìn/người/buổi", (90, 2, 2_700_000)),
    ("", "lodging, 12 double rooms at VND 350,000 per room per night, 3 nights", (12, 3, 12_600_000)),
    ("", "supervision, 2 teams x 4 days, 800.000 đồng per team per day", (2, 4, 6_400_000)),
    ("A course from 3 to 06/10/2027 for 30 nurses", "meals, VND 100,000 per trainee per day", (30, 4, 12_000_000)),
    # The dates as house style writes them, "thời gian 2 ngày", and a lead-in before the lines' colon.
    ("Tập huấn 05/11/2026 - 06/11/2026, 100 người", "ăn trưa 120 nghìn/người/ngày", (100, 2, 24_000_000)),
    ("thời gian 2 ngày, mời 40 người", "nước uống 20 nghìn/người/ngày", (40, 2, 1_600_000)),
    ("Hội nghị 2 ngày (1 ngày họp, 1 ngày đi thực tế), 75 đại biểu: Ăn", "180 nghìn/người/ngày", (75, 2, 27_000_000)),
    # Counts joined by × to the one the rate is per; "1 phiếu/trẻ" counts one for each child; experts are people.
    ("", "xe đưa đoàn: 3 xe x 2 lượt, 1,8 triệu/lượt", (6, 1, 10_800_000)),
    ("Tiêm cho 18.000 trẻ", "in phiếu đồng ý tiêm 1 phiếu/trẻ, 300 đồng/phiếu", (18_000, 1, 5_400_000)),
    ("mời 100 đại biểu", "mời 2 chuyên gia báo cáo, mỗi người 1,2 triệu/buổi, cả 2 buổi", (2, 2, 4_800_000)),
    # Hundreds said in a word.
    ("", "bồi dưỡng 3 báo cáo viên, mỗi người 2 trăm nghìn", (3, 1, 600_000)),
    # Costs said for each class: a class's people once, the classes counted apart; a set of documents for each one.
    ("4 lớp, mỗi lớp 25 người, học 2 ngày", "chi phí mỗi lớp: nước uống 15 nghìn/người/ngày", (100, 2, 3_000_000)),
    ("4 lớp, mỗi lớp 25 người, học 2 ngày", "chi phí mỗi lớp: tài liệu 40 nghìn/bộ", (100, 1, 4_000_000)),
    ("24 xã", "tập huấn cho 3 cộng tác viên mỗi xã, học 1 ngày, 100 nghìn/người/ngày", (72, 1, 7_200_000)),
    # Each group's members of two kinds: all of them for a rate per person, one kind for a rate per one of it.
    ("3 teams, each with 4 inspectors and 1 driver, working 5 days", "per diem VND 200,000 per person per day",
     (15, 5, 15_000_000)),
    ("2 lớp, mỗi lớp 40 học viên và 2 giảng viên", "giấy chứng nhận cho tất cả học viên, 10.000 đồng mỗi tờ",
     (80, 1, 800_000)),
    ("two classes, each lasting 2 days", "trainer fees, 4 sessions per class at VND 500,000 per session", (1, 8, 4_000_000)),
    # What is said for each commune is done in every one; a rate typed without its currency; "một buổi" is per one.
    ("25 communes", "in each commune 2 volunteers work 4 days, allowance 50,000 per person per day", (50, 4, 10_000_000)),
    ("Lớp học 4 buổi", "báo cáo viên hai trăm nghìn một buổi", (1, 4, 800_000)),
    ("for 30 participants", "tea breaks 15.000 per person", (30, 1, 450_000)),
    # Days said for each class: a hall is hired every day of every class, a trainer's sessions are each class's.
    ("2 lớp, mỗi lớp 30 học viên, mỗi lớp học 3 ngày", "thuê hội trường 2 triệu/ngày", (1, 6, 12_000_000)),
    ("2 lớp, mỗi lớp 30 học viên, mỗi lớp học 3 ngày", "giảng viên 500 nghìn/buổi, mỗi ngày 2 buổi", (1, 12, 6_000_000)),
    ("2 lớp, mỗi lớp 30 học viên, mỗi lớp học 3 ngày", "ăn trưa 100 nghìn/người/ngày", (60, 3, 18_000_000)),
    # Nights the people stay; people of several kinds joined by "plus" and "and"; "each" with nothing counted.
    ("4 người, đi 3 ngày, ngủ lại 2 đêm", "phòng nghỉ 300 nghìn/người/đêm", (4, 2, 2_400_000)),
    ("40 participants plus 2 trainers and 3 organisers", "meals 100,000 VND per person", (45, 1, 4_500_000)),
    ("40 participants plus 2 trainers and 3 organisers", "handouts 20,000 per set, for participants only",
     (40, 1, 800_000)),
    ("lunch for 80 delegates", "drinks 25,000 each", (80, 1, 2_000_000)),
    # Everyone counted group by group, a group's breakdown in brackets no group of its own; a line for one group.
    ("Đại biểu: cấp tỉnh 30 người, các xã 60 người (mỗi xã 2 người), khách mời 10 người", "ăn trưa: toàn bộ đại biểu x 120 nghìn",
     (100, 1, 12_000_000)),
    ("Đại biểu: cấp tỉnh 30 người, các xã 60 người (mỗi xã 2 người), khách mời 10 người",
     "hỗ trợ đi lại cho đại biểu các xã: 50 nghìn/người", (60, 1, 3_000_000)),
])
def test_a_rate_counts_each_unit_it_is_per_in_its_line_or_in_the_request(request_text, line, counted):
    from assistant.draft.tables import cost_lines

    found = cost_lines([line], context=f"{request_text}; {line}" if request_text else "")
    assert [(found_line.people, found_line.days, found_line.amount) for found_line in found] == [counted]


def test_lines_joined_by_and_share_the_people_they_include():
    from assistant.draft.tables import cost_lines

    typed = "ăn trưa 120.000đ/người/ngày và nước uống 20k/người/ngày, tính cả giảng viên"
    context = f"3 lớp, mỗi lớp 40 học viên, mỗi lớp có 2 giảng viên, học 2 ngày. {typed}"
    assert [(line.item, line.people, line.days) for line in cost_lines([typed], context=context)] == [
        ("Ăn trưa", 126, 2), ("Nước uống", 126, 2)]


def test_a_spreadsheet_row_is_a_budget_line_only_with_money_in_it():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    pasted = _one_line("Ăn trưa đại biểu\t50 người\t1 ngày\t150.000\nThuê hội trường trọn gói\t4.000.000\n"
                       "Số người điều trị ARV\tngười\t1850\t1712")
    lines = cost_lines(pasted.split("; "))
    assert [(line.item, line.amount) for line in lines] == [("Ăn trưa đại biểu", 7_500_000), ("Thuê hội trường", 4_000_000)]


def test_priced_lines_between_commas_are_lines_of_their_own():
    from assistant.draft.tables import cost_lines

    typed = "chi: ăn trưa 120 nghìn/người/ngày, giải khát 20 nghìn/người/ngày, thuê phòng máy 2 phòng x 2 ngày x 2 triệu"
    lines = cost_lines([typed], context=f"học 2 ngày, 100 người; {typed}")
    assert [(line.item, line.people, line.days, line.amount) for line in lines] == [
        ("Ăn trưa", 100, 2, 24_000_000), ("Giải khát", 100, 2, 4_000_000), ("Thuê phòng máy", 2, 2, 8_000_000)]
    # What a line counts after its rate stays with it.
    assert [(line.people, line.days) for line in cost_lines(["ăn trưa: 150.000 đồng/người/ngày, 80 người, 2 ngày"])] == [(80, 2)]


def test_a_pasted_row_priced_as_a_lump_sum_is_a_line():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    pasted = _one_line("Bộ phòng hộ\t400\tbộ\t95.000\nTuyên truyền trên Báo tỉnh\ttrọn gói\t\t15.000.000")
    assert [line.amount for line in cost_lines(pasted.split("; "))] == [38_000_000, 15_000_000]


def test_rows_pasted_under_named_budget_columns_have_their_amounts_computed_again():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    typed = ("số liệu copy từ excel (nội dung, số lượng, số ngày, định mức, thành tiền), dòng nước uống em nhân sai:\n"
             "Giải nhất\t1\t1\t3000000\t3000000\nNước uống\t120\t2\t30000\t7500000")
    pasted = _one_line(typed)
    assert [(line.item, line.people, line.days, line.amount) for line in cost_lines(pasted.split("; "), context=pasted)] == [
        ("Giải nhất", 1, 1, 3_000_000), ("Nước uống", 120, 2, 7_200_000)]


def test_words_of_any_request_name_no_budget_column():
    from assistant.draft.tables import cost_lines

    # "the amount in words" names no amount column: the row's last figure is its rate.
    typed = "Budget table at the usual rate, with the total and the amount in words: Lunch | 50 | 2 | 150.000"
    assert [line.amount for line in cost_lines([typed.split(": ", 1)[1]], context=typed)] == [15_000_000]


def test_a_plus_between_words_is_and():
    from assistant.draft.prepare import prepared

    assert prepared("Viết phần kinh phí + bảng dự trù cho kế hoạch hội thi; 2 + 3 người", RESTORER) == (
        "Viết phần kinh phí và bảng dự trù cho kế hoạch hội thi; 2 + 3 người")


def test_a_count_after_the_word_kinh_phi_is_no_amount():
    request = parse_request("Soạn kế hoạch hội nghị. Về kinh phí: mời 80 đại biểu, nguồn sự nghiệp y tế")
    assert request.budget == [] and request.budget_total is None  # "80 đại" had been read as 80 đồng


@pytest.mark.parametrize("said, figures", [
    ("mỗi pa nô ba triệu hai trăm nghìn", "mỗi pa nô 3.200.000 đồng"),
    ("phát thanh mỗi số một triệu rưỡi", "phát thanh mỗi số 1.500.000 đồng"),
    ("tổng một trăm linh bảy triệu sáu trăm nghìn đồng", "tổng 107.600.000 đồng"),
    ("giai khat hai muoi lam nghin/nguoi", "giai khat 25.000 đồng/nguoi"),
    ("mỗi người một triệu hai", "mỗi người 1.200.000 đồng"),
    # Words that only look like numbers stay words: a year, a budget (ngân sách), "tư nhân", counts of things.
    ("kinh phi tu ngan sach tinh nam 2027", "kinh phi tu ngan sach tinh nam 2027"),
    ("y tế tư nhân, năm 2027 có ba lớp", "y tế tư nhân, năm 2027 có ba lớp"),
])
def test_amounts_said_in_words_are_written_in_figures(said, figures):
    from assistant.draft.number_words import figures_for_words

    assert figures_for_words(said) == figures


def test_amounts_in_words_say_the_zero_hundreds_of_a_group_after_the_first():
    from assistant.draft.number_words import in_words

    assert in_words(43_050_000) == "Bốn mươi ba triệu không trăm năm mươi nghìn đồng"
    assert in_words(1_005_000) == "Một triệu không trăm linh năm nghìn đồng"
    assert in_words(107_600_000) == "Một trăm linh bảy triệu sáu trăm nghìn đồng"
    assert in_words(2_000_500) == "Hai triệu năm trăm đồng"
    # An amount beyond any budget (a hostile request) is still said, never an error.
    assert in_words(10**19).endswith(" đồng") and in_words(0) == "Không đồng"


def test_budget_lines_priced_in_words_by_the_piece_and_amounts_alone_among_lines():
    from assistant.draft.tables import cost_lines

    typed = ("tờ rơi 3.000 tờ, mỗi tờ hai nghìn đồng; băng rôn 6 cái, mỗi cái một triệu rưỡi; "
             "các khoản: nước uống 90 người x 2 buổi x 20.000đ, thuê loa máy 2.500.000đ, tài liệu 90 bộ x 15.000đ")
    assert [(line.item, line.amount) for line in cost_lines([typed], context=typed)] == [
        ("Tờ rơi", 6_000_000), ("Băng rôn", 9_000_000), ("Nước uống", 3_600_000), ("Thuê loa máy", 2_500_000),
        ("Tài liệu", 1_350_000)]


def test_rows_pasted_under_a_row_number_column_typed_without_marks():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    pasted = _one_line("bang em dan tu excel:\nSTT | noi dung | SL | so ngay | don gia\n1 | an trua | 60 | 2 | 100000\n"
                       "2 | thue phong hop | 1 | 2 | 3000000\n3 | bao cao vien | 2 | 1 | 800000")
    assert [(line.people, line.days, line.amount) for line in cost_lines(pasted.split("; "), context=pasted)] == [
        (60, 2, 12_000_000), (1, 2, 6_000_000), (2, 1, 1_600_000)]


def test_counts_given_for_each_of_the_teams_before_them():
    from assistant.draft.tables import cost_lines

    typed = ("5 inspection teams, 4 people each, 3 days, allowance 150,000 VND per person per day; "
             "hotel 2 rooms per team at 400,000 VND a room")
    assert [line.amount for line in cost_lines([typed], context=typed)] == [9_000_000, 4_000_000]


def test_lines_of_one_sentence_without_their_own_name_take_the_one_before():
    from assistant.draft.tables import cost_lines

    typed = "khen thưởng 12 tập thể x 2.000.000đ và 25 cá nhân x 1.000.000đ"
    assert [(line.item, line.amount) for line in cost_lines([typed])] == [
        ("Khen thưởng tập thể", 24_000_000), ("Khen thưởng cá nhân", 25_000_000)]


def test_a_section_asked_for_alone_after_the_parts_are_listed():
    from assistant.draft.scope import read_scope
    from assistant.vietnamese.folding import fold

    typed = "Trong KH hội nghị, phần III gồm 1. Nguồn kinh phí và 2. Dự trù kinh phí. Em nhờ viết mục 2 thôi nhé."
    scope = read_scope(fold(typed), 9, typed)
    assert (scope.kind, scope.section) == ("section", "2")


def test_a_rate_per_person_counts_the_people_named_before_the_days():
    from assistant.draft.tables import cost_lines

    typed = "bồi dưỡng cho 12 thành viên đoàn kiểm tra, 5 ngày, mức 150.000 đồng/người/ngày"
    assert [(line.people, line.days, line.amount) for line in cost_lines([typed], context=typed)] == [(12, 5, 9_000_000)]


def test_a_scaled_amount_reads_its_decimal_mark_by_the_language_of_its_scale_word():
    from assistant.draft.amounts import scaled_figure

    assert scaled_figure("1,285", "tỷ") == 1_285_000_000 and scaled_figure("1.500", "nghìn") == 1_500_000
    assert scaled_figure("1.285", "billion") == 1_285_000_000 and scaled_figure("1,500", "million") == 1_500_000_000


def test_money_asked_in_full_figures_is_written_so_and_the_ask_is_no_content():
    from assistant.draft.prepare import prepared

    text = prepared("BC thanh tra quý I/2027 của SYT Kon Tum: tổng tiền phạt 2,35 tỷ (ghi số tiền đầy đủ bằng số).", RESTORER)
    assert "tổng tiền phạt 2.350.000.000 đồng" in text and "bằng số" not in text


def test_people_counted_before_a_lines_factors_with_words_between():
    from assistant.draft.tables import cost_lines

    typed = "Thuê phòng nghỉ cho học viên ở xa: 40 người tính chung các lớp, 2 đêm x 250.000 đồng/đêm"
    assert [(line.item, line.people, line.days, line.amount) for line in cost_lines([typed], context=typed)] == [
        ("Thuê phòng nghỉ cho học viên ở xa", 40, 2, 20_000_000)]


def test_a_count_of_people_in_total_is_no_stated_total_of_the_budget():
    from assistant.draft.stated_total import states_total

    assert states_total("accommodation: 40 people in total across all classes, 2 nights each at VND 250,000/night") is None
    assert states_total("Total: VND 5,000,000") == 5_000_000 and states_total("tổng 12.800.000") == 12_800_000


def test_a_line_for_the_delegates_named_above_counts_them_all():
    from assistant.draft.tables import cost_lines

    typed = ("Dự kiến mời 42 đại biểu, trong đó có 20 cộng tác viên. Kinh phí: hỗ trợ tiền ăn cho 20 cộng tác viên "
             "150 nghìn/người; tài liệu cho chính những đại biểu trên, 20 nghìn/bộ")
    assert [line.amount for line in cost_lines(typed.split("Kinh phí: ")[1].split("; "), context=typed)] == [3_000_000, 840_000]


def test_a_line_paid_per_night_counts_its_people_and_the_nights_between_the_days():
    from assistant.draft.tables import cost_lines

    typed = "4 đoàn điều tra, mỗi đoàn 3 người, mỗi đoàn đi 6 ngày. Công tác phí 180k/người/ngày. Tiền ngủ cho 12 người, 350k/đêm"
    assert [(line.people, line.days, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        (12, 6, 12_960_000), (12, 5, 21_000_000)]


def test_a_hired_hall_for_so_many_delegates_is_paid_once_a_day():
    from assistant.draft.tables import cost_lines

    for typed in ("Hội nghị 2 ngày. Thuê hội trường cho 100 đại biểu, 5.000.000 đồng/ngày",
                  "Hội nghị 2 ngày. Hall rental for 100 delegates, VND 5,000,000 per day"):
        assert [line.amount for line in cost_lines(typed.split(". ")[1:], context=typed)] == [10_000_000]


def test_attendees_are_people_a_rate_each_counts():
    from assistant.draft.tables import cost_lines

    typed = "Supervision: 3 people for 6 days at 200k per person per day; summary workshop: 40 attendees, 1 tea break at 30k each"
    assert [line.amount for line in cost_lines([typed], context=typed)] == [3_600_000, 1_200_000]


def test_rows_pasted_from_a_spreadsheet_with_a_quantity_for_each_station():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    typed = _one_line("Trang bị cho mười hai trạm y tế xã, mỗi trạm 1 bộ theo danh mục (số lượng/trạm, đơn giá):\n"
                      "Máy đo huyết áp điện tử\t1\tcái\t1.450.000\nCân sức khỏe có thước đo\t1\tcái\t2.300.000")
    lines = cost_lines(typed.split("; "), context=typed)
    assert [(line.item, line.people, line.amount) for line in lines] == [
        ("Máy đo huyết áp điện tử", 12, 17_400_000), ("Cân sức khỏe có thước đo", 12, 27_600_000)]


def test_a_pasted_row_opening_with_a_word_that_folds_like_a_note_is_content():
    from assistant.draft.clauses import clauses as split
    from assistant.draft.prepare import _one_line

    typed = _one_line("Trang bị cho 12 trạm y tế xã:\nMáy đo đường huyết | 1 | cái | 980.000\nCân sức khỏe | 1 | cái | 2.300.000")
    assert [c.text for c in split(typed) if not c.meta] == ["Máy đo đường huyết | 1 | cái | 980.000",
                                                          "Cân sức khỏe | 1 | cái | 2.300.000"]


def test_rows_pasted_under_an_amount_column_with_blank_or_unit_cells():
    from assistant.draft.prepare import _one_line
    from assistant.draft.tables import cost_lines

    typed = _one_line("Nội dung\tSố lượng\tSố ngày\tĐơn giá\tThành tiền\nTiền ăn (80 người, 1 ngày)\t80\t1\t150.000\t12.000.000\n"
                      "Bồi dưỡng đoàn kiểm tra\t25 người\t6 ngày\t200.000\t\nTest nhanh\t150 mẫu\t60.000\t9.000.000")
    lines = cost_lines(typed.split("; "), context=typed)
    assert [(line.item, line.amount) for line in lines] == [
        ("Tiền ăn", 12_000_000), ("Bồi dưỡng đoàn kiểm tra", 30_000_000), ("Test nhanh", 9_000_000)]


def test_a_rate_per_unit_or_per_piece_counts_the_things_the_line_names():
    from assistant.draft.tables import cost_lines

    for typed, amount in (("vận chuyển, bảo quản cho 12 Trung tâm Y tế khu vực, 1.500.000 đồng/đơn vị", 18_000_000),
                          ("in 24 pa nô cho 12 xã, 800 nghìn/cái", 19_200_000),
                          ("hỗ trợ 12 xã, mỗi xã 2 pa nô, 800 nghìn/cái", 19_200_000)):
        assert [line.amount for line in cost_lines([typed], context=typed)] == [amount]


def test_a_pasted_row_with_a_blank_quantity_counts_from_the_note_in_its_name():
    from assistant.draft.tables import cost_lines

    typed = "Khám sức khỏe tại 20 xã. Bồi dưỡng đội khám (mỗi xã 5 người, 1 ngày) | | 150.000"
    assert [(line.item, line.people, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        ("Bồi dưỡng đội khám", 100, 15_000_000)]


def test_lines_after_one_that_opens_with_its_people_are_for_them():
    from assistant.draft.tables import cost_lines

    typed = ("Lớp 2 ngày, 45 học viên. Trong số đó 20 học viên ở xa được hỗ trợ tiền ngủ 350.000 đồng/đêm trong 2 đêm và "
             "tiền đi lại 250.000 đồng/người")
    assert [line.amount for line in cost_lines(typed.split(". ")[1:], context=typed)] == [14_000_000, 5_000_000]


def test_printing_enough_forms_counts_those_of_the_line_before():
    from assistant.draft.tables import cost_lines

    typed = ("Khảo sát tại 12 bệnh viện, mỗi bệnh viện phỏng vấn 150 người bệnh, trả điều tra viên 20.000 đồng/phiếu. "
             "In phiếu khảo sát đủ số phiếu, 2.000 đồng/phiếu")
    assert [line.amount for line in cost_lines(typed.split(". "), context=typed)] == [36_000_000, 3_600_000]


def test_people_counted_for_each_session_are_paid_each_session_and_are_not_the_delegates():
    from assistant.draft.tables import cost_lines

    typed = ("Hội nghị 1 ngày, 2 buổi, 200 đại biểu. Chủ tọa: mỗi buổi 3 người, 800.000đ/người/buổi. "
             "Nước uống giữa giờ 30.000đ/người/buổi")
    assert [(line.people, line.days, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        (6, 1, 4_800_000), (200, 2, 12_000_000)]


def test_stations_one_each_of_the_communes_and_staff_from_each_station():
    from assistant.draft.tables import cost_lines

    typed = ("Cần Thơ có 103 xã/phường, one trạm each. Tập huấn: 2 người từ mỗi trạm, 2 ngày, phụ cấp 100.000 đồng/người/ngày. "
             "Máy đo huyết áp: 1 per trạm, 1.200.000 đồng each")
    assert [(line.people, line.days, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        (206, 2, 41_200_000), (103, 1, 123_600_000)]


def test_one_vehicle_per_team_at_a_daily_rate_counts_every_teams_vehicle():
    from assistant.draft.tables import cost_lines

    typed = "3 đoàn, mỗi đoàn 5 người, đi 4 ngày. Costs: one rented car per đoàn for every day of the trip at 1.500.000 VND/day"
    assert [(line.people, line.days, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        (3, 4, 18_000_000)]


def test_indicator_values_typed_with_a_decimal_point_or_bare_thousands_are_written_the_vietnamese_way():
    from assistant.draft.indicators import indicator_row

    assert indicator_row("tỷ lệ bệnh nhân lao được xét nghiệm HIV 97.5%")[2:] == ["97,5"]
    assert indicator_row("số người được sàng lọc lao tiềm ẩn 8000 người")[2:] == ["8.000"]


def test_lump_sums_typed_short_or_with_the_lump_in_brackets_and_rates_per_site_or_per_vehicle():
    from assistant.draft.tables import cost_lines

    typed = ("Items: thuê hội trường 4m trọn gói; online connection to 9 điểm cầu at VND 1.500.000 per site; "
             "âm thanh rental: 2.500.000 (trọn gói)")
    assert [line.amount for line in cost_lines(typed.split("; "), context=typed)] == [4_000_000, 13_500_000, 2_500_000]
    cars = "2 đoàn, mỗi đoàn 5 người, mỗi đoàn làm 12 ngày. Thuê xe VND 1.800.000 per vehicle per day, one car per đoàn"
    assert [line.amount for line in cost_lines(cars.split(". ")[1:], context=cars)] == [43_200_000]


def test_people_and_measures_typed_short_in_a_busy_office():
    from assistant.draft.tables import cost_lines

    typed = "4 lop x 30 hv, moi lop hoc 1 ngay. tien an hv 120k/ng/ngay. son lai 450m2 x 85k/m2"
    assert [(line.people, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [
        (120, 14_400_000), (450, 38_250_000)]


def test_a_table_asked_after_saying_which_section_the_document_has():
    from assistant.draft.scope import read_scope
    from assistant.vietnamese.folding import fold

    typed = ("Trong báo cáo công tác an toàn thực phẩm năm 2025 của Sở Y tế tỉnh Nghệ An có mục chỉ tiêu năm 2026, cho em "
             "bảng (TT, chỉ tiêu, đơn vị tính, chỉ tiêu năm 2026): số cơ sở được cấp giấy chứng nhận 1320 cơ sở.")
    assert read_scope(fold(typed), 9, typed).kind == "table"


def test_an_indicator_row_ending_on_a_unit_of_two_words():
    from assistant.draft.indicators import indicator_row

    assert indicator_row("Số cơ sở được cấp giấy chứng nhận 1320 cơ sở") == ["Số cơ sở được cấp giấy chứng nhận", "cơ sở", "1.320"]


def test_striving_is_no_opening_part():
    from assistant.draft.scope import read_scope
    from assistant.vietnamese.folding import fold

    typed = ("Thông báo kết luận hội nghị giao ban của Sở Y tế tỉnh Lạng Sơn có phụ lục chỉ tiêu phấn đấu 6 tháng cuối năm "
             "2026, làm giúp bảng đó (TT, chỉ tiêu, đơn vị tính, chỉ tiêu): số lượt khám bệnh 1250000 lượt")
    assert read_scope(fold(typed), 0, typed).kind == "table"


def test_sessions_a_day_for_every_class_count_all_the_classes_days():
    from assistant.draft.tables import cost_lines

    typed = "3 classes x 40 trainees, 5 days per class. Giảng viên: 2 sessions a day, 700.000 đồng/session, every lớp"
    assert [(line.days, line.amount) for line in cost_lines(typed.split(". ")[1:], context=typed)] == [(30, 21_000_000)]


def test_a_line_for_the_delegates_of_the_places_named_and_a_trip_each_for_those_same_people():
    from assistant.draft.tables import cost_lines

    typed = ("Participants: 17 from Sở, plus 3 from each of the 12 Trung tâm Y tế khu vực. Costs: thuê phòng nghỉ for the "
             "Trung tâm Y tế khu vực đại biểu, 1 night at 400 nghìn; hỗ trợ tiền đi lại for those same đại biểu, 150 nghìn per "
             "round trip")
    lines = cost_lines(typed.split(". ")[1].split("; "), context=typed)
    assert [(line.people, line.amount) for line in lines] == [(36, 14_400_000), (36, 5_400_000)]


def test_rooms_paid_per_room_night_are_as_many_as_the_people_fill():
    from assistant.draft.tables import cost_lines

    typed = "Phòng nghỉ: 12 người, 3 đêm, 2 người/phòng, 600.000 đồng/phòng/đêm"
    assert [(line.people, line.days, line.amount) for line in cost_lines([typed], context=typed)] == [(6, 3, 10_800_000)]
