"""The instruction as the draft may quote it: one line, its dates and hours as the documents write them, its
marks restored (acronyms written out first) or, for an English one, read through the glossary, and the units
and provinces it names spelled as the house style spells them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..vietnamese.folding import fold, sub_folded
from ..vietnamese.glossary import (acronyms_in_capitals, english_dates, english_terms, glossed_names, province_in, provinces,
                                   terms_written_out)
from ..vietnamese.language import has_marks, language_of
from ..vietnamese.person_names import with_marked_names
from ..vietnamese.restorer import Restorer
from ..vietnamese.units import abbreviations, common_noun, unit_table
from .dates import house_dates, house_hours
from .indicators import targets_in_prose
from .worked_rates import rates_in_prose, shares_in_rows
from .pasted import whole_figures
from .event_length import SPELLED
from .amounts import integer, scaled_figure, vnd_number

_LIST_MARK = re.compile(r"\(?\d{1,2}[.)]\s|[-–•+]\s")


_BRACKETED_HEAD = re.compile(r"(?m)^[ \t]*\[([^\]\d\n]{2,40})\][ \t]*(?=\S)")


def _one_line(instruction: str) -> str:
    """A request typed over several lines, in one: a line that ends without a stop ends a clause, as a
    semicolon would ("hoa chat 350 lit x 420.000d" and the next line are two budget lines); a spreadsheet row's
    cells are split by bars."""
    # "[KHTC] dự trù kinh phí", as pasted from a chat group: the unit in brackets heads its line, as "KHTC:" would.
    instruction = _BRACKETED_HEAD.sub(r"\1: ", instruction)
    # A row copied from a spreadsheet keeps its cells apart, as a row typed with bars does.
    lines = [" | ".join(" ".join(cell.split()) for cell in line.split("\t") if cell.strip()) if "\t" in line
             else " ".join(line.split()) for line in instruction.splitlines() if line.strip()]
    ends = ["; " if line[-1] not in ":;,." or (line[-1] == "." and _LIST_MARK.match(after)) else " "
            for line, after in zip(lines, lines[1:])]
    return "".join(line + end for line, end in zip(lines, ends + [""]))


# Titles typed short: "PGĐ Lê Văn Thịnh ký", "GĐ Sở kết luận", "BGĐ Sở" (two capitals alone only in capitals).
_TITLES = [(re.compile(r"\b(?:BGĐ|BGD|bgd)\b"), "Ban Giám đốc"), (re.compile(r"\b(?:PGĐ|PGD|pgd|Pgd)\b"), "Phó Giám đốc"),
           (re.compile(r"\b(?:GĐ|GD)\b"), "Giám đốc"), (re.compile(r"\bCVP\b"), "Chánh Văn phòng"),
           (re.compile(r"\b(?:PCT|pct)\b"), "Phó Chủ tịch"), (re.compile(r"\b(?:CT|ct)(?= (?:UBND|ubnd)\b)"), "Chủ tịch")]
# "KP" is "kinh phí" after an estimate ("dự trù KP", "du toan kp"); elsewhere it may be a neighbourhood (khu phố).
_ESTIMATE_KP = re.compile(r"\b(d[uự]\s+(?:tr[uù]|to[aá]n))\s+kp\b", re.IGNORECASE)


def titles_written_out(text: str) -> str:
    for pattern, title in _TITLES:
        text = pattern.sub(title, text)
    return _ESTIMATE_KP.sub(r"\1 kinh phí", text)


# Shorthand staff type in lower case when they type without marks ("tb ket luan", "bc gd so", "tl gd, chanh vp"):
# written out before the words are restored, which read them as words ("tố", "bể gỗ", "từ gỗ"). Never inside a
# symbol ("/BC-SYT"); "gd" is the Director only beside "tl"/"kt" or before the Department ("Sở GD" is Education's),
# "hn" no conference after a word of place ("tai hn": Hà Nội), "HN" one only where a conference is meant.
_NOT_IN_SYMBOL = r"(?<![/-])\b{}\b(?![-/])"
_SHORTHAND = [(re.compile(r"\b(tl|kt)\.?\s+gd\b"), lambda m: f"{m.group(1).upper()}. Giám đốc"),
              (re.compile(r"\bgd(?=\s+(?:so|syt)\b|\s+[A-Z][a-z]+\s+[A-Z])"), lambda m: "Giám đốc"),
              (re.compile(r"\bchanh vp\b"), lambda m: "Chánh Văn phòng"),
              *((re.compile(_NOT_IN_SYMBOL.format(short)), lambda m, full=full: full)
                for short, full in (("bc", "báo cáo"), ("tb", "thông báo"), ("kh", "kế hoạch"), ("cv", "công văn"),
                                    ("qd", "quyết định"))),
              (re.compile(r"(?<!\btai )(?<!\bo )(?<!\bden )" + _NOT_IN_SYMBOL.format("hn")), lambda m: "hội nghị"),
              # In capitals "HN" may be Hà Nội: a conference only as what is organised or what kind it is.
              (re.compile(r"\b(t[oổ] ch[uứ]c\s+)HN\b|\bHN\b(?=\s+(?:t[oổ]ng k[eế]t|s[oơ] k[eế]t|tr[uự]c tuy[eế]n|giao ban)\b)"),
               lambda m: f"{m.group(1) or ''}hội nghị")]


# Words shortened as in a chat ("ko có tử vong", "đc giám sát", "trc 30/6"), whatever the marks: written out, as no
# official document keeps them. Lower case only: "K" or "DC" in capitals may be a code.
_CHAT = {"ko": "không", "k": "không", "đc": "được", "dc": "được", "trc": "trước", "vs": "với", "tgian": "thời gian"}
_CHAT_WORD = re.compile(r"(?<![\w/.-])(" + "|".join(_CHAT) + r")(?![\w/-])")


def chat_written_out(text: str) -> str:
    return _CHAT_WORD.sub(lambda m: _CHAT[m.group(1)], text)


def shorthand_written_out(text: str) -> str:
    for pattern, full in _SHORTHAND:
        text = pattern.sub(full, text)
    return acronyms_in_capitals(text)


# A figure's unit typed short ("150k", "5tr", "420.000d": đồng only after an amount): written out before restoring,
# where a figure glued to letters reads as OCR damage ("5tr" had been restored as "u").
_FIGURE_UNIT = re.compile(r"\b(\d+(?:[.,]\d+)*)\s?(k|K|tr|ng)\b(?![\d.,]\d)|\b(\d{1,3}(?:[.,]\d{3})+|\d{4,})\s?(đ|d)\b")
_UNIT_WORDS = {"k": "nghìn", "tr": "triệu", "ng": "người", "đ": "đồng", "d": "đồng"}  # "110ng": 110 người


def units_written_out(text: str) -> str:
    return _FIGURE_UNIT.sub(lambda m: f"{m.group(1) or m.group(3)} {_UNIT_WORDS[(m.group(2) or m.group(4)).lower()]}",
                            whole_figures(text))


# How an English request wants the draft written ("in Vietnamese and with the full layout"): no words of the draft.
_HOW_TO_WRITE = re.compile(r",?\s*\(?\b(?:(?:drafted|written)\s+)?in Vietnamese\b(?:\s*,?\s*(?:and\s+)?(?:with )?(?:the |a )?"
                           r"(?:full|complete) layout)?\)?|,?\s*\(?\b(?:(?:with|in) )?(?:the |a )?(?:full|complete) layout\b\)?",
                           re.IGNORECASE)


# An English name glossed by a Vietnamese one in brackets, as typed or once its code is written out.
_ENGLISH_NAME = re.compile(r"\b(?:[A-Z][A-Za-z&.'-]*\s+){0,5}[A-Z][A-Za-z&.'-]*\s*\(([^()]+)\)")


# An aside telling the drafter what is not meant ("the Department of Finance (not our own finance office)"): no
# content of the draft.
_NOT_THIS = re.compile(r"\s*\((?:not|but not|không phải|chứ không phải|khong phai)\s[^()]*\)", re.IGNORECASE)


# A plus sign typed between words for "and" (not in a sum, nor a bullet's mark).
_PLUS = re.compile(r"(?<=[^\W\d_])\s+\+\s+(?=[^\W\d_])")


def prepared(instruction: str, restorer: Restorer) -> str:
    """The instruction as the draft may quote it: marks restored, English terms in Vietnamese, the names of
    units and provinces as the house style spells them."""
    text = units_written_out(titles_written_out(house_hours(house_dates(_one_line(instruction)))))
    text = _PLUS.sub(" và ", text)  # "phần kinh phí + bảng dự trù": the part and its table
    text = _NOT_THIS.sub("", text)
    if language_of(text) == "en":
        text = _from_english(_HOW_TO_WRITE.sub("", with_marked_names(
            glossed_names(text))))
    elif restorer.needs_restoring(text := chat_written_out(text)):
        # Acronyms are written out first ("VP So" is the "Văn phòng Sở", not "VP Số"): the words around them are
        # then restored in their light; people's names are written from the table of names, not as words.
        typed = written_out(shorthand_written_out(text))
        text = _after_restoring(with_marked_names(_as_marked(restorer.restore(typed, force=True), typed), typed))
    else:
        text = with_marked_names(text)
    text = targets_in_prose(shares_in_rows(rates_in_prose(terms_written_out(written_out(text)))))
    if language_of(instruction) == "en":  # "Health Services Dept (NVY)": the unit the code names, not its English
        text = _ENGLISH_NAME.sub(lambda m: m.group(1) if m.group(1) in _names() else m.group(), text)
    if asked_in_full := _IN_FULL.search(text):  # "tổng tiền phạt 1,285 tỷ (ghi số tiền đầy đủ bằng số)"
        text = _SCALED_MONEY.sub(lambda m: m.group() if m.group(2).lower() == "nghìn" else
                                 f"{vnd_number(scaled_figure(m.group(1), m.group(2)))} đồng",
                                 text[:asked_in_full.start()] + text[asked_in_full.end():])
    # The house style names a plan's, an estimate's or a quarter's year with "năm": "kế hoạch 2027" is "kế hoạch năm
    # 2027", "quý I 2027" (an English "Q1 2027") is "quý I năm 2027".
    return re.sub(r"\b((?:[Kk]ế hoạch|[Dd]ự toán|[Nn]gân sách|quý (?:IV|III|II|I)))\s+(?=(?:19|20)\d\d\b(?!/))", r"\1 năm ", text)


# "VND 100k" reaches here as "VND 100 nghìn": the currency before says it is money all the same.
_SCALED_MONEY = re.compile(r"(?:\b(?:VND|VNĐ)\s*)?(?<![\d.,])(\d+(?:[.,]\d{1,3})?)\s*(billion|million|thousand|nghìn|triệu|tỷ)\b"
                           r"(?:\s*(?:đồng|VND|VNĐ|đ)\b)?", re.IGNORECASE)


# The request asks for money written in full figures, not with its scale word: the ask itself is no content.
_IN_FULL = re.compile(r"\s*\((?:ghi|viết) (?:rõ )?(?:số tiền )?(?:đầy đủ )?bằng số(?: đầy đủ)?\)|\s*\((?:write|give) (?:it|them|"
                      r"amounts?) (?:in đồng|in full(?: figures)?)\)", re.IGNORECASE)


_SPELLED_COUNT = re.compile(rf"\b({'|'.join(SPELLED)})(?=\s+(?:sessions?|days?|nights?|classes|teams|rounds|trips|rooms|"
                            r"copies|sets|breaks)\b)", re.IGNORECASE)


def amounts_in_digits(text: str) -> str:
    """Money an English request writes with a scale word is written in full, as the documents write it ("VND 12
    billion" is 12.000.000.000 đồng); a Vietnamese one keeps its words ("4,5 tỷ đồng"). Only money (a currency
    before or after): "1.2 million people" counts people. A Vietnamese scale word is written in full only after
    the currency ("VND 100k", read as "VND 100 nghìn")."""
    def full(m: re.Match) -> str:
        if not re.search(r"đồng|vnd|vnđ|đ$", m.group().lower()) or (
                m.group(2).lower() in ("nghìn", "triệu", "tỷ") and not m.group().upper().startswith("VN")):
            return m.group()
        return f"{vnd_number(scaled_figure(m.group(1), m.group(2)))} đồng"
    return _SCALED_MONEY.sub(full, text)


def _written(canonical: str, after: str) -> str:
    """A unit's full name, less the words the text goes on to say itself ("BHXH tỉnh", "TTYT các khu vực")."""
    following = fold(" ".join(after.split()[:3]))
    words = canonical.split()
    for n in (2, 1):
        if len(words) > n + 1 and re.search(rf"\b{re.escape(fold(' '.join(words[-n:])))}\b", following):
            return " ".join(words[:-n])
    return canonical


def _in_address(match: re.Match) -> bool:
    """Whether the match stands inside an e-mail or web address (phongnvy.syt@nghean.gov.vn): it is no unit."""
    start = match.string.rfind(" ", 0, match.start()) + 1
    end = match.string.find(" ", match.end())
    word = match.string[start:end if end >= 0 else len(match.string)]
    return "@" in word or "://" in word or word.lower().startswith("www.")


def written_out(text: str) -> str:
    """Units named by an acronym written out as the house style names them ("phòng KHTC" is "Phòng Kế hoạch - Tài
    chính", "CDC" the "Trung tâm Kiểm soát bệnh tật", "VP So" typed without marks the "Văn phòng Sở")."""
    for alias, canonical in abbreviations():
        pattern = re.compile(rf"(?<![\w-]){re.escape(fold(alias))}(?![\w-])")
        text = sub_folded(pattern, lambda m, typed=text: typed[m.start():m.end()] if _in_address(m)
                          else _written(canonical, m.string[m.end():]), text)
        if canonical.startswith("Phòng"):  # "phòng KHTC": the acronym alone stood after "phòng"
            text = re.sub(rf"\b[Pp]h(?:ò|o)ng\s+(?={re.escape(canonical)})", "", text)
    return text


_BARE_MONEY = 100_000


def _from_english(text: str) -> str:
    # 96.2% is written 96,2% (a point before one or two digits is a decimal point, not thousands), but "section
    # 3.2" stays a section's number; read before the terms are translated ("15.2 doctors per 10,000 population",
    # not "15.2 Số bác sĩ/10.000 dân", which reads as a section and its title).
    text = re.sub(r"(?<![\d.,])(?<!section )(?<!item )(?<!point )(?<!mục )(\d+)\.(\d{1,2})(?![\d/])(?!,\d)(?!\.[\d,])(?!\s+[A-Z])",
                  r"\1,\2", english_dates(text))
    text = re.sub(r"\b(\d+) of (?:the )?(\d+)\b", r"\1/\2", text)  # "11 of 12 targets": 11/12
    text = re.sub(r"(?<=[A-Za-z])[–—](?=[A-Za-z])", "-", text)  # "Planning–Finance Division" is the Planning-Finance one
    # "tea breaks in two sessions": a count spelled before what a budget line counts is a count all the same.
    text = _SPELLED_COUNT.sub(lambda m: str(SPELLED[m.group(1).lower()]), text)
    # 2,350,000,000 is written 2.350.000.000 in Vietnamese; 12,4 (one or two decimals) stays.
    text = re.sub(r"\b\d{1,3}(?:,\d{3})+\b", lambda m: m.group().replace(",", "."), amounts_in_digits(english_terms(text)))
    # A figure of a hundred thousand or more priced per something ("hall rental 2,000,000 per day") is money
    # though it names no currency: no count of people or doses runs that high per day or person.
    text = re.sub(r"(?<!VND )(?<!VNĐ )(?<!VND)\b(\d{1,3}(?:\.\d{3}){1,3})(?=\s+(?:per|each)\b)",
                  lambda m: f"{m.group(1)} đồng" if integer(m.group(1)) >= _BARE_MONEY else m.group(1), text)
    # A province typed without marks is written with them, and after its Department the Vietnamese way
    # ("the Quang Nam Department of Health" → "Sở Y tế Quảng Nam", "Quang Ngai Provincial General Hospital" →
    # "Bệnh viện Đa khoa tỉnh Quảng Ngãi").
    text = known_names(text)
    if province := province_in(text):
        text = re.sub(rf"\b{province}(?:'s)?\s+(Sở Y tế|Văn phòng UBND tỉnh|UBND tỉnh|Bệnh viện Đa khoa tỉnh)",
                      rf"\1 {province}", text)
    # "Sở Y tế's", "the Sở Tài chính", "lãnh đạo of the UBND tỉnh": English grammar around terms now
    # Vietnamese, which has neither; "and" between Vietnamese words is "và".
    # ("the Kinh phí section" keeps its article: it names a part)
    text = re.sub(r"\b[Tt]he\s+(?![^.;:]{0,40}?\b(?:section|part)\b)(?=\S*[^\x00-\x7f]|[A-Z]\S*\s+\S*[^\x00-\x7f])", "", text)
    text = re.sub(r"(\S*[^\x00-\x7f]\S*)\s+the\s+", r"\1 ", text)
    # ("Phó Chủ tịch of UBND tỉnh": an acronym of a body is Vietnamese too)
    text = re.sub(r"(\S*[^\x00-\x7f]\S*)\s+of\s+(?:the\s+)?(?=\S*[^\x00-\x7f]|(?:UBND|HĐND|BHXH)\b)", r"\1 ", text)
    text = re.sub(r"(\S*[^\x00-\x7f]\S*)\s+and\s+(?=\S*[^\x00-\x7f]|(?:UBND|HĐND|BHXH)\b)", r"\1 và ", text)
    # A year as the house style says it: "in 2027" is "năm 2027" (a period "2026-2030" is left as typed; "tasks for
    # 2027" is read as the period after the report's).
    text = re.sub(r"\b(?:in|during)\s+(?:the\s+year\s+)?((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)", r"năm \1", text)
    # A deadline as the house style writes it: "by 15/11/2026" is "trước ngày 15/11/2026".
    text = re.sub(r"\b(?:by|before|no later than)\s+(?=\d{1,2}/\d{1,2}/\d{4})", "trước ngày ", text)
    return re.sub(r"(\b\w*[^\x00-\x7f]\w*)['’]s\b", r"\1", text)  # "Giám đốc's": no possessive in Vietnamese


# Words the restorer may mark wrongly where the context is plain: "mỗi" and "khoán" before a rate's figure, the word
# before a part's numeral or a floor's number, a quarter before its numeral, a case or a trip counted, the afternoon
# after an hour, the Department after "về"/"gửi" ("ve So" is "về Sở", not "về Số") and its meeting room or hall
# ("phong hop so" is the "phòng họp Sở"), an amount's đồng; a number and symbol's "số" ("gửi UBND tỉnh, so
# 1530/SYT-KHTC").
_NUMBERED_WORDS = [(r"\b(?:phấn|phận|phan)(?=\s+[IVX]+\b)", "phần"), (r"\b(?:tăng|tảng|tang)(?=\s+\d)", "tầng"),
                   (r"\b(họp|trường|nhà|việc) tặng(?=\s+\d)", r"\1 tầng"),
                   (r"\b(?:quy|quỹ|qui)(?=\s+(?:I|II|III|IV)\b)", "quý"), (r"(?<=\d )(?:cả|cà|cá)\b", "ca"),
                   (r"(?<=\d )(?:chuyển|chuyên)\b", "chuyến"), (r"(?<=\dh\d\d )(?:chiếu|chiêu)\b", "chiều"),
                   (r"\b(về|cho|của|tại|gửi|lên|trình) (?:Số|Sổ)\b(?![\s:]*\d)(?! tay)", r"\1 Sở"),
                   (r"\b([Pp]hòng họp|[Hh]ội trường) (?:[Ss]ố|[Ss]ổ|[Ss]ơ)\b(?![\s:]*\d)", r"\1 Sở"), (r"(?<=\d)\s*(?:động|đông|đống|đọng|dong)\b", " đồng"),
                   (r"(?<=\d )(?:triều|triếu|triêu)\b", "triệu"), (r"\b([Dd])ự trữ(?=\s*:)", r"\1ự trù"),
                   (r"\b([Mm])ọi (người|đại biểu|học viên|báo cáo viên|giảng viên|lớp|xã|đoàn)(?=\s+\d)", r"\1ỗi \2"),
                   (r"\b([Kk])hoan(?=\s+\d)", r"\1hoán"),
                   (r"(?<=[^\W\d_,] |, )[Ss][ởổ](?=\s+\d+/[A-ZĐ])", "số")]


def _as_marked(restored: str, typed: str) -> str:
    """The restored text with each word the user typed with its marks as typed ("Nguyễn Văn Hòa" in an unmarked
    request is no "Hóa"): the restorer keeps the words in place, one for one."""
    words, said = restored.split(" "), typed.split(" ")
    if len(words) != len(said):
        return restored
    return " ".join(typed_word if has_marks(typed_word) else word for word, typed_word in zip(words, said))


def _after_restoring(text: str) -> str:
    for pattern, word in _NUMBERED_WORDS:
        text = re.sub(pattern, word, text)
    return known_names(text)


@lru_cache(maxsize=1)
def _names() -> list[str]:
    """The house-style spellings of units and provinces, longest first."""
    units = {unit for _, canonical in unit_table().aliases for unit in canonical}
    return sorted(units | set(provinces()), key=len, reverse=True)


def known_names(text: str) -> str:
    """Each unit or province the text names with other marks or none ("Phòng Nghiệp vụ Được", "Dak Nong",
    "Cả Mẫu") spelled as the house style spells it."""
    folded = fold(text)
    if len(folded) != len(text):  # positions in the folded text would not be the text's
        return text
    for name in _names():
        # "cơ sở y tế" (a health facility) and "cán bộ y tế" (a health worker) name no Department or Ministry. A
        # name replaces letters of its own folded form: the folded text stays the same.
        first = fold(name).split()[0]
        text = sub_folded(re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)"),
                          lambda m, typed=text: typed[m.start():m.end()]
                          if common_noun(m.string[:m.start()].split()[-1:], first) else name, text, folded)
    return text
