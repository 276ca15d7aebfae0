"""The Soạn thảo tab: the document type (read from the instruction, or chosen), an instruction and a form for
the usual specifics; the draft, the type and scope it was read as, its warnings, the exemplars it adapted, and
a .docx download."""

from __future__ import annotations

import gradio as gr

from ..service import Assistant
from .sources import sources_html

DRAFT_EXAMPLE = ("Soạn kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026 của Sở Y tế tỉnh Quảng Trị, họp trực tuyến "
                 "ngày 15/7/2026 lúc 8h00 tại Hội trường Sở Y tế.")


AUTO = "Tự nhận biết từ yêu cầu"
SCOPES = {"whole": "cả văn bản", "part": "một phần", "section": "một mục", "table": "một bảng"}


def compose_instruction(kind: str, instruction: str, event: str, province: str, date: str, time: str, form: str,
                        venue: str, participants: str, budget: str) -> str:
    """The free-text instruction followed by the form's fields, written the way the request parser reads them;
    a chosen type leads as its own sentence, so it is the first document word the drafter reads."""
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
    return f"{kind}. {text}" if kind and kind != AUTO else text


def draft_tab(assistant: Assistant):
    types = assistant.draft_types()

    def write(kind: str, instruction: str, *fields):
        # Fields of the accordion never opened arrive as None.
        text = compose_instruction(kind, instruction or "", *(f or "" for f in fields))
        if len(text.strip(" .")) < 5:
            gr.Warning("Hãy mô tả văn bản cần soạn hoặc điền các thông tin bên dưới.")
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        result, document = assistant.draft(text)
        path = assistant.scratch_file("du-thao-", ".docx")
        path.write_bytes(assistant.word(document))
        read = f"**{types.get(result.doc_type, result.doc_type)}** — {SCOPES.get(result.scope, result.scope)}\n\n"
        warnings = read + ("\n".join(f"- ⚠️ {w}" for w in result.warnings) or "Không có cảnh báo.")
        return (result.draft, warnings, sources_html(assistant, result.citations),
                gr.DownloadButton(value=str(path), interactive=True))

    with gr.Row():
        with gr.Column(scale=2):
            kind = gr.Dropdown([AUTO, *types.values()], value=AUTO, label="Loại văn bản", elem_id="draft-type")
            instruction = gr.Textbox(label="Yêu cầu soạn thảo (cả văn bản, hoặc «Viết phần II …», «Viết mục 2 …», "
                                     "«Lập bảng dự trù kinh phí …»)", lines=4, value=DRAFT_EXAMPLE, elem_id="instruction")
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
    go.click(write, [kind, instruction, event, province, date, time, form, venue, participants, budget],
             [draft, warnings, exemplars, download])
