"""An indicator table's rows as the request types them (its values exactly), and "Đạt / Không đạt" when a
row gives a plan and a result."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold
from .pasted import spaced_sign, vietnamese_figures
from .line_names import LEAD
from .amounts import integer, vnd_number

# An indicator row: its name, then unit and values: "Tỷ lệ …: %, ≥ 92,5", "doctors per 10.000 – 12,4 / 12,6".
_VALUE = re.compile(r"(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)*\s*[%‰]?")
_UNIT = re.compile(r"^[%‰]$|^[^\d]{1,20}$")
# A value after its label, and its unit up to the next comma and space ("per 100,000 live births" keeps its own).
VALUE_LABEL = (r"\b(?:kế hoạch|KH|TH|plan(?:ned)?|estimated?|ước(?: tính| thực hiện)?|target|mục tiêu|đạt|thực hiện|"
               r"thực tế|results?|actual|achieved)")
_LABELLED = re.compile(VALUE_LABEL + r"\s*:?\s*((?:[≥≤<>]=?\s*|(?:dưới|trên|tối đa|không quá|tối thiểu|"
                       r"ít nhất|below|under|above|over|at most|at least)\s+)?\d+(?:[.,]\d+)*)\s*"
                       r"((?:[%‰]|[^\W\d](?:[^;,]|,(?!\s))*?)?)\s*(?=,\s|;|$)", re.IGNORECASE)
_TRAILING_VALUES = re.compile(r"^(.*?[^\d\s.,/≥≤<>])\s*((?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)*\s*[%‰]?"
                              r"(?:\s*[/,]\s+(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)*\s*[%‰]?)*)$")


def _labelled_row(clause: str) -> list[str] | None:
    """A row whose values are labelled ("… kế hoạch 90%, đạt 85%", "…: estimate 38, target < 30 per 100,000 live
    births"): [name, unit, value, value …], when it gives two values or more."""
    found = list(_LABELLED.finditer(clause))
    if len(found) < 2:
        return None
    units = [m.group(2).strip() for m in found if m.group(2).strip()]
    return [clause[:found[0].start()].strip(" :-–,"), units[0] if units else "", *(_bound(m.group(1)) for m in found)]


# A bound typed in words is written as the tables write it: "dưới 18" is "< 18".
_BOUNDS = [(r"dưới|below|under", "<"), (r"trên|above|over", ">"), (r"tối đa|không quá|at most", "≤"),
           (r"tối thiểu|ít nhất|at least", "≥")]
_NAME_BOUND = re.compile(r"\s+(dưới|trên|tối đa|không quá|tối thiểu|ít nhất|below|under|above|over|at most|at least)$",
                         re.IGNORECASE)
# A unit after a row's last figure: "0 ca", "100 ca/100.000 dân".
_UNIT_AFTER = re.compile(r"(?<=\d)\s*([^\W\d]+(?:\s[^\W\d]{1,7})?(?:/[\d.,]+(?:\s+[^\W\d]+)?)?)$")  # "1320 cơ sở"


_RATE_WORDS = {"%": "Tỷ lệ", "‰": "Tỷ suất"}
_MEASURE = re.compile(r"(?:tỷ|tỉ|số|công suất|mức|chỉ số|độ|hệ số|tốc độ|tần suất|bình quân|trung bình|percentage|"
                      r"proportion|share|rate|number)\b", re.IGNORECASE)


def _bound(value: str) -> str:
    for words, sign in _BOUNDS:
        value = re.sub(rf"^(?:{words})\s+", f"{sign} ", value, flags=re.IGNORECASE)
    return value


# A row compared with the same period: "số vụ ngộ độc quý này 2 vụ, cùng kỳ 3 vụ" is the period's value, then the other.
COMPARISON = r"(?:so với\s+)?(?:cùng kỳ|kỳ trước|năm trước|same period(?: last year)?)"
_COMPARED = re.compile(rf"^(.*?[^\d\s])\s+(?:(?:quý này|năm nay|kỳ này|tháng này|this (?:quarter|year|period))\s+)?"
                       rf"(\d+(?:[.,]\d+)*)\s*(%|‰|[^\W\d]+(?:\s[^\W\d]+)?)?\s*,\s*{COMPARISON}(?:\s+(?:năm\s+)?\d{{4}})?\s*:?\s*"
                       rf"(\d+(?:[.,]\d+)*)\s*(?:%|‰|[^\W\d]+)?$", re.IGNORECASE)


def _rated(name: str, unit: str) -> str:
    """An indicator in per cent is a rate and says so, as the documents' tables write it ("Tỷ lệ phụ nữ đẻ …")."""
    return f"{_RATE_WORDS[unit]} {name[:1].lower()}{name[1:]}" if unit in _RATE_WORDS and not _MEASURE.match(name) else name


_BRACKETED_UNIT = re.compile(r"\s*\(([^()\d]{1,15}|%|‰)\)\s*$")


_VALUES_IN_BRACKETS = re.compile(r"^([^():]+?)\s*\(([^()]*\d[^()]*)\)$")
# "(năm 2025 đạt 97%, mục tiêu 2030 là 100%)": the years label the columns, not the values.
_YEAR_LABEL = re.compile(r"\b(?:năm|mục tiêu|kế hoạch|thực hiện|target|in)\s+(?:năm\s+)?\d{4}\s*(?:đạt|là|:)?\s*", re.IGNORECASE)
_RISE = re.compile(r"\s+(?:lên|đến|tới|to|→)\s+|\s*→\s*", re.IGNORECASE)


def indicator_row(clause: str) -> list[str] | None:
    """[name, unit, value, value …] from one row of a request; None when it holds no value."""
    clause = LEAD.sub("", clause).strip(" ;.")
    # "tỷ lệ khám định kỳ (68% lên 90%)": the values in brackets, two or more ("(1 decimal)" is a note).
    if (valued := _VALUES_IN_BRACKETS.match(clause)) and len(re.findall(r"\d+", values := _YEAR_LABEL.sub("", valued.group(2)))) >= 2:
        clause = f"{valued.group(1)}: {_RISE.sub(', ', values)}"
    if labelled := _labelled_row(clause):
        return labelled
    if compared := _COMPARED.match(clause):
        name, value, unit, other = compared.groups()
        return [_rated(name.strip(" :"), unit or ""), unit or "", vietnamese_figures(value), vietnamese_figures(other)]
    parts = re.split(r"\s*(?::|–|—|\s-\s)\s*", clause, maxsplit=1)
    unit_after = None
    if len(parts) < 2:  # "Tỷ lệ trẻ được tiêm chủng đầy đủ ≥ 95%": the values end the row, maybe with a unit
        unit_after = _UNIT_AFTER.search(clause)
        trailing = _TRAILING_VALUES.match(clause[:unit_after.start()] if unit_after else clause)
        # "Bảng kết quả … năm 2027" names a year, not a value.
        if not trailing or len(trailing.group(1).split()) < 2 or re.search(r"\b(?:năm|year|giai đoạn)$",
                                                                           trailing.group(1), re.IGNORECASE):
            return None
        parts = [trailing.group(1), trailing.group(2)]
        if bound := _NAME_BOUND.search(parts[0]):  # "… không quá 18%": the bound is the value's
            parts = [parts[0][:bound.start()], f"{bound.group(1)} {parts[1]}"]
    name, rest = parts
    # "Số ca tử vong (ca): 2 và 0": the unit the name ends with in brackets, the values joined by "và", "and".
    if (bracketed := _BRACKETED_UNIT.search(name)) and not _UNIT_AFTER.search(rest):
        name, rest = name[:bracketed.start()], f"{bracketed.group(1)}, {rest}"
    # "Số bác sĩ/10.000 dân – doctors – at least 14": unit and value set apart by dashes too.
    cells = [c.strip() for c in re.split(r",\s+|\s+/\s+|;\s*|\s+[–—-]\s+|\s+(?:và|and)\s+(?=[≥≤<>]?\s*\d)", rest)
             if c.strip()]
    unit = next((c for c in cells if _UNIT.match(c) and not _VALUE.search(c)), "")
    values = [m.group().strip() for c in cells for m in [_VALUE.search(_bound(c))] if m and c != unit]
    if not values:
        return None
    if not unit and values[0].endswith(("%", "‰")):
        unit = values[0][-1]
    if not unit and (after := unit_after or _UNIT_AFTER.search(cells[0])):  # "0 ca", "dưới 100 ca/100.000 dân"
        unit = after.group(1)
    values = [spaced_sign(vietnamese_figures(v.rstrip("%‰").strip())) for v in values]  # "97.5", "8000": 97,5 and 8.000
    name = name.strip()
    return [_rated(name, unit), unit, *values]


def _number(value: str) -> float:
    return float(re.sub(r"[^\d,]", "", value).replace(",", ".") or 0)


def assessed(plan: str, result: str) -> str:
    """Đạt when the result reaches the plan: at least it, or at most it when the plan is a ceiling (< ≤)."""
    ceiling = plan.lstrip().startswith(("<", "≤"))
    reached = _number(result) <= _number(plan) if ceiling else _number(result) >= _number(plan)
    return "Đạt" if reached else "Không đạt"


# A rate asked as a column of its own ("…, Số được tiêm, Tỷ lệ %"): the rows give the count and the part of it.
RATE_COLUMN = re.compile(r"\b(?:ty le|rate|percent(?:age)?)\b|%")
# "BCG 16.400 trẻ, tiêm 16.118": the name, the count and its unit, then the part (a verb or two before it).
_PAIR = re.compile(r"^(.*?[^\d\s])\s+(\d+(?:[.,]\d+)*)\s*([^\W\d]+)?\s*,\s*(?:[^\W\d]+\s+){1,3}?(\d+(?:[.,]\d+)*)"
                   r"\s*[^\W\d]*$")
_DIGITS = re.compile(r"(?:lam tron )?(\d|mot|hai) (?:chu so )?(?:thap phan|so le)|(\d|one|two) decimal")


# A column of the result's share of the plan: "% of plan", "Tỷ lệ % so với KH", "% đạt so với kế hoạch".
SHARE_COLUMN = re.compile(r"(?:%|\bty le\b|\bpercent).*\b(?:ke hoach|kh|plan|target|chi tieu)\b")


_INDICATOR_COLUMNS = re.compile(r"\bchi tieu\b|\bindicators?\b")
_MONEY_COLUMNS = re.compile(r"don gia|thanh tien|dinh muc|kinh phi|so tien|\bamount|\bcost|\bprice|\brate\b")


def indicator_columns(named: str) -> bool:
    """Columns (folded) of indicators and none of money: their rows of figures are no budget lines ("Số bác sĩ/10.000
    dân | bác sĩ | 11,2 | 11,8")."""
    return _INDICATOR_COLUMNS.search(named) is not None and _MONEY_COLUMNS.search(named) is None


def percent(part: float, whole: float, digits: int) -> str:
    """A part of a whole in percent, to the decimals asked, with a decimal comma; empty without a whole."""
    return f"{part / whole * 100:.{digits}f}".replace(".", ",") if whole else ""


def share_of_plan(plan: str, result: str, digits: int) -> str:
    """The result as a percentage of the plan; empty without a plan."""
    return percent(_number(result), _number(plan), digits)


# "a column for the change in %", "cột tăng/giảm (%)": worked out from the row's two values, "comparing 2026 and 2027".
CHANGE_ASKED = re.compile(r"\b(?:change|tang,? giam|tang/giam|chenh lech)\b[^.;:]{0,20}%|\bcot (?:ty le )?(?:tang,? giam|tang/giam)")
COMPARED_YEARS = re.compile(r"\b(?:comparing|compare|so sanh)\s+(?:nam\s+)?(20\d\d)\s+(?:and|va|voi|with)\s+(?:nam\s+)?(20\d\d)\b")


def change_of(before: str, after: str, digits: int) -> str:
    """The second value's change on the first in percent, signed, to the decimals asked: "1.240" to "1.364" is 10,0."""
    base = _number(before)
    return percent(_number(after) - base, base, digits) if after else ""


def decimals(folded: str) -> int:
    """The decimals a rate is rounded to, as the request asks ("làm tròn 1 chữ số thập phân"); one by default."""
    asked = _DIGITS.search(folded)
    if not asked:
        return 1
    spelled = {"mot": "1", "hai": "2", "one": "1", "two": "2"}
    return int(spelled.get(asked.group(1), asked.group(1)) if asked.group(1) else spelled.get(asked.group(2), asked.group(2)))


def rate_rows(texts: list[str], folded_request: str) -> list[list[str]] | None:
    """[name, unit, count, part, rate %] per row when every row gives a count and the part of it; the rate to the
    decimals the request asks ("làm tròn 1 chữ số thập phân"; one by default)."""
    pairs = [_PAIR.match(LEAD.sub("", text).strip(" ;.")) for text in texts]
    if len(pairs) < 2 or not all(pairs) or not all(integer(m.group(2)) for m in pairs):
        return None
    digits = decimals(folded_request)
    rows = []
    for m in pairs:
        # "lượt khám bệnh KH 1.450.000, thực hiện 1.087.500": the plan's label is no word of the name.
        name = re.sub(rf"\s+{VALUE_LABEL}$", "", m.group(1).strip(" :,"), flags=re.IGNORECASE)
        whole, unit, part = m.group(2), m.group(3) or "", m.group(4)
        rows.append([name[:1].upper() + name[1:], unit, vietnamese_figures(whole), vietnamese_figures(part),
                     percent(integer(part), integer(whole), digits)])
    return rows


# A target the request asks to work out from a base and an increase ("năm 2026 đạt 52%, năm 2027 tăng thêm 8 điểm %",
# "là 42.000 người, năm 2027 tăng thêm 3.500 người", "đạt 48.000 người, năm 2027 tăng 12,5%", "hiện có 412, mỗi năm
# thành lập thêm 35 câu lạc bộ trong 5 năm", "hiện 96/120, năm 2027 phủ đủ 120/120"), as a clerk does it.
_ASKED_TO_WORK_OUT = re.compile(r"\b(?:tinh (?:giup|gium|ho|dum|ra)|tu tinh|calculate|compute|work (?:it )?out)\b")
_FIGURE = r"\d{1,3}(?:\.\d{3})+(?!,\d|\d)|\d+(?:,\d+)?"
_BASE = re.compile(rf"(?:\s+(?:năm|in)\s+\d{{4}})?\s+(?:đạt|là|hiện có|hiện|có)\s+(?P<a>{_FIGURE})(?:/(?P<of>\d+))?"
                   rf"(?P<unit>\s*%|\s+[^\W\d]+(?:\s+(?!năm\b)[^\W\d]+){{0,2}})?", re.IGNORECASE)
_POINTS = re.compile(rf"\btăng(?: thêm)?\s+(?P<n>{_FIGURE})\s*điểm\s*(?:%|phần trăm)", re.IGNORECASE)
_GROWTH = re.compile(rf"\btăng\s+(?P<n>{_FIGURE})\s*%", re.IGNORECASE)
_YEARLY = re.compile(rf"\bmỗi năm\s+(?:[^\W\d]+\s+){{0,3}}?thêm\s+(?P<n>{_FIGURE})\b.*?\btrong\s+(?P<k>\d+)\s+năm", re.IGNORECASE)
_ADDED = re.compile(rf"\bthêm\s+(?P<n>{_FIGURE})\b", re.IGNORECASE)
_FULL = re.compile(r"\b(?:phủ đủ|đạt|lên)\s+(?P<c>\d+)/(?P<of>\d+)", re.IGNORECASE)


def _written(value: float, digits: int) -> str:
    if abs(value - round(value)) < 1e-9:
        return vnd_number(round(value))
    return f"{value:.{digits}f}".rstrip("0").rstrip(",.").replace(".", ",")


def _target(clause: str, digits: int) -> str:
    """The clause with its base and increase replaced by the target they give; unchanged when it gives none."""
    base = _BASE.search(clause)
    if not base:
        return clause
    rest, a = clause[base.end():], _number(base.group("a"))
    unit = (base.group("unit") or "").strip()
    if base.group("of"):  # a part of a whole: the target is a rate
        whole = float(base.group("of"))
        if full := _FULL.search(rest):
            target = float(full.group("c")) / float(full.group("of")) * 100
        elif added := _ADDED.search(rest):
            target = (a + _number(added.group("n"))) / whole * 100
        else:
            return clause
        unit = "%"
    elif points := _POINTS.search(rest):
        target = a + _number(points.group("n"))
    elif unit != "%" and (growth := _GROWTH.search(rest)):
        target = a * (1 + _number(growth.group("n")) / 100)
    elif yearly := _YEARLY.search(rest):
        target = a + _number(yearly.group("n")) * int(yearly.group("k"))
    elif added := _ADDED.search(rest):
        target = a + _number(added.group("n"))
    else:
        return clause
    # Set apart by a dash, not a colon (a colon makes the name a label); a unit of several words in brackets.
    name, figure = clause[:base.start()].rstrip(" ,:"), _written(target, digits)
    if len(unit.split()) > 1:
        return f"{name} ({unit}) – {figure}"
    return f"{name} – {figure}{unit if unit == '%' else ' ' + unit}".rstrip()


def targets_in_prose(text: str) -> str:
    """Each clause giving a base and an increase, in a request that asks to work its figures out, as the target
    they give, to the decimals the request asks (one by default)."""
    folded = fold(text)
    if not _ASKED_TO_WORK_OUT.search(folded):
        return text
    digits = decimals(folded)
    return re.sub(r"[^;.]+(?:\.(?=\d)[^;.]*)*", lambda m: _target(m.group(), digits), text)
