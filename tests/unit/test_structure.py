"""The parser on every seed: header metadata and section paths, OCR'd and clean alike."""

import pytest

from assistant.ingest.chunking import chunk_document
from assistant.config import Settings
from assistant.ingest.loaders import load_file
from assistant.ingest.structure import CLOSING, PREAMBLE, SIGNATURE, parse_document
from assistant.vietnamese.folding import fold
from conftest import CORPUS

SETTINGS = Settings()

SEEDS = {
    "000_8c73f34139bece49.txt": dict(doc_type="KH", number=None, year=2025, issuer="Sở Y tế",
                                     signer="Nguyén Vin Dwong", title_start="To chirc Hyi nghi Tong két"),
    "001_23050706023c0a9f.txt": dict(doc_type="KH", number="243/KH-SYT", year=2025, issuer="Sở Y tế",
                                     signer=None, title_start="Thuc hi¢n Chwong trinh hanh dgng"),
    "002_63304fc089235397.txt": dict(doc_type="KH", number="231/KH-UBND", year=2022, issuer="UBND tỉnh",
                                     signer="Nguyễn Sơn Hùng", title_start="Tổ chức Hội nghị Sơ kết 05 năm"),
    "003_cc4b21ca71fb73ef.txt": dict(doc_type="TB", number="469/TB-VP", year=2025, issuer="Văn phòng UBND tỉnh",
                                     signer="Hoàng Xuân Đồng", title_start="K¢ét luan ciia ddng chi Tran Thanh Nhan"),
    "004_403f78e958e18f73.txt": dict(doc_type="TB", number=None, year=2022, issuer="Sở Y tế",
                                     signer="Lương Thế Thiết", title_start="Kết luận của Lãnh đạo Sở Y tế"),
}


def _parse(name):
    return parse_document(load_file(CORPUS / name, SETTINGS).text)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_header_metadata(name):
    meta, expected = _parse(name).metadata, SEEDS[name]
    assert meta.doc_type == expected["doc_type"]
    assert meta.number == expected["number"]
    assert meta.year == expected["year"]
    assert meta.issuer == expected["issuer"]
    assert meta.signer == expected["signer"]
    assert meta.title.startswith(expected["title_start"])
    assert meta.recipients and not any("GIAM DOC" in r.upper() for r in meta.recipients)


def test_place_and_date_from_the_header_line():
    meta = _parse("002_63304fc089235397.txt").metadata
    assert (meta.place, meta.date) == ("Đồng Nai", "2022-10-28")
    assert _parse("001_23050706023c0a9f.txt").metadata.place == "Lai Chau"  # not "SYT Lai Chau"


@pytest.mark.parametrize("name, path", [
    ("000_8c73f34139bece49.txt", "V. TO CHUC THUC HIEN > 2. Phong K¢ hoach — Tai chinh"),
    ("000_8c73f34139bece49.txt", "II. THOI GIAN, PIA PIEM, THANH PHAN > 3. Pia diém, thanh phin > 3.1. Piém céu tinh"),
    ("000_8c73f34139bece49.txt", "DU TRU KINH PHI"),
    ("000_8c73f34139bece49.txt", "CHUONG TRINH"),
    ("001_23050706023c0a9f.txt", "III. T6 chirc thue hién > 1. Cac phong chirc nang > Phong Ké hoach Tai chinh"),
    ("001_23050706023c0a9f.txt", "II. Muc tiéu, nhiém vu va giai phap > 1. Muc tiéu > 1.3. Cac chi tiéu chii yéu"),
    ("002_63304fc089235397.txt", "III. TỔ CHỨC THỰC HIỆN > 2. Sở Tài chính"),
    ("002_63304fc089235397.txt", "II. NỘI DUNG THỰC HIỆN > 5. Thành phần > 5.1. Cấp tỉnh"),
    ("003_cc4b21ca71fb73ef.txt", "9. Béi véi cac dé xuit, kién nghi ciia S¢ Y té > 9.2. Vé thure hién tw chii tai chinh"),
    ("004_403f78e958e18f73.txt", "5. Công tác quản lý tài chính y tế"),
])
def test_section_paths(name, path):
    assert path in [s.path_text for s in _parse(name).sections]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_preamble_and_closing_are_sections_and_signature_is_not_body(name):
    parsed = _parse(name)
    labels = [s.label for s in parsed.sections]
    assert labels[0] == PREAMBLE and CLOSING in labels
    # Recipients and signer are a section of their own, after the body: never mixed into a body section.
    assert labels.count(SIGNATURE) == 1 and fold(parsed.sections[labels.index(SIGNATURE)].blocks[0].text).startswith("noi nh")
    body = "\n".join(b.text for s in parsed.sections if s.label != SIGNATURE for b in s.blocks)
    assert "Nơi nhận" not in body and "Noi nh" not in body


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_the_header_opens_the_preamble_without_the_motto(name):
    preamble = fold(_parse(name).sections[0].blocks[0].text)
    assert "cong hoa xa hoi" not in preamble and "hanh phuc" not in preamble
    number = {"001_23050706023c0a9f.txt": "243", "002_63304fc089235397.txt": "231", "003_cc4b21ca71fb73ef.txt": "469"}
    assert number.get(name, "") in preamble


def test_bullets_of_a_unit_stay_under_that_unit():
    parsed = _parse("000_8c73f34139bece49.txt")
    khtc = next(s for s in parsed.sections if s.path_text.endswith("Phong K¢ hoach — Tai chinh"))
    text = "\n".join(b.text for b in khtc.blocks)
    assert "Dy tra kinh phi t6 chtc va thanh quyét toan" in text
    assert "Phat hanh thu moi" not in text  # that is Văn phòng Sở's task


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_chunks_are_sized_and_quote_the_source(name):
    loaded = load_file(CORPUS / name, SETTINGS)
    chunks = chunk_document(parse_document(loaded.text), name, loaded.sha256, max_chars=1200, min_chars=200)
    flat_source = " ".join(loaded.text.split())
    for chunk in chunks:
        assert chunk.metadata["section"] and chunk.metadata["source"] == name
        assert len(chunk.page_content) <= 2 * 1200
        for line in chunk.page_content.split("\n"):
            assert " ".join(line.split()) in flat_source
    assert len({c.id for c in chunks}) == len(chunks)


def test_a_legal_texts_articles_are_sections_and_a_text_issued_with_a_decision_is_a_document():
    text = ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch hỗ trợ nhà ở\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\nKẾ HOẠCH\nHỗ trợ nhà ở cho người có công\n"
            "I. MỤC ĐÍCH\n1. Hỗ trợ các hộ khó khăn.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng\n- Hướng dẫn thiết kế mẫu nhà.\n")
    paths = [s.path_text for s in parse_document(text).sections]
    assert "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch" in paths
    assert "KẾ HOẠCH > II. TỔ CHỨC THỰC HIỆN > 1. Sở Xây dựng" in paths
    signature = next(s for s in parse_document(text).sections if s.label == SIGNATURE)
    assert "Hướng dẫn thiết kế" not in signature.blocks[0].text


def test_a_registry_record_is_titled_by_its_first_line_and_its_chunks_carry_the_title():
    # How corpus-extra keeps a legal text: the title, the registry line, then the articles.
    text = ("Thông tư số 26/2017/TT-BYT Hướng dẫn chức năng, nhiệm vụ của Trung tâm Kiểm soát bệnh tật tỉnh\n"
            "Số hiệu: 26/2017/TT-BYT | Loại: Thông tư | Cơ quan ban hành: Bộ Y tế | Ngày ban hành: 26/06/2017\n\n"
            "Điều 6. Các Phòng chức năng\n1. Phòng Tổ chức - Hành chính.\n\n2. Phòng Kế hoạch - Nghiệp vụ.\n")
    parsed = parse_document(text)
    assert parsed.metadata.title.startswith("Thông tư số 26/2017/TT-BYT Hướng dẫn")
    chunks = chunk_document(parsed, "26-2017.txt", "hash", max_chars=1200, min_chars=200)
    listed = next(c for c in chunks if "Phòng Tổ chức" in c.page_content)
    assert "Trung tâm Kiểm soát bệnh tật" in listed.lexical_text() and listed.section.startswith("Điều 6")


def test_an_article_named_after_a_unit_lists_that_units_tasks_and_one_named_after_a_thing_none(tmp_path):
    from assistant.ingest.pipeline import read_chunks
    from assistant.ingest.tasks import extract_tasks

    path = tmp_path / "ttlt.txt"
    path.write_text("THÔNG TƯ LIÊN TỊCH\nQuy định việc khám sức khỏe\n\nĐiều 9. Nguồn tài chính\n1. Ngân sách nhà nước bảo "
                    "đảm kinh phí khám.\n2. Các nguồn hợp pháp khác.\n\nĐiều 18. Sở Y tế tỉnh\n1. Chỉ đạo các cơ sở y tế "
                    "thuộc thẩm quyền tham gia khám sức khỏe.\n2. Tổ chức tập huấn về chuyên môn, nghiệp vụ cho cán bộ y "
                    "tế.\n3. Báo cáo kết quả về Bộ Y tế trước ngày 30/4 hằng năm.\n", "utf-8")
    _, chunks = read_chunks(path, path.name, SETTINGS)
    tasks = extract_tasks(chunks)
    assert {t.unit for t in tasks} == {"Sở Y tế"} and len(tasks) == 3
    assert any("tập huấn" in t.task for t in tasks) and any(t.deadline for t in tasks)
