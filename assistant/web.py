"""The web page: Gradio Blocks mounted on the FastAPI app at `/`, Vietnamese labels.

Tabs: Hỏi đáp (streaming answers, sources panel with the quoted passage highlighted and OCR'd originals
one click away), Nhiệm vụ (tasks per unit, CSV export), Soạn thảo (a plan from an instruction and a form,
warnings, Word download), Văn bản (the collection: upload with progress, delete). The page calls the same Assistant as the API, in process.
"""

from __future__ import annotations

import csv
import html
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import gradio as gr
from fastapi import FastAPI

from .answer import Answer
from .citations import Citation
from .docx_export import to_docx
from .passages import readable
from .service import Assistant
from .uploads import UploadError

EXAMPLES = [
    "Phòng Kế hoạch - Tài chính được giao những nhiệm vụ gì?",
    "Sở Tài chính phải báo cáo UBND tỉnh trước ngày nào?",
    "kinh phi hoi nghi tong ket la bao nhieu",
    "Hội nghị tổng kết tổ chức khi nào, ở đâu, thành phần gồm những ai?",
]
TASK_COLUMNS = ["Đơn vị", "Nhiệm vụ", "Hạn", "Văn bản", "Mục"]
DOCUMENT_COLUMNS = ["Tệp", "Tiêu đề", "Loại", "Số/ký hiệu", "Ngày", "Đoạn", "Đã nhúng", "Khôi phục dấu"]
_STAGES = {"parse": "đọc và phân tích", "embed": "tạo vector", "": "chờ"}
_STATUS = {"queued": "đang chờ", "running": "đang xử lý", "done": "xong", "failed": "lỗi"}

CSS = """
.sources { max-height: 70vh; overflow-y: auto; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.source .head { font-weight: 600; }
.source .meta { color: var(--body-text-color-subdued); font-size: 0.85em; }
.source .passage { max-height: 12em; overflow-y: auto; font-size: 0.92em; margin-top: 6px; white-space: pre-wrap; }
.source mark { background: #fff2a8; padding: 0 2px; }
.badge { display: inline-block; font-size: 0.75em; padding: 1px 6px; border-radius: 10px; background: #e0f2f1; color: #00695c; }
.progress { font-size: 0.95em; }
/* Tables in the body font: the monospace fallback draws Vietnamese stacked marks apart (Kê´ for Kế). */
#task-table *, #documents * { font-family: system-ui, "Segoe UI", Roboto, sans-serif !important; }
"""
THEME = gr.themes.Soft(primary_hue="teal", font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                       font_mono=["ui-monospace", "monospace"])


def _passage_html(text: str, quote: str) -> str:
    """The passage with the quoted span highlighted (found as written, else the quote alone)."""
    start = text.find(quote) if quote else -1
    if start < 0:
        return f"<mark>{html.escape(quote)}</mark>"
    end = start + len(quote)
    return f"{html.escape(text[:start])}<mark>{html.escape(quote)}</mark>{html.escape(text[end:])}"


def sources_html(assistant: Assistant, citations: list[Citation]) -> str:
    if not citations:
        return "<p class='meta'>Chưa có nguồn trích dẫn.</p>"
    chunks = {d.id: d for d in assistant.index.catalog.documents([c.chunk_id for c in citations if c.chunk_id])}
    blocks = []
    for c in citations:
        chunk = chunks.get(c.chunk_id or "")
        meta = " · ".join(html.escape(x) for x in (c.number and f"Số {c.number}", c.date, c.source) if x)
        passage = _passage_html(readable(chunk), c.quote) if chunk else f"<mark>{html.escape(c.quote)}</mark>"
        restored = ""
        if c.restored:
            original = chunk.page_content if chunk else c.quote_original
            restored = ("<div><span class='badge'>văn bản OCR, đã khôi phục dấu</span>"
                        f"<details><summary>Xem bản gốc</summary><div class='passage'>"
                        f"{_passage_html(original, c.quote_original)}</div></details></div>")
        blocks.append(f"<div class='source' data-n='{c.n}'><div class='head'>[{c.n}] {html.escape(c.title)}</div>"
                      f"<div class='meta'>{meta}</div><div class='meta'>{html.escape(c.section)}</div>"
                      f"<div class='passage'>{passage}</div>{restored}</div>")
    return "<div class='sources'>" + "".join(blocks) + "</div>"


def _status_line(assistant: Assistant) -> str:
    h = assistant.health()
    llm = {"local": "mô hình ngôn ngữ cục bộ", "openai": "máy chủ LLM", "extractive": "trích dẫn nguyên văn"}[h.llm]
    return (f"**{h.documents}** văn bản · **{h.chunks}** đoạn · trả lời bằng {llm}"
            + (f" · _{h.llm_note}_" if h.llm_note else ""))


def _chat(assistant: Assistant):
    def respond(message: str, chat: list[dict], turns: list[dict]) -> Iterator[tuple]:
        message = (message or "").strip()
        if not message:
            yield chat, gr.skip(), "", turns
            return
        if not assistant.index.catalog.count():
            gr.Warning("Kho văn bản đang trống: hãy tải văn bản lên ở thẻ Văn bản.")
            yield chat, gr.skip(), message, turns
            return
        if len(message) > assistant.settings.question_max_chars:
            gr.Warning(f"Câu hỏi dài quá {assistant.settings.question_max_chars} ký tự.")
            yield chat, gr.skip(), message, turns
            return
        chat = [*chat, {"role": "user", "content": message}, {"role": "assistant", "content": "⏳ Đang tìm trong văn bản…"}]
        yield chat, gr.skip(), "", turns
        written = ""
        answer: Answer | None = None
        for event in assistant.stream(message, turns[-assistant.settings.history_max_turns:]):
            if isinstance(event, str):
                written += event
                chat[-1] = {"role": "assistant", "content": written}
                yield chat, gr.skip(), "", turns
            else:
                answer = event
        assert answer is not None
        text = answer.answer + (f"\n\n_{answer.note}_" if answer.note else "")
        chat[-1] = {"role": "assistant", "content": text}
        turns = [*turns, {"role": "user", "content": message}, {"role": "assistant", "content": answer.answer}]
        yield chat, sources_html(assistant, answer.citations), "", turns

    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Hỏi đáp", height=520, elem_id="chat", buttons=["copy"],
                                 placeholder="Hỏi về các kế hoạch, thông báo của Sở: nhiệm vụ, thời hạn, "
                                             "kinh phí, thành phần… Có thể gõ không dấu.")
            with gr.Row():
                box = gr.Textbox(placeholder="Nhập câu hỏi rồi nhấn Enter", show_label=False, scale=5,
                                 elem_id="question", autofocus=True)
                send = gr.Button("Gửi", variant="primary", scale=1, elem_id="send")
            clear = gr.Button("Cuộc trò chuyện mới", size="sm")
            gr.Examples(EXAMPLES, inputs=box, label="Câu hỏi mẫu")
        with gr.Column(scale=2):
            gr.Markdown("### Nguồn trích dẫn")
            sources = gr.HTML(sources_html(assistant, []), elem_id="sources")
    turns = gr.State([])
    for trigger in (box.submit, send.click):
        trigger(respond, [box, chatbot, turns], [chatbot, sources, box, turns])
    clear.click(lambda: ([], sources_html(assistant, []), "", []), None, [chatbot, sources, box, turns])


def _task_rows(assistant: Assistant, unit: str) -> tuple[list[list], str]:
    grouped = assistant.tasks(unit.strip() or None)
    rows = [[t.unit, t.task, t.deadline or "", t.title or t.source, t.section] for ts in grouped.values() for t in ts]
    if not grouped:
        return rows, f"Không thấy nhiệm vụ nào giao cho «{html.escape(unit)}»."
    summary = "; ".join(f"**{u}**: {len(ts)} nhiệm vụ" for u, ts in grouped.items())
    if len(grouped) > 1 and unit.strip():
        summary = f"«{html.escape(unit)}» có thể là nhiều đơn vị, liệt kê riêng từng đơn vị — " + summary
    return rows, summary


def _csv(rows: list[list]) -> str:
    # utf-8-sig: Excel opens Vietnamese text correctly only with the byte-order mark.
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="nhiem-vu-", delete=False, encoding="utf-8-sig",
                                     newline="") as f:
        writer = csv.writer(f)
        writer.writerow(TASK_COLUMNS)
        writer.writerows(rows)
    return f.name


def _tasks(assistant: Assistant):
    def show(unit: str):
        rows, summary = _task_rows(assistant, unit or "")
        return rows, summary, gr.DownloadButton(value=_csv(rows), interactive=bool(rows))

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


DRAFT_EXAMPLE = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực tuyến "
                 "ngày 15/7/2026 lúc 8h00 tại Hội trường Sở Y tế.")


def compose_instruction(instruction: str, event: str, province: str, date: str, time: str, form: str, venue: str,
                        participants: str, budget: str) -> str:
    """The free-text instruction followed by the form's fields, written the way the request parser reads them."""
    parts = [instruction.strip().rstrip(".")]
    if event.strip():
        name = event.strip()
        parts.append(name if name.lower().startswith("hội nghị") else f"Hội nghị {name}")
    if province.strip():
        parts.append(f"của Sở Y tế tỉnh {province.strip()}")
    if form:
        parts.append(f"họp {form}")
    if date.strip():
        parts.append(f"ngày {date.strip()}" + (f" lúc {time.strip()}" if time.strip() else ""))
    if venue.strip():
        parts.append(f"tại {venue.strip()}")
    text = ", ".join(p for p in parts if p) + "."
    people = [line.strip(" -;") for line in participants.splitlines() if line.strip(" -;")]
    if people:
        text += " Thành phần: " + "; ".join(people) + "."
    lines = [line.strip(" -;") for line in budget.splitlines() if line.strip(" -;")]
    if lines:
        text += " Kinh phí: " + "; ".join(lines) + "."
    return text


def _draft(assistant: Assistant):
    def write(instruction: str, *fields):
        text = compose_instruction(instruction or "", *fields)
        if len(text.strip(" .")) < 5:
            gr.Warning("Hãy mô tả văn bản cần soạn hoặc điền các thông tin bên dưới.")
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        result, document = assistant.drafter.build(text)
        with tempfile.NamedTemporaryFile("wb", suffix=".docx", prefix="du-thao-ke-hoach-", delete=False) as f:
            f.write(to_docx(document))
        warnings = "\n".join(f"- ⚠️ {w}" for w in result.warnings) or "Không có cảnh báo."
        return (result.draft, warnings, sources_html(assistant, result.citations),
                gr.DownloadButton(value=f.name, interactive=True))

    with gr.Row():
        with gr.Column(scale=2):
            instruction = gr.Textbox(label="Yêu cầu soạn thảo", lines=4, value=DRAFT_EXAMPLE, elem_id="instruction")
            with gr.Accordion("Thông tin cụ thể (không bắt buộc)", open=False):
                event = gr.Textbox(label="Tên hội nghị")
                with gr.Row():
                    province = gr.Textbox(label="Tỉnh")
                    date = gr.Textbox(label="Ngày (dd/mm/yyyy)")
                    time = gr.Textbox(label="Giờ (vd. 8h00)")
                form = gr.Radio(["trực tiếp", "trực tuyến", "trực tiếp kết hợp trực tuyến"], label="Hình thức")
                venue = gr.Textbox(label="Địa điểm")
                participants = gr.Textbox(label="Thành phần (mỗi dòng một đối tượng)", lines=3)
                budget = gr.Textbox(label="Dự trù kinh phí (mỗi dòng «khoản: số tiền», có thể thêm «tổng: …»)", lines=3)
            with gr.Row():
                go = gr.Button("Soạn thảo", variant="primary", elem_id="draft-button")
                download = gr.DownloadButton("Tải về .docx", interactive=False, elem_id="draft-download")
            warnings = gr.Markdown(elem_id="draft-warnings")
            gr.Markdown("### Văn bản mẫu đã tham khảo")
            exemplars = gr.HTML(elem_id="draft-sources")
        with gr.Column(scale=3):
            draft = gr.Markdown(elem_id="draft", value="_Bản dự thảo sẽ hiện ở đây._")
    go.click(write, [instruction, event, province, date, time, form, venue, participants, budget],
             [draft, warnings, exemplars, download])


def _document_rows(assistant: Assistant) -> list[list]:
    return [[d["source"], d["title"], d["doc_type"] or "", d["number"] or "", d["date"] or "", d["chunks"],
             d["embedded"], "có" if d["restored"] else ""] for d in assistant.library.documents()]


def _jobs_html(assistant: Assistant, job_ids: list[str]) -> str:
    lines = []
    for job_id in job_ids:
        job = assistant.library.job(job_id)
        if job is None:
            continue
        share = f" {job.done}/{job.total}" if job.total else ""
        detail = f" — {html.escape(job.message)}" if job.message else ""
        stage = f", {_STAGES.get(job.stage, job.stage)}{share}" if job.status == "running" else ""
        pct = int(100 * job.done / job.total) if job.status == "running" and job.total else (100 if job.status == "done" else 0)
        lines.append(f"<div class='progress' data-status='{job.status}'><b>{html.escape(job.name)}</b>: "
                     f"{_STATUS[job.status]}{stage}{detail}<br><progress max='100' value='{pct}'></progress></div>")
    return "".join(lines)


def _documents(assistant: Assistant):
    def upload(files: list[str] | None, job_ids: list[str]):
        started = []
        for path in files or []:
            try:
                started.append(assistant.library.add(Path(path).name, Path(path).read_bytes()).id)
            except UploadError as exc:
                gr.Warning(str(exc))
        job_ids = [*job_ids, *started]
        return None, job_ids, _jobs_html(assistant, job_ids), gr.Timer(active=bool(started))

    def poll(job_ids: list[str]):
        running = any(j and j.status in ("queued", "running") for j in map(assistant.library.job, job_ids))
        return (_jobs_html(assistant, job_ids), _document_rows(assistant), gr.Dropdown(choices=_sources(assistant)),
                gr.Timer(active=running))

    def delete(name: str | None):
        if not name:
            gr.Warning("Chọn một văn bản để xoá.")
            return gr.skip(), gr.skip(), ""
        result = assistant.library.delete(name)
        message = (f"Đã xoá **{name}** khỏi kho." if result else f"Không có văn bản **{name}**.") + (
            f" Tệp gốc vẫn ở `{result['file']}`: nạp lại thư mục đó sẽ đưa văn bản trở lại." if result and result["file"] else "")
        return _document_rows(assistant), gr.Dropdown(choices=_sources(assistant), value=None), message

    table = gr.Dataframe(value=lambda: _document_rows(assistant), headers=DOCUMENT_COLUMNS, interactive=False,
                         wrap=True, elem_id="documents")
    with gr.Row():
        with gr.Column():
            files = gr.File(label="Tải văn bản lên (.txt, .md, .docx, .pdf)", file_count="multiple",
                            file_types=[".txt", ".md", ".docx", ".pdf"], elem_id="upload")
            progress = gr.HTML(elem_id="jobs")
        with gr.Column():
            chosen = gr.Dropdown(choices=_sources(assistant), label="Văn bản", elem_id="delete-choice")
            remove = gr.Button("Xoá khỏi kho", variant="stop")
            removed = gr.Markdown()
    job_ids = gr.State([])
    timer = gr.Timer(1.0, active=False)
    files.upload(upload, [files, job_ids], [files, job_ids, progress, timer])
    timer.tick(poll, job_ids, [progress, table, chosen, timer])
    remove.click(delete, chosen, [table, chosen, removed])
    return table, chosen


def _sources(assistant: Assistant) -> list[str]:
    return [d["source"] for d in assistant.library.documents()]


def build(assistant: Assistant) -> gr.Blocks:
    with gr.Blocks(title="Trợ lý kế hoạch y tế") as page:
        gr.Markdown("# Trợ lý kế hoạch y tế\nHỏi đáp có trích dẫn nguồn trên các kế hoạch và thông báo của Sở Y tế.")
        status = gr.Markdown(elem_id="status")
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                _chat(assistant)
            with gr.Tab("Nhiệm vụ", id="tasks"):
                unit = _tasks(assistant)
            with gr.Tab("Soạn thảo", id="draft"):
                _draft(assistant)
            with gr.Tab("Văn bản", id="documents"):
                table, chosen = _documents(assistant)
        page.load(lambda: (_status_line(assistant), gr.Dropdown(choices=assistant.units()),
                           _document_rows(assistant), gr.Dropdown(choices=_sources(assistant))),
                  None, [status, unit, table, chosen])
    return page


def mount(app: FastAPI, assistant: Assistant) -> None:
    key = assistant.settings.api_key

    def login(_user: str, password: str) -> bool:
        return bool(key) and secrets.compare_digest(password, key.get_secret_value())

    gr.mount_gradio_app(app, build(assistant), path="", auth=login if key else None,
                        auth_message="Nhập khoá truy cập (ASSISTANT_API_KEY) làm mật khẩu.",
                        max_file_size=assistant.settings.upload_max_bytes, theme=THEME, css=CSS,
                        footer_links=["api"])
