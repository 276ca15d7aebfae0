"""Vietnamese text primitives: folding, OCR-repaired tokens, the unit alias table and the shared patterns."""

from assistant.answer.passages import sentences
from assistant.ingest.tasks import deadline_of
from assistant.vietnamese.folding import fold, normalize
from assistant.vietnamese.framing import impersonal, without_framing
from assistant.vietnamese.glossary import english_terms, vietnamese_in_english
from assistant.vietnamese.language import apply_case, is_syllable, language_of
from assistant.vietnamese.places import central, local_places, provinces_in, with_province_names, without_provinces
from assistant.vietnamese.patterns import (DATE, DAY_MONTH_DATE, ITEM_START, NUMBER, OCR_LEFTOVER, REQUESTED_DEADLINE,
                                           TASK_ITEM_START, YEAR)
from assistant.vietnamese.tokens import search_tokens
from assistant.vietnamese.units import find_units


def test_accented_unaccented_and_ocr_spellings_fold_to_the_same_tokens():
    clean = search_tokens("Sở Tài chính")
    assert set(clean) <= set(search_tokens("so tai chinh"))
    assert set(clean) <= set(search_tokens("S& Tai chinh"))


def test_ocr_letter_swaps_are_repaired():
    assert search_tokens("Pong Thap") == search_tokens("Đồng Tháp")
    assert search_tokens("ngudi dugc chirc nang") == search_tokens("người được chức năng")
    assert search_tokens("1y 1ap Ho1 nghi") == search_tokens("lý lập Hội nghị")
    assert search_tokens("strc khoe gitra") == search_tokens("sức khỏe giữa")


def test_numbers_codes_and_times_survive_folding():
    assert search_tokens("Số: 243/KH-SYT ngày 26/12/2025 lúc 08h30") == [
        "so", "243", "kh", "syt", "ngay", "26", "12", "2025", "luc", "08h30"]
    assert "hdnd" in search_tokens("HDND tỉnh")  # abbreviations keep their letters
    assert "ubnd" in search_tokens("bao cao ubnd tinh")  # typed in lower case, still the abbreviation


def test_normalize_makes_nfc_and_collapses_spaces():
    decomposed = "Sơ\u0309 Y tê\u0301\t  năm\r\n"
    assert normalize(decomposed) == "Sở Y tế năm\n"
    assert fold("ĐỒNG Tháp") == "dong thap"


def test_unit_aliases_resolve_to_canonical_names():
    assert find_units("Phòng KHTC phải làm gì") == ["Phòng Kế hoạch - Tài chính"]
    assert find_units("so tai chinh duoc giao gi") == ["Sở Tài chính"]
    assert find_units("Phong K¢ hoach — Tai chinh") == ["Phòng Kế hoạch - Tài chính"]
    assert find_units("CDC lam gi") == ["Trung tâm Kiểm soát bệnh tật"]
    # Departments by the short names staff type.
    assert find_units("so tc va so tttt duoc giao gi") == ["Sở Tài chính", "Sở Thông tin và Truyền thông"]
    assert find_units("Sở XD, Sở TNMT phối hợp") == ["Sở Xây dựng", "Sở Tài nguyên và Môi trường"]
    # A vague name is answered for every unit it may mean.
    assert set(find_units("What must the Finance department do?")) == {"Sở Tài chính", "Phòng Kế hoạch - Tài chính"}


def test_dates_years_and_numbers_are_read_as_written():
    assert DATE.search("họp ngày 26/12/2025 tại Sở").groups() == ("26", "12", "2025")
    assert DATE.search("bảng số 3/4/2104") is None  # not a year of this era
    assert DAY_MONTH_DATE.findall("trước 20/12 và trước 22/12/2025") == ["20/12", "22/12/2025"]
    assert YEAR.findall("năm 2025 và phương hướng năm 2026; mã 3021") == ["2025", "2026"]
    assert NUMBER.findall("tỷ lệ 17%, kinh phí 1.500.000 đồng, ngày 26/12/2024") == ["17", "1.500.000", "26/12/2024"]


def test_deadlines_in_documents_and_in_requests():
    assert deadline_of("Báo cáo UBND tỉnh trước ngày 20/12/2025.") == "20/12/2025"
    assert deadline_of("Hoàn chỉnh chậm nhất ngày 22/12/2025") == "22/12/2025"
    assert deadline_of("Họp ngày 26/12/2025") is None  # a date is not a deadline
    assert REQUESTED_DEADLINE.findall("Các đơn vị gửi báo cáo trước ngày 10/7/2026, hạn 12/7") == ["10/7/2026", "12/7"]


def test_passages_and_items_start_where_the_house_style_starts_them():
    assert sentences("Khai mạc. 08h10 báo cáo; 49.770.000 đồng. Bế mạc!") == ["Khai mạc. 08h10 báo cáo; 49.770.000 đồng.", "Bế mạc!"]
    assert all(ITEM_START.match(line) for line in ("- Văn phòng Sở", "+ Phối hợp", "a) Nội dung", "1.2. Mục", "IV. KINH PHÍ"))
    assert TASK_ITEM_START.match("~ + Tăng cường") and not TASK_ITEM_START.match("IV. KINH PHÍ")
    assert not ITEM_START.match("Sở Y tế chủ trì")


def test_ocr_leftovers_words_and_languages():
    assert OCR_LEFTOVER.findall("nếu ¢6, cé4c xã, Sở Y tế") == ["¢", "é4c"]
    assert is_syllable("nghiêng") and not is_syllable("online")
    assert language_of("What tasks was the Finance department given?") == "en"
    assert language_of("so tai chinh phai bao cao truoc ngay nao") == "vi"
    assert apply_case("sơ kết", "TỔNG KẾT") == "SƠ KẾT" and apply_case("sơ kết", "Tổng kết") == "Sơ kết"


def test_the_words_that_frame_a_question_are_set_aside_and_the_asked_words_kept():
    asked = without_framing("Nhà tôi có ông nội là thương binh. Bây giờ nếu ông tôi mất thì mai táng phí lấy từ đâu ạ?")
    assert not {"tôi", "Nhà", "Bây", "ạ"} & set(asked.split())
    assert "thương binh" in asked and "mai táng phí" in asked
    assert without_framing("cho toi hoi nha toi duoc ho tro gi").split() == ["duoc", "ho", "tro", "gi"]
    # Unmarked single words fold onto others: `toi` is also "tới" (năm tới), `co toi` also "có tới".
    assert without_framing("ke hoach nam toi co toi 50 nguoi") == "ke hoach nam toi co toi 50 nguoi"
    assert without_framing("Kế hoạch năm tới") == "Kế hoạch năm tới"
    assert without_framing("người không biết chữ, trẻ em") == "người không biết chữ, trẻ em"
    told = without_framing("Ngày xưa bố tôi đi bộ đội. Giờ tôi muốn thăm mộ liệt sĩ")
    assert not {"xưa", "muốn", "tôi"} & set(told.split()) and "thăm mộ liệt sĩ" in told


def test_a_central_body_is_known_by_its_name_or_by_the_code_in_its_number():
    assert central("BỘ TÀI CHÍNH", "101/2018/TT-BTC")
    assert central("", "75/2021/NĐ-CP") and central("", "02/2020/UBTVQH14")
    assert central("THỦ TƯỚNG CHÍNH PHỦ", "")
    assert not central("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "49/2012/QĐ-UBND")
    assert not central("UBND TỈNH ĐỒNG THÁP SỞ Y TẾ", "243/KH-SYT")


def test_a_province_is_known_by_every_name_it_goes_by():
    assert provinces_in("ở TPHCM") == provinces_in("TP.HCM") == provinces_in("Thành phố Hồ Chí Minh") == {"ho chi minh"}
    assert provinces_in("Bà Rịa - Vũng Tàu") == provinces_in("ba ria vung tau") == {"ba ria vung tau"}
    assert provinces_in("Huế") == set()  # also a given name (Huệ)
    assert "ho chi minh" in with_province_names("Ở TP.HCM, người nhận thay")
    assert with_province_names("Sở Y tế Đồng Tháp") == "Sở Y tế Đồng Tháp"
    assert without_provinces("Ông tôi sống ở Bình Thuận, chuyển ra TP.HCM thì trợ cấp có bị cắt?").split() == \
        "Ông tôi sống ở , chuyển ra thì trợ cấp có bị cắt?".split()


def test_a_commune_or_district_is_read_by_its_name_with_capitals_or_typed_in_lower_case():
    assert local_places("Trạm y tế xã Canh Vinh (huyện Vân Canh) được bố trí bao nhiêu vốn?") == {
        ("canh vinh", True), ("van canh", True)}
    assert local_places("UBND thị xã Sa Đéc và thị trấn Mỹ An") == {("sa dec", True), ("my an", True)}
    # Typed in lower case, where the name ends is not seen: two words, checked against the collection's pairs.
    assert local_places("qd 518 bo tri bao nhieu von cho tram y te xa cat tien") == {("cat tien", False)}
    # "Xã hội", "phương án" and "quản lý" name no place, nor does a numbered ward.
    for text in ("Bảo hiểm xã hội chi trả thế nào?", "bao hiem xa hoi chi tra the nao", "phuong an xay dung tram y te",
                 "Quản lý nhà nước về y tế", "tram y te phuong 3 quan 5"):
        assert local_places(text) == set(), text


def test_a_health_worker_and_a_health_facility_are_no_ministry_or_department():
    assert find_units("Tôi là cán bộ y tế huyện") == [] and find_units("can bo y te xa") == []
    assert find_units("các cơ sở y tế tuyến xã") == []
    assert find_units("Giám đốc Sở Y tế và Bộ Y tế") == ["Sở Y tế", "Bộ Y tế"]


def test_what_the_asker_tells_of_themselves_is_no_part_of_what_they_ask():
    asked = impersonal("Ông nội tôi nhập ngũ năm 1968, đánh Mỹ. Cho tôi hỏi ông có được trợ cấp theo Quyết định 142 không?")
    assert "1968" not in asked and "Quyết định 142" in asked
    assert impersonal("Kế hoạch năm 2030 của tỉnh Cà Mau giao Sở Tài chính việc gì?") == \
        "Kế hoạch năm 2030 của tỉnh Cà Mau giao Sở Tài chính việc gì?"
    # A unit that opens the question by asking is who asks, not what the documents must name.
    asked = impersonal("Phòng Nghiệp vụ Dược của Sở hỏi: theo Thông tư 15/2019/TT-BYT, Sở Y tế báo cáo Bộ Y tế trong bao lâu?")
    assert "Nghiệp vụ Dược" not in asked and "Sở Y tế báo cáo Bộ Y tế" in asked


def test_a_district_health_centre_is_the_unit_now_named_regional():
    from assistant.vietnamese.units import find_units

    assert find_units("TTYT huyện phối hợp với Phòng Y tế") == ["Trung tâm Y tế khu vực"]
    assert find_units("Trung tâm Y tế huyện thành lập Hội đồng") == ["Trung tâm Y tế khu vực"]


def test_a_question_is_weighed_with_its_abbreviations_written_out_as_decrees_write_them():
    from assistant.vietnamese.glossary import written_in_full

    assert written_in_full("Mỗi tháng phường xã đóng BHYT cho người có công khi nào? ubnd tinh, TB 469/TB-VP, tha") == (
        "Mỗi tháng phường xã đóng bảo hiểm y tế cho người có công khi nào? Ủy ban nhân dân tinh, Thông báo 469/TB-VP, tha")


class Unchanged:
    """A restorer that leaves the text as typed."""

    def restore(self, text: str) -> str:
        return text


def test_a_question_searches_its_abbreviations_by_their_full_names():
    from assistant.retrieve.query import expand_query
    from assistant.vietnamese.glossary import spelled_out

    assert spelled_out("Pháp lệnh 2020 giao UBND huyện, Sở LĐTBXH và KBNN những việc gì?") == [
        "Ủy ban nhân dân", "Lao động - Thương binh và Xã hội", "Kho bạc Nhà nước"]
    assert spelled_out("ubnd tinh, tt 101") == ["Ủy ban nhân dân"]
    # Inside a number and symbol nothing is an abbreviation; a health acronym counts in capitals only.
    assert spelled_out("Thông báo 469/TB-VP, tha hồ") == []

    query = expand_query("UBND huyện có trách nhiệm gì?", Unchanged())
    assert "Ủy ban nhân dân" in query.lexical and "Ủy ban nhân dân" in query.dense
    # An English question is searched lexically with its glossary terms in Vietnamese too; a Vietnamese one is not.
    assert "Trung tâm Kiểm soát bệnh tật" in expand_query("What must the provincial CDC report?", Unchanged()).lexical
    assert expand_query("CDC tỉnh phải báo cáo gì?", Unchanged()).lexical.count("Kiểm soát") <= 1


def test_a_question_searches_the_label_the_fact_it_asks_for_is_printed_under():
    from assistant.retrieve.query import expand_query

    query = expand_query("Hội nghị tổng kết tổ chức khi nào, ở đâu?", Unchanged())
    assert "Thời gian" in query.lexical and "Địa điểm" in query.dense
    assert "Thành phần" in expand_query("hoi nghi co nhung ai tham du", Unchanged()).lexical
    assert "Thời gian" not in expand_query("Sở Tài chính được giao nhiệm vụ gì?", Unchanged()).lexical
    # A deadline is written in the body, not under a label.
    assert "Thời gian" not in expand_query("CDC phải nộp báo cáo, hạn hoàn thành là ngày nào?", Unchanged()).lexical
    assert "Thời gian" not in expand_query("Sở phải tổng hợp báo cáo Bộ Y tế khi nào?", Unchanged()).lexical
    assert "Thời gian" in expand_query("Cuộc họp giao ban diễn ra khi nào?", Unchanged()).lexical


def test_an_english_question_gives_the_vietnamese_it_holds_but_not_a_possessive_as_a_quote():
    said = vietnamese_in_english("List the specialised departments (khoa chuyên môn) a provincial CDC is organised "
                                 "into under Lai Châu's plan and the people's committee's letter.")
    assert "khoa chuyên môn" in said and "Trung tâm Kiểm soát bệnh tật" in said and "Châu" in said
    assert "committee" not in said and "plan and" not in said
    assert vietnamese_in_english("What is the deadline?") == ""


def test_where_an_english_request_meets_is_written_the_vietnamese_way():
    assert english_terms("meeting room no. 2 on the 2nd floor") == "Phòng họp số 2 tầng 2"
    assert english_terms("in the 3rd-floor meeting hall") == "in hội trường tầng 3"
    assert english_terms("in Hall A") == "in Hội trường A"
    assert english_terms("the hall was full") == "the hall was full"


def test_an_english_summary_line_is_put_in_vietnamese_order_or_not_at_all():
    from assistant.vietnamese.english_order import vietnamese_order

    def ordered(english: str) -> str | None:
        return vietnamese_order(english_terms(english))

    # The head of an English compound comes last, of a Vietnamese one first; the year after it, with "năm".
    assert ordered("the 2027 measles-rubella catch-up vaccination campaign") == \
        "Chiến dịch tiêm vắc xin bổ sung sởi - rubella năm 2027"
    assert ordered("rabies prevention communication in 2027") == "Truyền thông phòng, chống bệnh dại năm 2027"
    # A compound used as a modifier is hyphenated, and read as the term.
    assert ordered("food-safety inspection in 2027") == "Thanh tra, kiểm tra an toàn thực phẩm năm 2027"
    # "on" ends a compound and keeps its place: what follows is what the head is about.
    assert ordered("training course on infection control") == "Lớp tập huấn về kiểm soát nhiễm khuẩn"
    # A year the period already holds is not said twice.
    assert ordered("dengue prevention in the first 9 months of 2026") == "Phòng, chống sốt xuất huyết 9 tháng đầu năm 2026"
    # The province after the thing, its level once; "prevention" leads as the verb "phòng, chống" does.
    assert vietnamese_order("Sốt xuất huyết phòng, chống in Khánh Hòa năm 2026") == \
        "Phòng, chống sốt xuất huyết trên địa bàn tỉnh Khánh Hòa năm 2026"
    assert vietnamese_order("Phòng, chống bệnh không lây nhiễm 2026-2030, Lâm Đồng tỉnh") == \
        "Phòng, chống bệnh không lây nhiễm trên địa bàn tỉnh Lâm Đồng giai đoạn 2026-2030"
    # English the glossary does not know is left to the user, not guessed.
    assert ordered("units on measles outbreak response") is None


def test_an_english_indicator_is_named_as_the_statistics_name_it():
    assert english_terms("stunting rate among children under 5") == "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi"
    assert english_terms("inpatient admissions") == "Số lượt điều trị nội trú"
    assert english_terms("72.4% (of the annual target)") == "72.4% (so với kế hoạch năm)"


def test_an_english_summary_line_is_read_up_to_the_remark_after_a_comma():
    from assistant.vietnamese.english_order import vietnamese_summary

    assert vietnamese_summary("An toàn thực phẩm thanh tra, kiểm tra năm 2027, draft dự trù kinh phí table") == \
        "Thanh tra, kiểm tra an toàn thực phẩm năm 2027"
    # A title is no summary line.
    assert vietnamese_summary("Phó Chủ tịch, bà Nguyễn Thị Minh Thúy, to attend and speak") is None
