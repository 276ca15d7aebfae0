"""Document cards read from every seed and from the other layouts the corpora use, and the rules that decide
whether a question is about a document itself. Model-free: the restorer is a table of counts, no network."""

import json
from pathlib import Path

import pytest

from assistant.answer.document_answer import asked_fields
from assistant.answer.document_names import named_cards
from assistant.config import Settings
from assistant.ingest.cards import build_card
from assistant.ingest.pipeline import read_chunks
from assistant.ingest.restoring import restore_chunks
from assistant.vietnamese.folding import fold
from assistant.vietnamese.language import marked_share
from assistant.vietnamese.restorer import get_restorer
from assistant.vietnamese.tokens import content_tokens
from conftest import CORPUS


def _card(path: Path, tmp_path: Path):
    settings = Settings(data_dir=tmp_path)
    loaded, chunks = read_chunks(path, path.name, settings)
    if marked_share(loaded.text) < settings.restore_marked_share:
        chunks = restore_chunks(chunks, get_restorer(settings.restorer_params))
    return build_card(chunks), {c.id: c for c in chunks}


def _text(card, field: str) -> str:
    return fold(" ".join(line.text for line in card.fields.get(field, [])))


# What each seed prints in its header and closing (read from the documents, house-style.md).
SEED_CARDS = {
    "000_8c73f34139bece49.txt": {"number": None, "title": "hoi nghi tong ket", "recipients": "ban giam doc"},
    "001_23050706023c0a9f.txt": {"number": "243", "date": "nam 2025", "basis": "7095/kh-ubnd", "recipients": "luu vt, khtc"},
    "002_63304fc089235397.txt": {"number": "231/kh-ubnd", "date": "dong nai, ngay 28 thang 10 nam 2022",
                                 "signer": "nguyen son hung", "basis": "2348/qd-ttg", "recipients": "tinh uy",
                                 # The file lost its header: the enacting formula names the issuer.
                                 "issuer": "chu tich ubnd tinh"},
    "003_cc4b21ca71fb73ef.txt": {"number": "469/tb-vp", "date": "nam 2025", "signer": "hoang xuan dong",
                                 "recipients": "kgvx",
                                 # The office is named by the body it serves.
                                 "issuer": "van phong ubnd tinh lang son"},
    "004_403f78e958e18f73.txt": {"number": None, "title": "6 thang dau nam", "signer": "luong the thiet",
                                 "recipients": "lanh dao so"},
}


@pytest.mark.parametrize("name", sorted(SEED_CARDS))
def test_every_seed_has_a_card_cited_to_its_own_lines(name, tmp_path):
    card, chunks = _card(CORPUS / name, tmp_path)
    for field, expected in SEED_CARDS[name].items():
        if expected is None:
            assert field not in card.fields, f"{name} prints no {field}"
        else:
            assert expected in _text(card, field), (field, card.fields.get(field))
    for lines in card.fields.values():
        for line in lines:
            chunk = chunks[line.chunk_id]
            # The citation check of an answer from the card accepts the line: its words are the chunk's.
            assert content_tokens(line.text) <= content_tokens("\n".join((chunk.page_content, chunk.readable,
                                                                          chunk.title))), line


def test_the_signer_of_a_two_column_closing_is_the_capacity_and_the_name(tmp_path):
    card, _ = _card(CORPUS / "002_63304fc089235397.txt", tmp_path)
    assert [line.text for line in card.fields["signer"]] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Sơn Hùng"]
    assert not any("CHỦ TỊCH" in line.text for line in card.fields["recipients"] if "UBND" not in line.text)


def test_a_letter_laid_out_in_a_header_table_gives_the_same_fields(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(
        "| BỘ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n"
        "| Số: 512/BYT-KCB V/v tăng cường khám chữa bệnh dịp Tết | Hà Nội, ngày 05 tháng 01 năm 2024 |\n\n"
        "Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương\n\n"
        "Bộ Y tế đề nghị các đơn vị bố trí đủ nhân lực trực Tết, bảo đảm thuốc và vật tư.\n\n"
        "| Nơi nhận: - Như trên; - Bộ trưởng (để báo cáo); - Lưu: VT, KCB. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Thuấn |\n",
        "utf-8")
    card, _ = _card(path, tmp_path)
    assert _text(card, "number") == "so: 512/byt-kcb"
    assert _text(card, "date") == "ha noi, ngay 05 thang 01 nam 2024"
    assert _text(card, "issuer") == "bo y te"
    assert _text(card, "title").startswith("v/v tang cuong kham chua benh")
    assert [line.text for line in card.fields["signer"]] == ["KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Trần Văn Thuấn"]
    assert "so y te cac tinh" in _text(card, "recipients") and "luu: vt, kcb" in _text(card, "recipients")


@pytest.mark.parametrize("addressed, recipients", [
    ("Kính gửi: Bộ Lao động - Thương binh và Xã hội\n", ["Bộ Lao động - Thương binh và Xã hội"]),
    ("| Kính gửi: | - Bộ Tài chính; - Bộ Kế hoạch và Đầu tư |\n|---|---|\n", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]),
    ("Kính gửi:\n- Bộ Tài chính;\n- Bộ Kế hoạch và Đầu tư.\n", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư."]),
])
def test_a_letters_addressees_are_its_recipients_however_they_are_laid_out(addressed, recipients, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("| BỘ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
                    "| Số: 2214/BXD-QLN V/v hỗ trợ người có công về nhà ở | Hà Nội, ngày 15 tháng 10 năm 2013 |\n\n"
                    f"{addressed}\nBộ Xây dựng đề nghị các Bộ bố trí vốn hỗ trợ theo Quyết định số 22/2013/QĐ-TTg.\n\n"
                    "Nơi nhận:\n- Như trên;\n- Lưu: VT, QLN.\n", "utf-8")
    card, _ = _card(path, tmp_path)
    assert [line.text for line in card.fields["recipients"]][:len(recipients)] == recipients


def test_a_legal_text_with_a_labelled_header_line_gives_its_dates(tmp_path):
    path = tmp_path / "decree.txt"
    path.write_text(
        "Nghị định số 12/2024/NĐ-CP quy định về kiểm dịch y tế\n"
        "Số hiệu: 12/2024/NĐ-CP | Loại: Nghị định | Cơ quan ban hành: Chính phủ | Ngày ban hành: 01/02/2024 | "
        "Hiệu lực: 15/03/2024\n\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định về kiểm dịch y tế biên giới. "
        "Hợp đồng kiểm dịch có hiệu lực kể từ ngày ký.\n\n"
        "Điều 9. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2024 và thay thế "
        "Nghị định số 89/2018/NĐ-CP.\n", "utf-8")
    card, _ = _card(path, tmp_path)
    assert _text(card, "number") == "so hieu: 12/2024/nd-cp"
    assert _text(card, "date") == "ngay ban hanh: 01/02/2024"
    assert _text(card, "issuer") == "co quan ban hanh: chinh phu"
    assert "15 thang 3 nam 2024" in _text(card, "effect") and "89/2018/nd-cp" in _text(card, "effect")
    # A contract that takes effect in the body says nothing of when the decree does.
    assert "hop dong" not in _text(card, "effect")


@pytest.mark.parametrize("question, fields", [
    ("Kế hoạch 231/KH-UBND do ai ký, ở cương vị nào?", ["signer"]),
    ("cong van 8794/VPCP-KGVX ngay bao nhieu, gui ai", ["date", "recipients"]),
    ("Who signed plan 243/KH-SYT and when?", ["date", "signer"]),
    ("qd 12/2012 tuyen quang thay the nhung quyet dinh nao", ["effect"]),
    ("Kế hoạch 243 thực hiện kế hoạch nào của UBND tỉnh?", ["basis"]),
    ("Hội nghị tổng kết có bao nhiêu đại biểu?", []),
    # When the conference is held is asked of the plan's body, not the plan's date.
    ("hoi nghi so ket 5 nam QD 2348 cua dong nai to chuc ngay nao, o dau", []),
    ("Buổi làm việc với Sở Y tế (Thông báo 469/TB-VP) diễn ra ngày nào?", []),
    # Nor is a deadline the letter sets.
    ("Công văn 3354/VPCP-KGVX đặt hạn báo cáo nêu trong công văn là khi nào?", []),
    # The number asked as staff ask it, not a total; recipients asked with what they receive it for, yes or no, or
    # the archive copy.
    ("Quyết định ban hành Kế hoạch bảo vệ bí mật nhà nước của tỉnh Sơn La là số nào?", ["number"]),
    ("Hội nghị có tổng số bao nhiêu đại biểu?", []),
    ("Công văn 1040/LĐTBXH-NCC được gửi “để báo cáo” cho những nơi nào?", ["recipients"]),
    ("Nghị định 48/2013/NĐ-CP có gửi Kiểm toán Nhà nước không?", ["recipients"]),
    ("vbhn 835/vbhn-bldtbxh ban luu o dau", ["recipients"]),
])
def test_the_card_fields_a_question_asks_for(question, fields):
    assert asked_fields(question) == fields


def test_a_document_is_named_by_its_number_in_any_spacing_and_never_by_a_bare_year(tmp_path):
    cards = [_card(CORPUS / name, tmp_path)[0] for name in sorted(SEED_CARDS)]
    for question in ("243/KH-SYT do ai ký?", "ke hoach 243 KH SYT gui nhung ai", "Kế hoạch 243 ban hành năm nào?"):
        assert [c.source for c in named_cards(question, cards)] == ["001_23050706023c0a9f.txt"], question
    assert named_cards("Năm 2025 có những hội nghị nào?", cards) == []
    assert named_cards("Quyết định 2348/QĐ-TTg phê duyệt đề án gì?", cards) == []


def test_every_document_a_question_names_in_full_is_named_in_its_order(tmp_path):
    cards = [_card(CORPUS / name, tmp_path)[0] for name in sorted(SEED_CARDS)]
    named = named_cards("Thông báo 469/TB-VP và Kế hoạch 231/KH-UBND do ai ký?", cards)
    assert [c.source for c in named] == ["003_cc4b21ca71fb73ef.txt", "002_63304fc089235397.txt"]


def test_a_signers_name_is_written_in_capitals_not_a_table_heading_after_it(tmp_path):
    path = tmp_path / "circular.txt"
    path.write_text(
        "| BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 40/2012/TT-BTC | Hà Nội, ngày 9 tháng 3 năm 2012 |\n\nTHÔNG TƯ\n\nQUY ĐỊNH QUẢN LÝ KINH PHÍ\n\n"
        "Điều 1. Thông tư này quy định việc quản lý kinh phí hỗ trợ học nghề.\n\n"
        "| Nơi nhận: - Văn phòng Chính phủ; - Lưu VT, Vụ HCSN. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Minh |\n|---|---|\n\n"
        "MẪU SỐ: 01\n\n| TT | Họ tên học viên | Tiền ăn | Tiền ở |\n|---|---|---|---|\n| | Cộng | | |\n", "utf-8")
    card, _ = _card(path, tmp_path)
    assert [line.text for line in card.fields["signer"]] == ["KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Nguyễn Thị Minh"]


@pytest.mark.parametrize("closing, signer", [
    # A consolidated text certifies the consolidation before the capacity.
    ("| Nơi nhận: - Văn phòng Chính phủ; - Lưu: VT, PC. | XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Bá Hoan |",
     ["KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Nguyễn Bá Hoan"]),
    # A stray space broke a syllable of the name.
    ("| Nơi nhận: - Như Điều 4; - Lưu: VT. | CHỦ TỊCH Đặ ng Văn Minh |", ["CHỦ TỊCH", "Đặng Văn Minh"]),
])
def test_the_signer_is_read_from_a_closing_cell_as_the_corpora_print_it(closing, signer, tmp_path):
    path = tmp_path / "decision.txt"
    path.write_text("| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
                    "| Số: 1351/QĐ-UBND | Quảng Ngãi, ngày 10 tháng 10 năm 2022 |\n\nQUYẾT ĐỊNH\n\n"
                    "Điều 1. Công bố danh mục thủ tục hành chính lĩnh vực người có công.\n\n"
                    f"{closing}\n|---|---|\n", "utf-8")
    card, _ = _card(path, tmp_path)
    assert [line.text for line in card.fields["signer"]] == signer


def test_the_signer_is_read_from_the_closing_not_from_a_blank_form_annexed_to_the_document(tmp_path):
    # Decree 102/2018 of the CongBot set annexes forms that print a blank `Nơi nhận:` of their own.
    with (Settings().extra_corpus_dir / "congbot_documents.jsonl").open(encoding="utf-8") as records:
        text = next(record["text"] for record in map(json.loads, records) if record["id"] == "102_2018_ND_CP")
    path = tmp_path / "decree.txt"
    path.write_text(text, "utf-8")
    card, _ = _card(path, tmp_path)
    assert [line.text for line in card.fields["signer"]] == ["TM. CHÍNH PHỦ THỦ TƯỚNG", "Nguyễn Xuân Phúc"]


def test_a_letter_answering_another_spaced_before_its_date_and_a_decision_replacing_several(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("| BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
                      "| Số: 2864/LĐTBXH-NCC V/v giải quyết chế độ chính sách | Hà Nội , ngày 22 tháng 07 năm 2015 |\n\n"
                      "Kính gửi: Ủy ban nhân dân tỉnh Long An\n\n"
                      "Bộ Lao động - Thương binh và Xã hội nhận được Công văn số 1879/UBND-VX ngày 27/05/2015 của Ủy ban "
                      "nhân dân tỉnh Long An về việc giải quyết chính sách. Theo quy định hiện hành, không có cơ sở xem xét.\n\n"
                      "| Nơi nhận: - Như trên; - Lưu VT, NCC. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Doãn Mậu Diệp |\n|---|---|\n", "utf-8")
    card, _ = _card(letter, tmp_path)
    assert _text(card, "date") == "ha noi , ngay 22 thang 07 nam 2015"
    assert "1879/ubnd-vx" in _text(card, "basis") and "khong co co so" not in _text(card, "basis")
    decision = tmp_path / "decision.txt"
    decision.write_text("| ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
                        "| Số: 12/2012/QĐ-UBND | Tuyên Quang, ngày 25 tháng 6 năm 2012 |\n\nQUYẾT ĐỊNH\n\n"
                        "Điều 3. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế các Quyết định: Quyết "
                        "định số 110/2005/QĐ-UBND ngày 29/12/2005; Quyết định số 42/2007/QĐ-UBND ngày 31/12/2007.\n\n"
                        "| Nơi nhận: - Như Điều 3; - Lưu VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Chẩu Văn Lâm |\n|---|---|\n",
                        "utf-8")
    card, _ = _card(decision, tmp_path)
    assert "110/2005" in _text(card, "effect") and "42/2007" in _text(card, "effect")


@pytest.mark.parametrize("question, fields", [
    ("What is the number and date of the MOLISA letter on soldiers injured in economic construction teams?",
     ["number", "date"]),
    ("Which provincial letter does the MOLISA letter 2864 reply to?", ["basis"]),
    ("What is the number of participants of the conference?", []),
])
def test_an_english_question_for_a_documents_number_or_what_it_answers_asks_for_its_card(question, fields):
    assert asked_fields(question) == fields


def test_a_document_whose_header_lost_its_number_is_known_by_its_title_or_its_annexes_caption(tmp_path):
    decree = tmp_path / "decree.txt"
    decree.write_text("NGHỊ ĐỊNH\nQuy định mức hưởng trợ cấp ưu đãi người có công\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                      "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mức hưởng trợ cấp. Xem Thông tư số 101/2018/TT-BTC.\n\n"
                      "Phụ lục I\n(Kèm theo Nghị định số 75/2021/NĐ-CP ngày 24 tháng 7 năm 2021 của Chính phủ)\n"
                      "Đối tượng | Mức trợ cấp\n", "utf-8")
    card, _ = _card(decree, tmp_path)
    assert card.printed_number == "75/2021/NĐ-CP"
    assert _text(card, "date") == "ngay 24 thang 7 nam 2021"
    assert [c.source for c in named_cards("Nghị định 75/2021/NĐ-CP do ai ký?", [card])] == [card.source]
    merged = tmp_path / "merged.txt"
    merged.write_text("Văn bản hợp nhất số 04/VBHN-BYT (Thông tư 05/2015/TT-BYT hợp nhất) – Danh mục thuốc đông y\n\n"
                      "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định danh mục thuốc.\n\n"
                      "Phụ lục\n(Kèm theo Thông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015)\n", "utf-8")
    card, _ = _card(merged, tmp_path)
    assert card.printed_number == "04/VBHN-BYT"
    # A body that only cites another document's number gives this one none.
    cited = tmp_path / "cited.txt"
    cited.write_text("CHỈ THỊ\nVề đào tạo nghề cho con liệt sĩ\n\nThực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 "
                     "năm 2013, các Bộ triển khai.\n", "utf-8")
    card, _ = _card(cited, tmp_path)
    assert card.printed_number is None


def test_a_record_opening_on_its_identifier_is_titled_by_the_line_under_its_type(tmp_path):
    record = tmp_path / "record.txt"
    record.write_text("# 48_2013_NĐ_CP_preamble\n\n| CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
                      "| Số: 48/2013/NĐ-CP | Hà Nội, ngày 14 tháng 05 năm 2013 |\n\nNGHỊ ĐỊNH\n\n"
                      "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA CÁC NGHỊ ĐỊNH LIÊN QUAN ĐẾN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\n\n"
                      "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n\nĐiều 1. Sửa đổi Nghị định số 63/2010/NĐ-CP.\n",
                      "utf-8")
    card, _ = _card(record, tmp_path)
    assert _text(card, "title") == "sua doi, bo sung mot so dieu cua cac nghi dinh lien quan den kiem soat thu tuc hanh chinh"
