"""The Văn bản tab: the collection with its metadata; uploads with a progress bar (ingested in the background
while questions go on); deletion."""

from __future__ import annotations

import html
from pathlib import Path

import gradio as gr

from ..schemas import UploadError
from ..service import Assistant

UPLOAD_FOLDER = Path(gr.utils.get_upload_folder()).resolve()
DOCUMENT_COLUMNS = ["Tệp", "Tiêu đề", "Loại", "Số/ký hiệu", "Ngày", "Đoạn", "Đã nhúng", "Khôi phục dấu"]
_STAGES = {"ocr": "nhận dạng chữ (OCR), trang", "parse": "đọc và phân tích", "embed": "tạo vector", "": "chờ"}
_STATUS = {"queued": "đang chờ", "running": "đang xử lý", "done": "xong", "failed": "lỗi"}


def sent_by_browser(path: str) -> bool:
    """Only a file the browser sent, which Gradio keeps in its upload folder: a request naming any other path on
    the server must not get that file read and indexed."""
    return Path(path).resolve().is_relative_to(UPLOAD_FOLDER)


def document_rows(assistant: Assistant) -> list[list]:
    return [[d["source"], d["title"], d["doc_type"] or "", d["number"] or "", d["date"] or "", d["chunks"],
             d["embedded"], "có" if d["restored"] else ""] for d in assistant.documents()]


def _jobs_html(assistant: Assistant, job_ids: list[str]) -> str:
    lines = []
    for job_id in job_ids:
        job = assistant.job(job_id)
        if job is None:
            continue
        share = f" {job.done}/{job.total}" if job.total else ""
        detail = f" — {html.escape(job.message)}" if job.message else ""
        stage = f", {_STAGES.get(job.stage, job.stage)}{share}" if job.status == "running" else ""
        pct = int(100 * job.done / job.total) if job.status == "running" and job.total else (100 if job.status == "done" else 0)
        lines.append(f"<div class='progress' data-status='{job.status}'><b>{html.escape(job.name)}</b>: "
                     f"{_STATUS[job.status]}{stage}{detail}<br><progress max='100' value='{pct}'></progress></div>")
    return "".join(lines)


def documents_tab(assistant: Assistant):
    def upload(files: list[str] | None, job_ids: list[str]):
        started = []
        for path in files or []:
            if not sent_by_browser(path):
                gr.Warning(f"Tệp {Path(path).name} không phải tệp vừa tải lên.")
                continue
            try:
                started.append(assistant.add_document(Path(path).name, Path(path).read_bytes()).id)
            except UploadError as exc:
                gr.Warning(str(exc))
        job_ids = [*job_ids, *started]
        return None, job_ids, _jobs_html(assistant, job_ids), gr.Timer(active=bool(started))

    def poll(job_ids: list[str]):
        running = any(j and j.status in ("queued", "running") for j in map(assistant.job, job_ids))
        return (_jobs_html(assistant, job_ids), document_rows(assistant), gr.Dropdown(choices=document_names(assistant)),
                gr.Timer(active=running))

    def delete(name: str | None):
        if not name:
            gr.Warning("Chọn một văn bản để xoá.")
            return gr.skip(), gr.skip(), ""
        result = assistant.delete_document(name)
        message = (f"Đã xoá **{name}** khỏi kho." if result else f"Không có văn bản **{name}**.") + (
            f" Tệp gốc vẫn ở `{result['file']}`: nạp lại thư mục đó sẽ đưa văn bản trở lại." if result and result["file"] else "")
        return document_rows(assistant), gr.Dropdown(choices=document_names(assistant), value=None), message

    table = gr.Dataframe(value=lambda: document_rows(assistant), headers=DOCUMENT_COLUMNS, interactive=False,
                         wrap=True, elem_id="documents")
    with gr.Row():
        with gr.Column():
            files = gr.File(label=f"Tải văn bản lên ({', '.join(assistant.file_types())}; bản quét được nhận dạng chữ)",
                            file_count="multiple", file_types=list(assistant.file_types()), elem_id="upload")
            progress = gr.HTML(elem_id="jobs")
        with gr.Column():
            chosen = gr.Dropdown(choices=document_names(assistant), label="Văn bản", elem_id="delete-choice")
            remove = gr.Button("Xoá khỏi kho", variant="stop")
            removed = gr.Markdown()
    job_ids = gr.State([])
    timer = gr.Timer(1.0, active=False)
    files.upload(upload, [files, job_ids], [files, job_ids, progress, timer])
    timer.tick(poll, job_ids, [progress, table, chosen, timer])
    remove.click(delete, chosen, [table, chosen, removed])
    return table, chosen


def document_names(assistant: Assistant) -> list[str]:
    return [d["source"] for d in assistant.documents()]
