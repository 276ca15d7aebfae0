"""The label the house style prints a kind of fact under (`Thời gian: 08 giờ, ngày 26/12/2025`, `Địa điểm: Hội trường
số 1`, `Thành phần: …`), for the question that asks for that kind: "hội nghị tổ chức khi nào" is answered under
`Thời gian:`, a line that shares none of the question's other words. Patterns match folded text."""

from __future__ import annotations

import re

from .folding import fold

TIME_ASKED = re.compile(r"\b(ngay nao|khi nao|bao gio|may gio|thoi gian|thoi han|han (chot|gui)|when|what date|deadline)\b")
PLACE_ASKED = re.compile(r"\b(o dau|dia diem|where|venue)\b")
ATTENDING_ASKED = re.compile(r"\b(thanh phan|(?:nhung )?ai (?:tham du|du|tham gia|duoc moi)|moi (?:nhung )?ai"
                             r"|who (?:attends|will attend|takes part|participates)|attendees|participants)\b")
# An event held: its time and place stand under labels. A deadline ("hạn hoàn thành ngày nào") is written in the
# body ("trước ngày 20/12/2025"), where the label would lead away from it.
_HELD = re.compile(r"\b(to chuc|dien ra|khai mac|(?:cuoc|buoi|phien) hop|hop (?:vao|luc|o|tai)|held|take place"
                   r"|takes place)\b")
TIME_LABEL, PLACE_LABEL, ATTENDING_LABEL = "Thời gian", "Địa điểm", "Thành phần"
_LABELS = ((TIME_ASKED, TIME_LABEL), (PLACE_ASKED, PLACE_LABEL))


def event_labels(question: str) -> list[str]:
    """The labels under which what a question asks of an event (when, where, who attends) is printed."""
    folded = fold(question)
    held = [label for asks, label in _LABELS if asks.search(folded)] if _HELD.search(folded) else []
    return held + ([ATTENDING_LABEL] if ATTENDING_ASKED.search(folded) else [])
