"""Word and PDF files read as the page shows them (issue 18, part 2): the header table, Word's own numbering,
merged cells, footnotes, text boxes; a PDF's columns and wrapped lines."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from assistant.config import Settings
from assistant.ingest.loaders import load_file
from assistant.ingest.structure import parse_document
from formats import seed_to_docx
from scans import placed_pdf

SETTINGS = Settings()
PLAN = """UBND TỈNH LAI CHÂU  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ  Độc lập - Tự do - Hạnh phúc
Số: 243/KH-SYT  Lai Châu, ngày 27 tháng 11 năm 2025

KẾ HOẠCH

Tổ chức Hội nghị Tổng kết hoạt động y tế năm 2025

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Đánh giá kết quả đạt được trong năm.

2. Yêu cầu

a) Tiết kiệm, hiệu quả.

b) Đúng thời gian.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Kế hoạch - Tài chính

- Dự trù kinh phí tổ chức, hoàn thành trước ngày 22/12/2025.

2. Văn phòng Sở

- Chuẩn bị hội trường.
"""


def _loaded(document, tmp_path: Path) -> str:
    document.save(tmp_path / "file.docx")
    return load_file(tmp_path / "file.docx", SETTINGS).text


def test_a_header_table_and_word_numbering_parse_as_the_typed_plan(tmp_path: Path):
    seed_to_docx(PLAN, tmp_path / "plan.docx")
    word = docx.Document(str(tmp_path / "plan.docx"))
    assert len(word.tables) == 1 and "Mục đích" in [p.text for p in word.paragraphs]  # the "1." is Word's
    text = load_file(tmp_path / "plan.docx", SETTINGS).text
    assert text.startswith("UBND TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ Độc lập")
    parsed = parse_document(text)
    meta = parsed.metadata
    assert (meta.number, meta.date, meta.place, meta.doc_type) == ("243/KH-SYT", "2025-11-27", "Lai Châu", "KH")
    assert meta.title == "Tổ chức Hội nghị Tổng kết hoạt động y tế năm 2025"
    paths = [s.path_text for s in parsed.sections]
    # Numbering restarts under each part, as Word draws it: part II's first item is 1., not 3.
    assert "I. MỤC ĐÍCH, YÊU CẦU > 2. Yêu cầu > b) Đúng thời gian" in paths
    assert "II. TỔ CHỨC THỰC HIỆN > 1. Phòng Kế hoạch - Tài chính" in paths
    assert "II. TỔ CHỨC THỰC HIỆN > 2. Văn phòng Sở" in paths
    assert parse_document(PLAN).metadata == meta


def test_a_list_style_numbers_its_paragraphs_at_every_level(tmp_path: Path):
    document = docx.Document()
    for text in ("Mục đích", "Yêu cầu"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Gạch đầu dòng", style="List Bullet")
    lines = _loaded(document, tmp_path).split("\n\n")
    assert lines[:2] == ["1. Mục đích", "2. Yêu cầu"] and lines[2].endswith("Gạch đầu dòng")


def test_merged_cells_are_read_once_and_columns_stay_aligned(tmp_path: Path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Nội dung", "Kinh phí", ""], ["Hội trường", "2.000.000", "đồng"],
                             ["", "3.000.000", "đồng"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Kinh phí"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Hội trường"
    text = _loaded(document, tmp_path)
    assert text.count("Kinh phí") == 1 and text.count("Hội trường") == 1
    assert "| Nội dung | Kinh phí | |" in text and "| | 3.000.000 | đồng |" in text


def test_a_footnote_follows_the_paragraph_it_annotates(tmp_path: Path):
    document = docx.Document()
    paragraph = document.add_paragraph("Căn cứ Quyết định số 12/QĐ-UBND")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="2"/></w:r>'))
    document.add_paragraph("Đoạn sau.")
    notes = (f'<w:footnotes {nsdecls("w")}><w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/>'
             '</w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Ban hành ngày 05/01/2025.</w:t></w:r>'
             '</w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    text = _loaded(document, tmp_path)
    assert "Căn cứ Quyết định số 12/QĐ-UBND¹\n¹ Ban hành ngày 05/01/2025.\n\nĐoạn sau." in text


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path):
    document = docx.Document()
    paragraph = document.add_paragraph("Nơi nhận:")
    box = ('<w:p><w:r><w:t>KT. GIÁM ĐỐC</w:t></w:r></w:p><w:p><w:r><w:t>PHÓ GIÁM ĐỐC</w:t></w:r></w:p>')
    # Word writes a box twice: for readers that draw shapes (wps) and for older ones (VML) in a fallback.
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape>'
        '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    text = _loaded(document, tmp_path)
    assert text == "Nơi nhận:\n\nKT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC"


LEFT = ("Hoi nghi tong ket nam 2025 duoc to chuc tai hoi truong so 1 cua So Y te vao luc 08 gio ngay 26 thang 12 "
        "nam 2025 theo Ke hoach so 5463/KH-UBND cua UBND tinh ve viec to chuc hoi nghi tong ket cong tac y te. "
        "Thanh phan gom lanh dao So Y te, cac phong chuc nang va cac don vi truc thuoc tren dia ban tinh.")
RIGHT = ("Phong Ke hoach Tai chinh du tru kinh phi to chuc hoi nghi va thanh quyet toan theo quy dinh hien hanh "
         "cua nha nuoc truoc ngay 22 thang 12 nam 2025 va bao cao Giam doc So Y te ket qua thuc hien nhiem vu. "
         "Van phong So chuan bi hoi truong, nuoc uong giua gio va tai lieu cho dai bieu du hoi nghi.")


def _wrapped(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def test_a_pdf_in_two_columns_is_read_column_by_column_with_its_lines_joined(tmp_path: Path):
    left, right = _wrapped(LEFT, 38), _wrapped(RIGHT, 38)
    assert len(left) >= 8 and len(right) >= 8
    # Written row by row across both columns: the order a naive reading of the text layer interleaves them in.
    rows = [(x, 720 - 14 * n, text) for n in range(max(len(left), len(right)))
            for x, text in ((56, left[n] if n < len(left) else ""), (320, right[n] if n < len(right) else ""))
            if text]
    (tmp_path / "columns.pdf").write_bytes(placed_pdf(rows))
    text = load_file(tmp_path / "columns.pdf", SETTINGS).text
    assert LEFT in text and RIGHT in text and text.index(LEFT) < text.index(RIGHT)


def test_an_old_word_file_without_libreoffice_gives_the_reason_and_the_remedy(tmp_path: Path, monkeypatch):
    from assistant.ingest.loaders import UnreadableFile, legacy_word

    monkeypatch.setattr(legacy_word, "office", lambda: None)  # LibreOffice is installed here; a machine may lack it
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    try:
        load_file(tmp_path / "old.doc", SETTINGS)
    except UnreadableFile as exc:
        assert "LibreOffice" in str(exc) and "libreoffice-writer-nogui" in str(exc) and ".docx" in str(exc)
    else:
        raise AssertionError("an old Word file was read without LibreOffice")


def test_a_pdf_table_keeps_its_rows(tmp_path: Path):
    agenda = [(f"{8 + n // 2:02d}h{30 * (n % 2):02d}", item) for n, item in enumerate(
        ["Don tiep dai bieu", "Khai mac hoi nghi", "Bao cao tong ket", "Tham luan cua CDC", "Tham luan BHXH",
         "Giai lao", "Phat bieu chi dao", "Ket luan", "Be mac"])]
    rows = [(x, 720 - 16 * n, text) for n, (time, item) in enumerate(agenda) for x, text in ((56, time), (320, item))]
    (tmp_path / "agenda.pdf").write_bytes(placed_pdf(rows))
    lines = load_file(tmp_path / "agenda.pdf", SETTINGS).text.split("\n")
    assert all(f"{time} {item}" in lines for time, item in agenda)


def test_a_list_restarted_with_an_override_counts_from_its_start(tmp_path: Path):
    document = docx.Document()
    for text in ("Mục đích", "Yêu cầu"):
        document.add_paragraph(text, style="List Number")
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="900"><w:abstractNumId w:val="{abstract}"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for text in ("Sở Y tế", "Sở Tài chính"):
        paragraph = document.add_paragraph(text, style="List Number")
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 900
        paragraph._p.pPr.numPr.get_or_add_ilvl().val = 0
    assert _loaded(document, tmp_path).split("\n\n") == ["1. Mục đích", "2. Yêu cầu", "1. Sở Y tế", "2. Sở Tài chính"]


def test_pdf_paragraphs_set_apart_by_an_indent_alone_stay_apart_and_list_items_hang(tmp_path: Path):
    first, second = _wrapped(LEFT, 70), _wrapped(RIGHT, 70)
    item = _wrapped("- " + RIGHT, 70)
    # No space between paragraphs: each opens with a first-line indent; the item's lines hang under its text.
    rows = ([(92 if n == 0 else 56, 720 - 14 * n, line) for n, line in enumerate(first)]
            + [(92 if n == 0 else 56, 720 - 14 * (len(first) + n), line) for n, line in enumerate(second)]
            + [(56 if n == 0 else 68, 720 - 14 * (len(first) + len(second) + n), line) for n, line in enumerate(item)])
    (tmp_path / "indented.pdf").write_bytes(placed_pdf(rows))
    paragraphs = load_file(tmp_path / "indented.pdf", SETTINGS).text.split("\n\n")
    assert paragraphs == [LEFT, RIGHT, "- " + RIGHT]  # a blank line between them, as between a Word file's


def test_paragraphs_in_content_controls_are_read(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    # A template's field: the paragraph sits in a block-level content control (w:sdt), which python-docx skips.
    document.element.body.insert(1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Tổ chức Hội nghị Tổng kết năm 2025</w:t>'
        '</w:r></w:p></w:sdtContent></w:sdt>'))
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    assert _loaded(document, tmp_path) == "KẾ HOẠCH\n\nTổ chức Hội nghị Tổng kết năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU"


def test_a_page_break_ends_a_paragraph_only_where_the_page_ended_one(tmp_path: Path):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for text in ("So Y te xay dung ke hoach to chuc hoi nghi nhu sau.", "Can cu Quyet dinh so 12 cua UBND tinh ve",
                 "viec to chuc hoi nghi tong ket."):
        writer.append(PdfReader(io.BytesIO(placed_pdf([(72, 720, text)]))))
    writer.write(tmp_path / "pages.pdf")
    blocks = [block.text for section in parse_document(load_file(tmp_path / "pages.pdf", SETTINGS).text).sections
              for block in section.blocks]
    assert blocks == ["So Y te xay dung ke hoach to chuc hoi nghi nhu sau.",
                      "Can cu Quyet dinh so 12 cua UBND tinh ve\nviec to chuc hoi nghi tong ket."]
