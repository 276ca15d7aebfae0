"""The request's own content, clause by clause, for the parts of the draft: an instruction typed without
marks is restored first and an English one read through the glossary, then cut at sentences, semicolons,
numbered items ("1)", "(2)", "3.1.") and short labels ("Thành phần:", "phân công:"). A clause that assigns
work names its unit first ("Phòng Dân số chuẩn bị báo cáo"): the unit heads a section of the part that
assigns work, the rest is its task. Each skeleton part says which clauses it takes (`takes`, folded words
matched against the clause and its label)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vietnamese.folding import fold
from ..vietnamese.glossary import english_dates, english_terms, province_in, provinces
from ..vietnamese.language import language_of
from ..vietnamese.restorer import Restorer
from ..vietnamese.tokens import search_tokens
from ..vietnamese.units import abbreviations, find_units, unit_table
from .dates import house_dates, house_hours
from .tables import scaled_figure, vnd_number

# A sentence ends at a full stop before a word, unless the stop ends an abbreviation, a numeral of a part
# (II.) or an item number (3.1.); a label holds to the end of its sentence.
_STOP = re.compile(r"\.\s+(?=[^\W\d_(]|\()")
_NOT_END = re.compile(r"(?:\b(?:No|no|TP|Tp|tp|St|Mr|Ms|Dr|v/v|V/v|KT|TL|[ap]\.m|[AP]\.M)|(?:^|\s)[IVX]+|(?:^|\s)\d{1,2}(?:\.\d{1,2})*|^)$")
# Within a sentence a clause ends at a semicolon, before a numbered item, or before another unit given work.
_CUT = re.compile(r"(?<=[;])\s*|\s+(?=\(\d+\)\s)|(?<=[:;,])\s*(?=\d+\)\s)|\s+(?=\d+\.\d+\.\s)|(?<=:)\s+(?=\d+\.\s)")
# Clauses about the drafting itself, not the document's content: "Viết ngắn gọn", "Kèm phụ lục …", who signs.
_META = re.compile(r"^(?:soan|viet|chi viet|chi (?:doan|phan|muc)\b|chia|ket thuc|co du|co cac|kem|bang co|"
                   r"trinh bay|ghi tong|lap bang|lam|draft|write|compute|please|columns?|signed|tl\b|can\b|neu ro tung|"
                   r"(?:khong|ko|k) can|no need|chi can|co (?:dong )?tong(?: cong)?\s*(?:va|\+|,)\s*(?:so tien )?bang chu"
                   r"|co (?:dong )?bang chu)"
                   r"|ky thay|signed by|\bsigns? (?:on behalf|for)\b|\bky\.?$")
_SIGNER_LABELS = {"nguoi ky", "ky", "signer", "signed by"}  # "Người ký: KT. Giám đốc, …" says who signs
# A short label before a colon: "Thành phần:", "phân công:", "Directives:"; at most four words.
_LABEL = re.compile(r"^([^\d:;,.()]{2,40}?)\s*:\s+(?=\S)")
_NUMBERED = re.compile(r"^\(?(\d{1,2}(?:\.\d{1,2})*)[.)]\)?\s+")
# Words that open an assignment before the unit, and the heads of a unit's name (folded).
_OPENING = re.compile(r"^(?:giao|de nghi|phan cong|yeu cau|assign|ask|the)\s*:?\s+")
_DASH = re.compile(r"\s+[–—]\s+|:\s+")  # not " - ": it is inside names (Phòng Kế hoạch - Tài chính)
_UNIT_HEAD = re.compile(r"(?:cac\s+)?(?:phong|van phong|trung tam|chi cuc|benh vien|so|ban|hoi|bao hiem|thanh tra|ubnd|"
                        r"tram|ttyt|dai|bao|cuc|don vi|co so)\b")
# Verbs a task starts with, after its unit (folded): where the unit's name ends.
_VERB = re.compile(r"\s+(?=(?:chu tri|phoi hop|chuan bi|lo|bo tri|tong hop|huong dan|chi dao|lay|gui|bao cao|"
                   r"hoan thien|hoan thanh|hoan chinh|phat hanh|xay dung|tham muu|to chuc|tham dinh|kiem tra|ra soat|"
                   r"trien khai|thuc hien|dam bao|bao dam|du tru|chiu trach nhiem|co trach nhiem|theo doi|cung cap|"
                   r"lap|phan bo|tuyen truyen|rut|giam sat|xu ly|cap nhat|de xuat|tiep tuc|khan truong|chu dong|"
                   r"tang cuong|don tiep|ghi|du thao|mua|tiep nhan|thong bao|ky|cu|bo sung|tham gia|van dong|"
                   r"thanh toan|phan luong|uu tien|hop dong|dieu phoi|quan ly|nang cao|consolidates|completes|"
                   r"reviews|works|reports)\b)|\s*[–:]\s+")


@dataclass
class Clause:
    text: str  # as the draft writes it
    label: str = ""  # the short label it stood under ("thanh phan"), folded
    number: str = ""  # its number in the request ("2", "3.1")
    unit: str = ""  # the unit it assigns work to, as typed or canonical
    task: str = ""  # the work, for an assignment
    meta: bool = False  # about the drafting (layout, signer), not content


def prepared(instruction: str, restorer: Restorer) -> str:
    """The instruction as the draft may quote it: marks restored, English terms in Vietnamese, the names of
    units and provinces as the house style spells them."""
    text = " ".join(instruction.split())
    text = house_hours(house_dates(text))
    if language_of(text) == "en":
        text = _from_english(text)
    elif restorer.needs_restoring(text):
        # Acronyms are written out first ("VP So" is the "Văn phòng Sở", not "VP Số"): the words around them are
        # then restored in their light.
        text = _after_restoring(restorer.restore(written_out(text), force=True))
    text = written_out(text)
    # The house style names a plan's or an estimate's year with "năm": "kế hoạch 2027" is "kế hoạch năm 2027".
    return re.sub(r"\b((?:[Kk]ế hoạch|[Dd]ự toán|[Nn]gân sách))\s+(?=(?:19|20)\d\d\b(?!/))", r"\1 năm ", text)


_SCALED_MONEY = re.compile(r"(?:\b(?:VND|VNĐ)\s*)?(?<![\d.,])(\d+(?:[.,]\d{1,3})?)\s*(billion|million|thousand)\b"
                           r"(?:\s*(?:đồng|VND|VNĐ|đ)\b)?", re.IGNORECASE)


def amounts_in_digits(text: str) -> str:
    """Money an English request writes with a scale word is written in full, as the documents write it ("VND 12
    billion" is 12.000.000.000 đồng); a Vietnamese one keeps its words ("4,5 tỷ đồng"). Only money (a currency
    before or after): "1.2 million people" counts people."""
    def full(m: re.Match) -> str:
        if not re.search(r"đồng|vnd|vnđ|đ$", m.group().lower()):
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


def _replaced_folded(pattern: re.Pattern, text: str, replace) -> str:
    """`text` with each match of `pattern` on its folded form replaced: a match typed with or without marks."""
    folded = fold(text)
    out, pos = [], 0
    for match in pattern.finditer(folded):
        out += [text[pos:match.start()], text[match.start():match.end()] if _in_address(match) else replace(match)]
        pos = match.end()
    return "".join(out + [text[pos:]])


def written_out(text: str) -> str:
    """Units named by an acronym written out as the house style names them ("phòng KHTC" is "Phòng Kế hoạch - Tài
    chính", "CDC" the "Trung tâm Kiểm soát bệnh tật", "VP So" typed without marks the "Văn phòng Sở")."""
    for alias, canonical in abbreviations():
        pattern = re.compile(rf"(?<![\w-]){re.escape(fold(alias))}(?![\w-])")
        text = _replaced_folded(pattern, text, lambda m: _written(canonical, m.string[m.end():]))
        if canonical.startswith("Phòng"):  # "phòng KHTC": the acronym alone stood after "phòng"
            text = re.sub(rf"\b[Pp]h(?:ò|o)ng\s+(?={re.escape(canonical)})", "", text)
    return text


def _from_english(text: str) -> str:
    # 2,350,000,000 is written 2.350.000.000 in Vietnamese; 12,4 (one or two decimals) stays.
    text = re.sub(r"\b\d{1,3}(?:,\d{3})+\b", lambda m: m.group().replace(",", "."),
                  amounts_in_digits(english_terms(english_dates(text))))
    # 96.2% is written 96,2% (a point before one or two digits is a decimal point, not thousands), but
    # "section 3.2" stays a section's number.
    text = re.sub(r"(?<![\d.,])(?<!section )(?<!item )(?<!point )(?<!mục )(\d+)\.(\d{1,2})(?![\d.,/])(?!\.?\s+[A-Z])",
                  r"\1,\2", text)
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
    text = re.sub(r"(\S*[^\x00-\x7f]\S*)\s+of\s+(?:the\s+)?(?=\S*[^\x00-\x7f])", r"\1 ", text)
    text = re.sub(r"(\S*[^\x00-\x7f]\S*)\s+and\s+(?=\S*[^\x00-\x7f])", r"\1 và ", text)
    # A deadline as the house style writes it: "by 15/11/2026" is "trước ngày 15/11/2026".
    text = re.sub(r"\b(?:by|before|no later than)\s+(?=\d{1,2}/\d{1,2}/\d{4})", "trước ngày ", text)
    return re.sub(r"(?<=[^\W\da-zA-Z])['’]s\b", "", text)


# Words the restorer may mark wrongly where the context is plain: the word before a part's numeral or a
# floor's number, a quarter before its numeral, a case or a trip counted, an amount's đồng.
_NUMBERED_WORDS = [(r"\b(?:phấn|phận|phan)(?=\s+[IVX]+\b)", "phần"), (r"\b(?:tăng|tảng|tang)(?=\s+\d)", "tầng"),
                   (r"\b(họp|trường|nhà|việc) tặng(?=\s+\d)", r"\1 tầng"),
                   (r"\b(?:quy|quỹ|qui)(?=\s+(?:I|II|III|IV)\b)", "quý"), (r"(?<=\d )(?:cả|cà|cá)\b", "ca"),
                   (r"(?<=\d )(?:chuyển|chuyên)\b", "chuyến"), (r"(?<=\d)\s*(?:động|đông|đống|đọng|dong)\b", " đồng")]


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
        for m in reversed(list(re.finditer(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded))):
            text = text[:m.start()] + name + text[m.end():]
    return text


def _sentence(text: str) -> str:
    text = text.strip(" ;,.")
    return text[:1].upper() + text[1:] if text else text


def assignment(text: str) -> tuple[str, str] | None:
    """(unit, task) when the clause starts by naming a unit that is given work."""
    folded = fold(text)
    opening = _OPENING.match(folded)
    start = opening.end() if opening else 0
    if not _UNIT_HEAD.match(folded, start):
        return None
    ends = [m for m in (_DASH.search(folded, start + 4), _VERB.search(folded, start + 4)) if m]
    verb = min(ends, key=lambda m: m.start()) if ends else None
    named = _known_unit_end(folded, start)
    if named and (not verb or _runs_on(text[named:verb.start()])):
        # The unit's known name ends before a verb the list lacks ("… bệnh tật leads the surveillance").
        unit, task = text[start:named], re.sub(r"^\s*(?:\([^)]*\))?\s*(?:[–:-]\s*)?", "", text[named:])
    elif not verb or verb.start() - start > 90:
        return None
    else:
        unit, task = text[start:verb.start()], text[verb.end():]
    unit, task = re.sub(r"\s*\([^)]*\)\s*$", "", unit).strip(" ,"), task.strip()
    if not task or len(unit.split()) < 2:
        return None
    known = find_units(unit)
    if len(known) == 1:  # the house-style name of a unit typed short (Văn phòng Sở, TTYT khu vực)
        unit = ("Các " + known[0]) if fold(unit).startswith("cac ") and not fold(known[0]).startswith("cac ") else known[0]
    return _sentence(unit), _sentence(task)


@lru_cache(maxsize=1)
def _aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    return dict(unit_table().aliases)


def _known_unit_end(folded: str, start: int) -> int | None:
    """Where the longest known unit name starting at `start` ends ("các" before it allowed)."""
    aliases = _aliases()
    words = list(re.finditer(r"[^\W_]+", folded[start:start + 120]))
    for k in range(len(words), 0, -1):
        key = tuple(search_tokens(folded[start:start + words[k - 1].end()]))
        if len(aliases.get(key[1:] if key[:1] == ("cac",) else key, ())) == 1:
            return start + words[k - 1].end()
    return None


def _runs_on(between: str) -> bool:
    """Whether words after a unit's known name are its task rather than more of a name: some word in lower
    case that joins no other unit ("leads the …", not "Cà Mau", "và Phòng …")."""
    folded = fold(between)
    return bool(folded.strip()) and not re.match(r"\s*(?:[,(]|va\b|and\b|cung\b|voi\b|with\b)", folded) \
        and not _UNIT_HEAD.search(folded) and any(w[0].islower() for w in re.findall(r"[^\W\d_]{2,}", between))


def _sentences(text: str) -> list[str]:
    cuts = [m.end() for m in _STOP.finditer(text) if not _NOT_END.search(text[:m.start()])]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def _split_assignments(piece: str) -> list[str]:
    """"Giao A chuẩn bị …, B lo hậu cần, C bố trí kinh phí": one clause per unit given work."""
    if not assignment(piece):
        return [piece]
    cuts = [m.start() for m in re.finditer(r",\s+", piece) if assignment(piece[m.end():])]
    return [piece[a:b].strip(" ,") for a, b in zip([0, *cuts], [*cuts, len(piece)])]


def clauses(text: str) -> list[Clause]:
    """The request's clauses; the first, which names the document ("Soạn Kế hoạch …"), is the frame: read for
    the type and the summary line, not written as content, except what follows its colon."""
    found: list[Clause] = []
    for sentence in _sentences(text):
        label = ""
        for piece in _CUT.split(sentence):
            piece = piece.strip(" ;,")
            if (m := _LABEL.match(piece)) and len(m.group(1).split()) <= 4:
                label, piece = fold(m.group(1)).strip(), piece[m.end():]
            number = ""
            if m := _NUMBERED.match(piece):
                number, piece = m.group(1), piece[m.end():]
            # The frame, a note on the drafting, or a heading of what follows ("Directives:").
            meta = not found or label in _SIGNER_LABELS or _META.search(fold(piece)) is not None or (
                piece.rstrip().endswith(":") and len(piece.split()) <= 4)
            if meta and ": " in piece:  # "Chỉ viết mục 1 …: tham mưu …": what follows the colon is content
                found.append(Clause(text=_sentence(piece.split(": ", 1)[0]), meta=True))
                meta, piece = False, piece.split(": ", 1)[1]
            for part in _split_assignments(piece) if piece.strip(" .;") else []:
                clause = Clause(text=_sentence(part), label=label, number=number, meta=meta)
                if not clause.meta and (pair := assignment(clause.text)):
                    clause.unit, clause.task = pair
                found.append(clause)
                number = ""
    return found


def takes(part: dict, clause: Clause) -> bool:
    """Whether a skeleton part takes this clause: its `takes` words in the clause or its label."""
    pattern = part.get("takes")
    return bool(pattern) and re.search(pattern, fold(clause.label + " " + clause.text)) is not None
