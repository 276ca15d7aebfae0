from assistant.text import fold, normalize, search_tokens
from assistant.units import find_units


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
    # A vague name is answered for every unit it may mean.
    assert set(find_units("What must the Finance department do?")) == {"Sở Tài chính", "Phòng Kế hoạch - Tài chính"}
