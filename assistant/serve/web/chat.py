"""The Hỏi đáp tab: answers stream in, follow-ups keep the conversation, sources appear beside the chat."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import gradio as gr

from ..schemas import Answer
from ..service import Assistant
from .sources import sources_html

# Markdown images and links to other sites, in a document's text, would make every reader's browser fetch an
# address of the document author's choosing: images become their alt text, such links plain text.
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_OUTSIDE_LINK = re.compile(r"\[([^\]]*)\]\((?:[a-z][a-z0-9+.-]*:|//)[^)]*\)", re.IGNORECASE)


def safe_markdown(text: str) -> str:
    """Answer text as the chat shows it: HTML escaped, Markdown kept for text, lists, emphasis and the app's own
    links."""
    text = html.escape(text, quote=False)
    return _OUTSIDE_LINK.sub(r"\1", _IMAGE.sub(r"\1", text))


EXAMPLES = [
    "Phòng Kế hoạch - Tài chính được giao những nhiệm vụ gì?",
    "Sở Tài chính phải báo cáo UBND tỉnh trước ngày nào?",
    "kinh phi hoi nghi tong ket la bao nhieu",
    "Hội nghị tổng kết tổ chức khi nào, ở đâu, thành phần gồm những ai?",
]


def chat_tab(assistant: Assistant):
    def respond(message: str, chat: list[dict], turns: list[dict]) -> Iterator[tuple]:
        message = (message or "").strip()
        if not message:
            yield chat, gr.skip(), "", turns
            return
        if assistant.is_empty():
            gr.Warning("Kho văn bản đang trống: hãy tải văn bản lên ở thẻ Văn bản.")
            yield chat, gr.skip(), message, turns
            return
        if len(message) > assistant.settings.question_max_chars:
            gr.Warning(f"Câu hỏi dài quá {assistant.settings.question_max_chars} ký tự.")
            yield chat, gr.skip(), message, turns
            return
        chat = [*chat, {"role": "user", "content": safe_markdown(message)}, {"role": "assistant", "content": "⏳ Đang tìm trong văn bản…"}]
        yield chat, gr.skip(), "", turns
        written = ""
        answer: Answer | None = None
        for event in assistant.stream(message, turns[-assistant.settings.history_max_turns:]):
            if isinstance(event, str):
                written += event
                chat[-1] = {"role": "assistant", "content": safe_markdown(written)}
                yield chat, gr.skip(), "", turns
            else:
                answer = event
        assert answer is not None
        text = safe_markdown(answer.answer) + (f"\n\n_{safe_markdown(answer.note)}_" if answer.note else "")
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
