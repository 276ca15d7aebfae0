"""People's names typed without marks are written with them, from the table of names, and nothing else is."""

from __future__ import annotations

import pytest

from assistant.vietnamese.person_names import unmarked_names, with_marked_names


@pytest.mark.parametrize("typed, written", [
    ("Phó Giám đốc Le Van Binh chủ trì", "Phó Giám đốc Lê Văn Bình chủ trì"),
    ("Deputy Director Vu Duc Anh presides", "Deputy Director Vũ Đức Anh presides"),
    ("contact Ms Nguyen Thi Thu Huong", "contact Ms Nguyễn Thị Thu Hương"),
    ("ba Dang Thi Lan, Ho Sy Hung, Bui Quang Huy", "ba Đặng Thị Lan, Hồ Sỹ Hùng, Bùi Quang Huy"),
    # After the feminine middle name a syllable takes its feminine reading.
    ("chị Tran Thi Dung, anh Tran Van Dung", "chị Trần Thị Dung, anh Trần Văn Dũng"),
    # In lower case, a name needs a word that introduces a person and three syllables.
    ("pho giam doc le van binh ky", "pho giam doc Lê Văn Bình ky"),
    ("Vang A Su ky", "Vàng A Sử ky"),
])
def test_a_name_typed_without_marks_is_written_with_them(typed, written):
    assert with_marked_names(typed) == written


@pytest.mark.parametrize("typed", [
    "Truong Dai Hoc Y Duoc",  # a university, not Trương Đại Học
    "tai Lai Chau va Ha Giang",  # provinces
    "ky to trinh gui So",  # "ký tờ trình", not Tô Trinh
    "Phó Giám đốc Phan Văn Hải",  # typed with its marks
    "hop tai Ha Long",
])
def test_words_that_are_no_name_are_left_as_typed(typed):
    assert unmarked_names(typed) == []


def test_names_are_written_where_the_restored_text_has_the_typed_ones():
    typed = "chi Phan Thi Hoa lien he"
    restored = "chị Phần Thị Hóa liên hệ"  # the restorer reads a name as common words
    assert with_marked_names(restored, typed) == "chị Phan Thị Hoa liên hệ"


def test_a_restored_name_takes_the_syllables_names_have():
    from assistant.vietnamese.person_names import restored_names

    # The restorer reads OCR'd names as the commoner words; a name's syllables keep their length.
    assert restored_names("GIÁM ĐỐC\nNguyễn Văn Đường\n", "GIAM DbOC\nNguyén Vin Dwong\n") == "GIÁM ĐỐC\nNguyễn Văn Dương\n"
    assert restored_names("đồng chí Trần Thanh Nhẵn, Phó", "dong chi Tran Thanh Nhan, Phé") == "đồng chí Trần Thanh Nhân, Phó"
    # Syllables a name may have are kept as read; so is one the restorer left as typed, and words that are no name.
    assert restored_names("Ông Nguyễn Văn Hùng và bà Lê Thị Hoa", "Ong Nguyen Van Hung va ba Le Thi Hoa") == \
        "Ông Nguyễn Văn Hùng và bà Lê Thị Hoa"
    assert restored_names("Số 2, Nguyễn Văn Tri, Biên Hòa", "Số 2, Nguyễn Văn Tri, Biên Hòa") == "Số 2, Nguyễn Văn Tri, Biên Hòa"
