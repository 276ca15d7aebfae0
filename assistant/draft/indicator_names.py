"""An indicator's name in a table as the documents write it, from the words the request types for it.

The documents name a counted indicator "Số …" ("Số lượt khám bệnh", "Số người …"), say who receives a service
with "được" ("trẻ em dưới 1 tuổi được tiêm chủng đầy đủ"), an age from which with "từ" ("người từ 40 tuổi trở
lên"), a child's age in months as "tháng tuổi", and where a condition is found with "ở" ("suy dinh dưỡng thể
thấp còi ở trẻ em dưới 5 tuổi"). Only these words are added: the request's own words stay as typed."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# A service a group of people receives: "… tuổi tiêm chủng" is "… tuổi được tiêm chủng".
_SERVICE = r"(?:tiêm|uống|bú|khám|sàng lọc|quản lý|điều trị|xét nghiệm|tư vấn|chăm sóc|cấp)"
_WORDING = [(re.compile(r"\bngười (\d+) tuổi trở lên", re.IGNORECASE), r"người từ \1 tuổi trở lên"),
            (re.compile(r"\b(trẻ(?: em)? (?:dưới |từ )?\d+(?:\s*[-–]\s*\d+)? tháng)(?! tuổi)", re.IGNORECASE), r"\1 tuổi"),
            (re.compile(rf"\b(tuổi(?: trở lên)?|mang thai|có thai) (?=(?:đầy đủ )?{_SERVICE}\b)", re.IGNORECASE),
             r"\1 được "),
            (re.compile(r"\b(thấp còi|nhẹ cân|gầy còm|béo phì) (?=trẻ\b)", re.IGNORECASE), r"\1 ở ")]
# A counted indicator opens on what is counted; a service counted is counted in visits ("lượt").
_COUNTED = re.compile(r"^(?:luot|nguoi|tre|ca|benh nhan|phu nu|ba me|hoc sinh|tram|xa|co so|giuong|bac si|mau|ho|"
                      r"doan|lop|can bo|nhan vien|thai phu|san phu|benh vien)\b")
_SERVICE_COUNTED = re.compile(r"^(?:kham|dieu tri|xet nghiem|phau thuat|chup|cap cuu)\b")
_RATES = ("%", "‰")


def house_name(name: str, unit: str, values: list[str]) -> str:
    """The name with the words the documents add; a name whose value is a whole count opens with "Số"."""
    for pattern, words in _WORDING:
        name = pattern.sub(words, name)
    folded = fold(name).lower()
    # The first value says what the row counts (a rate worked out from it may follow).
    counted = unit not in _RATES and bool(values) and re.fullmatch(r"\d{1,3}(?:\.\d{3})*|\d+", values[0]) is not None
    if counted and _SERVICE_COUNTED.match(folded):
        name = f"Số lượt {name[:1].lower()}{name[1:]}"
    elif counted and _COUNTED.match(folded):
        name = f"Số {name[:1].lower()}{name[1:]}"
    return name[:1].upper() + name[1:]
