"""The Nhiệm vụ tab: a unit's tasks across all documents, with a CSV download that Excel opens."""

from __future__ import annotations

import csv
import html

import gradio as gr

from ..service import Assistant

TASK_COLUMNS = ["Đơn vị", "Nhiệm vụ", "Hạn", "Văn bản", "Mục"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _task_rows(assistant: Assistant, unit: str) -> tuple[list[list], str]:
    grouped = assistant.tasks(unit.strip() or None)
    rows = [[t.unit, t.task, t.deadline or "", t.title or t.source, t.section] for ts in grouped.values() for t in ts]
    if not grouped:
        return rows, f"Không thấy nhiệm vụ nào giao cho «{html.escape(unit)}»."
    summary = "; ".join(f"**{u}**: {len(ts)} nhiệm vụ" for u, ts in grouped.items())
    if len(grouped) > 1 and unit.strip():
        summary = f"«{html.escape(unit)}» có thể là nhiều đơn vị, liệt kê riêng từng đơn vị — " + summary
    return rows, summary


def spreadsheet_safe(value: object) -> object:
    """A cell Excel will not run as a formula: text starting with = + - @ (or a tab or return) gets a leading
    apostrophe, which Excel shows as text and does not display."""
    return f"'{value}" if isinstance(value, str) and value[:1] in _FORMULA_STARTS else value


def _csv(assistant: Assistant, rows: list[list]) -> str:
    path = assistant.scratch_file("nhiem-vu-", ".csv")
    # utf-8-sig: Excel opens Vietnamese text correctly only with the byte-order mark.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(TASK_COLUMNS)
        writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return str(path)


def tasks_tab(assistant: Assistant):
    def show(unit: str):
        rows, summary = _task_rows(assistant, unit or "")
        return rows, summary, gr.DownloadButton(value=_csv(assistant, rows), interactive=bool(rows))

    with gr.Row():
        unit = gr.Dropdown(choices=assistant.units(), allow_custom_value=True, label="Đơn vị (gõ tên hoặc tên viết tắt)",
                           scale=4, elem_id="unit")
        go = gr.Button("Xem nhiệm vụ", variant="primary", scale=1)
        download = gr.DownloadButton("Tải CSV", interactive=False, scale=1)
    summary = gr.Markdown(elem_id="task-summary")
    table = gr.Dataframe(headers=TASK_COLUMNS, interactive=False, wrap=True, elem_id="task-table",
                         column_widths=["14%", "46%", "8%", "17%", "15%"])
    for trigger in (go.click, unit.change):
        trigger(show, unit, [table, summary, download])
    return unit
