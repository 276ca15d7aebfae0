"""Who signs a document, as the request says it: the signature block (KT./TL., the role, the name) and the
signer's name, read by rules on the folded text with the name taken as typed."""

from __future__ import annotations

import re

from ..vietnamese.folding import fold

# Who signs, as typed: "Phó Giám đốc Ma Thị Hồng Vân ký thay Giám đốc", "Signed by Director Thái Văn Long",
# "TL Giám đốc, Chánh Văn phòng ký"; matched folded, the name taken as typed.
_ROLES = {"pho chanh van phong": "PHÓ CHÁNH VĂN PHÒNG", "chanh van phong": "CHÁNH VĂN PHÒNG",
          "pho giam doc": "PHÓ GIÁM ĐỐC", "pgd": "PHÓ GIÁM ĐỐC", "giam doc": "GIÁM ĐỐC", "gd": "GIÁM ĐỐC",
          "deputy chief of office": "PHÓ CHÁNH VĂN PHÒNG", "deputy chief": "PHÓ CHÁNH VĂN PHÒNG",
          "chief of office": "CHÁNH VĂN PHÒNG", "deputy director": "PHÓ GIÁM ĐỐC", "director": "GIÁM ĐỐC",
          "pho chu tich": "PHÓ CHỦ TỊCH", "pct": "PHÓ CHỦ TỊCH", "chu tich": "CHỦ TỊCH",
          "pho truong phong": "PHÓ TRƯỞNG PHÒNG", "truong phong": "TRƯỞNG PHÒNG"}
_ROLE = "|".join(sorted(_ROLES, key=len, reverse=True))
# A head of division signs by order, named with the division: "Trưởng phòng Nghiệp vụ Y Cầm Thị Thanh ký thừa lệnh …".
_DIVISION = r"(?:nghiep vu(?: y| duoc)?|ke hoach\s*-?\s*tai chinh|to chuc can bo|quan ly hanh nghe|y te du phong)\s+"
_SIGNED = re.compile(rf"(?:signed by\s+)?({_ROLE})\s+(?:so y te\s+|ubnd tinh\s+|{_DIVISION})?((?:[a-z]+\s){{1,3}}?[a-z]+)\s*,?\s*"
                     rf"(ky thay|ky tl\.?|ky thua lenh|(?:signs?\s+)?on behalf of(?: the)?)\s+({_ROLE}|ct\b)")
_SIGNED_BY = re.compile(rf"(?:signed\b.{{0,60}}?\bby\s+({_ROLE})\s+((?:[a-z]+\s){{1,3}}[a-z]+))|(?:({_ROLE})\s+(?:so(?: y te)?\s+)?"
                        rf"((?:[a-z]+\s){{1,3}}[a-z]+)\s+ky\b)")  # "GĐ Sở Hồ Thị Minh Thu ký"
# "Người ký: KT. Giám đốc, Phó Giám đốc Nông Văn Lợi", "Ký: Giám đốc Vũ Quang Huy", "Người ký: Giám đốc Sở Lê Văn Thắng",
# "ky: KT GIAM DOC - PHO GIAM DOC Vàng A Sử".
# "Signed 'KT. Chief of Office / Deputy Chief of Office', Mai Thi Nga": the block quoted, then the name.
_SIGNER_LABEL = re.compile(rf"\b(?:(?:nguoi ky|ky|signer|signatory)\s*:|signed)\s*['\"‘“]?(?:(kt|tl)\.?\s+({_ROLE})\s*[,/–-]?\s*)?"
                           rf"({_ROLE})['\"’”]?\s*,?\s+(?:so(?: y te)?\s+)?((?:[a-z]+\s){{1,3}}[a-z]+)")
# "Giám đốc Sở ký: Hoàng Văn Mạnh": the role, then the name after "ký:".
_ROLE_SIGNS = re.compile(rf"\b({_ROLE})\s+(?:so(?: y te)?\s+)?ky\s*:\s*((?:[a-z]+\s){{1,3}}[a-z]+)")
# "Signed for the Director by the Chief of Office, Hoàng Minh Tuấn".
_SIGNED_FOR = re.compile(rf"\bsigned for (?:the )?({_ROLE}) by (?:the )?({_ROLE}),?\s+((?:[a-z]+\s){{1,3}}[a-z]+)")
# "ký TL. Giám đốc, Chánh Văn phòng Lê Hoàng Phúc.", "ký thừa lệnh Giám đốc, …": the name may end the sentence instead.
_TL = re.compile(rf"\b(?:tl\.?|thua lenh)\s+({_ROLE})\s*[,–-]?\s*({_ROLE})(?:\s+((?:[a-z]+\s){{1,3}}[a-z]+))?\s*(?:ky\b|[.;]|$)")


def _name(text: str, start: int, end: int) -> str | None:
    """The words at [start, end) of the typed text that read as a person's name: the capitalised ones it opens
    with, two at least ("Đỗ Quang Vinh for the Director" is Đỗ Quang Vinh)."""
    words = text[start:end].split()
    named = words[:next((n for n, w in enumerate(words) if not w[:1].isupper()), len(words))]
    return " ".join(named) if len(named) >= 2 else None


def _signed_as(role: str, name: str) -> list[str]:
    """The block a role signs with in its own name: a deputy signs for the head ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")."""
    block = [f"KT. {role.removeprefix('PHÓ ')}", role] if role.startswith("PHÓ ") else [role]
    return [*block, "", name]


def signature(text: str, default: list[str]) -> tuple[list[str], str | None]:
    """The signature block and the signer's name when the request says who signs."""
    folded = fold(text)
    if (m := _SIGNED_FOR.search(folded)) and (name := _name(text, m.start(3), m.end(3))):
        principal, role = _ROLES[m.group(1)], _ROLES[m.group(2)]
        mark = "KT" if role == f"PHÓ {principal}" else "TL"
        return [f"{mark}. {principal}", role, "", name], name
    if m := _TL.search(folded):  # "TL. Giám đốc, Chánh Văn phòng Lê Hoàng Nam ký"
        name = _name(text, m.start(3), m.end(3)) if m.group(3) else None
        return [f"TL. {_ROLES[m.group(1)]}", _ROLES[m.group(2)], "", name or "[Họ và tên]"], name
    if (m := _SIGNER_LABEL.search(folded)) and (name := _name(text, m.start(4), m.end(4))):
        role = _ROLES[m.group(3)]
        principal = _ROLES[m.group(2)] if m.group(2) else role.removeprefix("PHÓ ")
        mark = (m.group(1) or "kt").upper()
        return ([f"{mark}. {principal}", role] if principal != role else [role]) + ["", name], name
    if (m := _ROLE_SIGNS.search(folded)) and (name := _name(text, m.start(2), m.end(2))):
        return _signed_as(_ROLES[m.group(1)], name), name
    if (m := _SIGNED.search(folded)) and (name := _name(text, m.start(2), m.end(2))):
        role, principal = _ROLES[m.group(1)], _ROLES.get(m.group(4), "CHỦ TỊCH")  # "ký thay CT": the Chairman
        mark = "TL" if re.match(r"ky (?:tl|thua lenh)", m.group(3)) else "KT"  # "ký TL GĐ": by order of the Director
        return ([f"{mark}. {principal}", role] if principal != role else [role]) + ["", name], name
    if (m := _SIGNED_BY.search(folded)):
        role_at, name_at = (1, 2) if m.group(1) else (3, 4)
        if name := _name(text, m.start(name_at), m.end(name_at)):
            return _signed_as(_ROLES[m.group(role_at)], name), name
    return default, None
