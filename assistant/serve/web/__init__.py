"""The web page: Gradio Blocks mounted on the FastAPI app at `/`, Vietnamese labels. It calls the same
Assistant as the API, in process, and imports only the service and the schemas.

Tabs: Hỏi đáp (chat.py), Nhiệm vụ (tasks.py), Soạn thảo (drafting.py), Văn bản (documents.py).
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI

from ..service import Assistant
from .chat import chat_tab
from .documents import document_names, document_rows, documents_tab
from .drafting import draft_tab
from .tasks import tasks_tab

CSS = """
.sources { max-height: 70vh; overflow-y: auto; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.source .head { font-weight: 600; }
.source .meta { color: var(--body-text-color-subdued); font-size: 0.85em; }
.source .passage { max-height: 12em; overflow-y: auto; font-size: 0.92em; margin-top: 6px; white-space: pre-wrap; }
.source mark { background: #fff2a8; padding: 0 2px; }
/* A word the restorer only guessed: a quiet dotted underline, the OCR original on hover. */
.uncertain { text-decoration: underline dotted #b8860b; text-underline-offset: 3px; cursor: help; }
.badge { display: inline-block; font-size: 0.75em; padding: 1px 6px; border-radius: 10px; background: #e0f2f1; color: #00695c; }
.progress { font-size: 0.95em; }
/* Tables in the body font: the monospace fallback draws Vietnamese stacked marks apart (Kê´ for Kế). */
#task-table *, #documents * { font-family: system-ui, "Segoe UI", Roboto, sans-serif !important; }
"""
THEME = gr.themes.Soft(primary_hue="teal", font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                       font_mono=["ui-monospace", "monospace"])


def _status_line(assistant: Assistant) -> str:
    h = assistant.health()
    llm = {"local": "mô hình ngôn ngữ cục bộ", "openai": "máy chủ LLM", "extractive": "trích dẫn nguyên văn"}[h.llm]
    return (f"**{h.documents}** văn bản · **{h.chunks}** đoạn · trả lời bằng {llm}"
            + (f" · _{h.llm_note}_" if h.llm_note else ""))


def build(assistant: Assistant) -> gr.Blocks:
    # Gradio's own copies of uploads and downloads are removed after an hour.
    with gr.Blocks(title="Trợ lý kế hoạch y tế", delete_cache=(3600, 3600)) as page:
        gr.Markdown("# Trợ lý kế hoạch y tế\nHỏi đáp có trích dẫn nguồn trên các kế hoạch và thông báo của Sở Y tế.")
        status = gr.Markdown(elem_id="status")
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                chat_tab(assistant)
            with gr.Tab("Nhiệm vụ", id="tasks"):
                unit = tasks_tab(assistant)
            with gr.Tab("Soạn thảo", id="draft"):
                draft_tab(assistant)
            with gr.Tab("Văn bản", id="documents"):
                table, chosen = documents_tab(assistant)
        page.load(lambda: (_status_line(assistant), gr.Dropdown(choices=assistant.units()),
                           document_rows(assistant), gr.Dropdown(choices=document_names(assistant))),
                  None, [status, unit, table, chosen])
    return page


def mount(app: FastAPI, assistant: Assistant) -> None:
    key = assistant.settings.api_key

    def login(_user: str, password: str) -> bool:
        return assistant.page_login(password)

    gr.mount_gradio_app(app, build(assistant), path="", auth=login if key else None,
                        auth_message="Nhập khoá truy cập (ASSISTANT_API_KEY) làm mật khẩu.",
                        max_file_size=assistant.settings.upload_max_bytes, theme=THEME, css=CSS,
                        allowed_paths=[str(assistant.settings.downloads_dir)],
                        footer_links=["api"])
