"""A request's clause as a line of the draft: ended by a stop, under its number or a bullet, with the label it means
nothing without ("Đầu mối liên hệ: …") or the unit its label named."""

from __future__ import annotations

from ..vietnamese.units import find_units
from .clauses import Clause
from .document import Block


def full_line(text: str) -> str:
    return text if text.endswith((".", ";", ":", "./.")) else text + "."


# Labels a line means nothing without, as the house style writes them: "Đầu mối liên hệ: Văn phòng Sở, anh …".
_KEPT_LABELS = {"dau moi": "Đầu mối liên hệ", "dau moi lien he": "Đầu mối liên hệ", "lien he": "Liên hệ",
                "contact": "Đầu mối liên hệ", "contact person": "Đầu mối liên hệ", "so dien thoai": "Số điện thoại",
                "phone": "Số điện thoại", "email": "Email"}


def clause_line(clause: Clause, unit_named: bool = False) -> Block:
    """A clause as a line; with `unit_named`, under the unit its label named ("Sở Tài chính: thẩm định …"), in a part
    that does not group lines by unit."""
    text = f"{_KEPT_LABELS[clause.label]}: {clause.text}" if clause.label in _KEPT_LABELS else clause.text
    if unit_named and clause.unit and clause.task and clause.label not in _KEPT_LABELS and \
            find_units(clause.typed_label, vague=False):
        task = clause.task[:1].lower() + clause.task[1:] if clause.task[1:2].islower() else clause.task
        text = f"{clause.unit}: {task}"
    if clause.number and "." not in clause.number:
        return Block("line", f"{clause.number}. {full_line(text)}")
    return Block("line", "- " + full_line(text))
