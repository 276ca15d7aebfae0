"""Answers with verified citations, declining, the task-table route, follow-ups and the `ask` CLI, on the
real seed index. The extractive generator runs everywhere; the LLM generators are tested in test_llm.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.answer.chain import AnswerChain
from assistant.vietnamese.language import language_of
from assistant.answer.citations import check_citations
from assistant.config import GeneratorMode
from assistant.models.generators import ChatGenerator, ExtractiveGenerator
from assistant.answer.passages import contains_quote
from assistant.retrieve.search import search
from assistant.vietnamese.folding import fold

EXTRACTIVE = ExtractiveGenerator()


@pytest.fixture(scope="module")
def chain(seed_index) -> AnswerChain:
    return AnswerChain(seed_index, lambda: EXTRACTIVE)


def _verified(index, answer) -> bool:
    chunks = {d.id: d for d in index.chunks([c.chunk_id for c in answer.citations])}
    return all(contains_quote(chunks[c.chunk_id], c.quote) and contains_quote(chunks[c.chunk_id], c.quote_original)
               for c in answer.citations)


def test_a_fabricated_quote_is_caught_and_a_wrong_marker_repaired(seed_index):
    chunks = search(seed_index, "Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?")
    source = next(n for n, c in enumerate(chunks, 1) if "su nghiep y te" in fold(c.metadata.get("restored") or ""))
    other = next(n for n in range(1, len(chunks) + 1) if n != source)
    text = (f"Kinh phí tổ chức lấy từ nguồn kinh phí sự nghiệp y tế năm 2025 và các nguồn xã hội hóa [{other}].\n"
            f"Theo kế hoạch, “Sở Y tế cấp 5 tỷ đồng từ ngân sách trung ương” [{source}].\n"
            f"Hội nghị được tài trợ bởi Ngân hàng Thế giới [{len(chunks) + 3}].")
    answer, citations, report = check_citations(text, chunks, 0.6)
    assert report.repaired == 1 and len(report.dropped) == 2
    assert "5 tỷ" not in answer and "Ngân hàng Thế giới" not in answer
    assert answer.endswith("[1]") and len(citations) == 1
    assert citations[0].chunk_id == chunks[source - 1].id and "xã hội hóa" in citations[0].quote


def test_what_a_shortening_llm_leaves_out_is_quoted_after_its_answer(seed_index):
    # The small model shortens lists; a scripted one does so every time (the real one is in test_llm.py).
    short = FakeListChatModel(responses=["Thành phần gồm Lãnh đạo UBND Tỉnh [1]."])
    answer = AnswerChain(seed_index, lambda: ChatGenerator(GeneratorMode.LOCAL, short, "scripted")).ask(
        "Thành phần tham dự tại điểm cầu tỉnh của hội nghị tổng kết năm 2025 gồm những ai?")
    assert answer.mode == "local" and not answer.declined
    head, _, rest = answer.answer.partition("Các đoạn liên quan khác trong văn bản:")
    assert "Lãnh đạo UBND Tỉnh" in head and "Lãnh đạo UBND Tỉnh" not in rest
    assert "Sở Tài chính, Sở Nội vụ" in rest and "Bảo hiểm xã hội Tỉnh" in rest
    assert all(line.rstrip().endswith("]") for line in rest.strip().splitlines())
    assert _verified(seed_index, answer)


def test_an_answer_cites_the_restored_passage_and_its_original(chain, seed_index):
    answer = chain.ask("kinh phi to chuc hoi nghi tong ket nam 2025 lay tu nguon nao")
    assert not answer.declined and answer.mode == "extractive"
    assert "nguồn kinh phí sự nghiệp y tế" in answer.answer  # readable, though the file is OCR'd
    cited = [c for c in answer.citations if "su nghiep y te" in fold(c.quote)]
    assert cited and cited[0].restored and cited[0].source.startswith("000_")
    assert "sy nghiép" in cited[0].quote_original  # the file's own words, one click away
    assert f"[{cited[0].n}]" in answer.answer
    assert _verified(seed_index, answer)


@pytest.mark.parametrize("question", ["Kế hoạch tiêm vắc xin cúm mùa năm 2027 của tỉnh Cà Mau là gì?",
                                      "Sở Giao thông vận tải được giao nhiệm vụ gì về đăng kiểm xe?",
                                      "What is the hospital bed occupancy rate in Hanoi?"])
def test_a_question_the_corpus_cannot_answer_is_declined(chain, question):
    answer = chain.ask(question)
    assert answer.declined and answer.citations == []
    assert ("Không tìm thấy" in answer.answer) == (language_of(question) == "vi")


def test_an_english_question_is_answered_in_english_with_vietnamese_quotes(chain):
    answer = chain.ask("What does the Lạng Sơn notice ask about artificial intelligence?")
    assert not answer.declined and answer.answer.startswith("The most relevant passages")
    assert "tri tue nhan tao" in fold(answer.answer)


def test_what_a_unit_must_do_is_answered_from_the_task_table_by_alias(chain, seed_index):
    answer = chain.ask("phong KHTC phai lam gi?")
    assert answer.mode == "tasks" and not answer.declined
    assert "Phòng Kế hoạch - Tài chính (4)" in answer.answer
    assert {c.source[:4] for c in answer.citations} == {"000_", "001_"}
    assert "22/12/2025" in answer.answer and "Sở Tài chính (" not in answer.answer
    assert answer.answer.count("\n- ") == 4 and _verified(seed_index, answer)
    # Each document's tasks come under its type and number: "in which documents" is half of what is asked.
    assert "\nKế hoạch 243/KH-SYT (" in answer.answer


def test_a_vague_unit_is_answered_for_each_unit_it_may_mean(chain):
    answer = chain.ask("What tasks was the Finance department given?")
    assert answer.mode == "tasks"
    assert "2 different units" in answer.answer
    assert "Tasks assigned to Sở Tài chính (2)" in answer.answer
    assert "Tasks assigned to Phòng Kế hoạch - Tài chính (4)" in answer.answer


def test_a_topic_that_sounds_like_a_unit_is_not_routed_to_the_task_table(chain):
    answer = chain.ask("cong tac quan ly tai chinh y te 6 thang cuoi nam 2022 gom nhung nhiem vu gi")
    assert answer.mode == "extractive" and any(c.source.startswith("004_") for c in answer.citations)


def test_a_document_named_by_number_is_searched_for_what_it_is_asked_not_for_its_name(chain):
    # The words naming the notice (its number, issuer, province) fill its heading; the section that answers is
    # "8. Chuyển đổi số", whose bullets are a list asked with "những gì".
    answer = chain.ask("Theo TB 469/TB-VP của Văn phòng UBND tỉnh Lạng Sơn, Sở Y tế phải làm những gì về chuyển đổi số?")
    assert "hồ sơ bệnh án điện tử" in answer.answer and "trí tuệ nhân tạo" in answer.answer


def test_the_header_of_a_document_named_by_number_is_not_quoted_for_what_its_body_says(chain):
    # Every word naming the notice is in its header; asked what the notice requires, the header answers nothing.
    answer = chain.ask("Thông báo kết luận 469/TB-VP của Văn phòng UBND tỉnh Lạng Sơn yêu cầu Sở Y tế làm những việc "
                       "gì về chuyển đổi số?")
    assert "hồ sơ bệnh án điện tử" in answer.answer and "trí tuệ nhân tạo" in answer.answer
    assert "469" not in answer.answer


def test_a_follow_up_is_answered_about_the_new_unit(chain):
    history = [{"role": "user", "content": "Sở Tài chính được giao nhiệm vụ gì?"},
               {"role": "assistant", "content": "Phối hợp Sở Y tế thẩm định kinh phí … [1]"}]
    answer = chain.ask("còn Sở Nội vụ thì sao?", history)
    assert answer.standalone_question == "Sở Nội vụ được giao nhiệm vụ gì?"
    assert "Sở Nội vụ" in answer.answer and "Sở Tài chính (" not in answer.answer
    assert any(c.source.startswith("003_") for c in answer.citations)


def test_an_empty_question_is_refused(chain):
    with pytest.raises(ValueError):
        chain.ask("   ")


def _ask(seed_env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "--json", *args], capture_output=True,
                          text=True, env={**seed_env, "ASSISTANT_LLM": "extractive"}, timeout=300)


def test_ask_cli_prints_the_answer_contract(seed_env, tmp_path):
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "Sở Tài chính được giao nhiệm vụ gì?"}]))
    run = _ask(seed_env, "--history", str(history), "còn Sở Nội vụ thì sao?")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) >= {"answer", "declined", "citations"} and out["declined"] is False
    assert set(out["citations"][0]) >= {"n", "source", "title", "section", "quote"}
    assert [c["n"] for c in out["citations"]] == list(range(1, len(out["citations"]) + 1))


def test_ask_cli_rejects_a_malformed_history(seed_env, tmp_path):
    history = tmp_path / "history.json"
    history.write_text('{"role": "user"}')
    run = _ask(seed_env, "--history", str(history), "còn Sở Nội vụ thì sao?")
    assert run.returncode != 0 and "not a list of {role, content} turns" in run.stderr


def test_an_llm_late_for_the_deadline_leaves_a_quoted_answer_in_time(seed_index):
    import time

    settings = seed_index.settings.model_copy(update={"answer_deadline_seconds": 3.0})
    slow = FakeListChatModel(responses=["Kinh phí lấy từ nguồn sự nghiệp y tế [1]."], sleep=2.0)
    index = seed_index
    index.settings, saved = settings, index.settings
    try:
        began = time.perf_counter()
        answer = AnswerChain(index, lambda: ChatGenerator(GeneratorMode.LOCAL, slow, "scripted")).ask(
            "Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?")
        took = time.perf_counter() - began
    finally:
        index.settings = saved
    assert took < 3.5 and answer.mode == "extractive" and not answer.declined
    assert "chậm quá thời hạn" in answer.note and answer.citations and _verified(seed_index, answer)


def test_an_llm_endpoint_that_fails_leaves_a_quoted_answer(seed_index):
    from assistant.models.generators import get_generator

    down = get_generator(seed_index.settings.model_copy(update={"llm": "openai", "llm_base_url": "http://127.0.0.1:9/v1",
                                                                "llm_timeout": 2.0}))
    answer = AnswerChain(seed_index, lambda: down).ask("Kinh phí tổ chức hội nghị tổng kết năm 2025 lấy từ nguồn nào?")
    assert answer.mode == "extractive" and "Không gọi được" in answer.note and answer.citations


@pytest.mark.parametrize("question", [
    "Kế hoạch 231 KH UBND do ai ký và ký ngày nào?",
    # Named also by what it implements and where ("5 năm" for the title's "05 năm"): all of it is on its card.
    "Kế hoạch số 231/KH-UBND tổ chức hội nghị sơ kết 5 năm Quyết định 2348/QĐ-TTg ở Đồng Nai được ký ngày nào, ai ký?",
])
def test_a_question_about_a_document_itself_is_answered_from_its_card(chain, seed_index, question):
    answer = chain.ask(question)
    assert answer.mode == "card" and not answer.declined
    assert "Nguyễn Sơn Hùng" in answer.answer and "ngày 28 tháng 10 năm 2022" in answer.answer
    assert {c.source for c in answer.citations} == {"002_63304fc089235397.txt"}
    assert _verified(seed_index, answer)


def test_a_question_on_a_province_the_document_never_names_is_not_about_the_document(chain):
    answer = chain.ask("Theo Kế hoạch 231/KH-UBND, tỉnh Cà Mau tổ chức hội nghị sơ kết ngày nào?")
    assert answer.mode != "card"


def test_what_a_document_does_not_print_is_declined_not_guessed(chain):
    # The OCR'd plan of the Đồng Tháp conference lost its number with its header.
    answer = chain.ask("Kế hoạch tổ chức Hội nghị Tổng kết hoạt động y tế năm 2025 của Đồng Tháp mang số hiệu nào?")
    assert answer.declined
    # Asked in English when it was issued: that date stands in the header alone, whatever the body's dates.
    answer = chain.ask("When was the Dong Thap Department of Health's plan for the 2025 year-end review conference issued?")
    assert answer.declined and answer.mode == "card"


@pytest.mark.parametrize("question", [
    "Hội nghị tổng kết hoạt động y tế năm 2025 của tỉnh Cà Mau tổ chức ở đâu?",
    "Dự trù kinh phí hội nghị tổng kết y tế năm 2025 chi bao nhiêu tiền cho thuê xe đưa đón đại biểu?",
    # The plan gives its goals by year, no day; its own date and number say nothing of the goal.
    "Kế hoạch 243/KH-SYT yêu cầu các xã đạt Bộ tiêu chí quốc gia về y tế trước ngày nào?",
    # The notice counts no one who attended; its other numbers count something else.
    "Hội nghị trực tuyến đánh giá công tác 6 tháng đầu năm 2022 có bao nhiêu người dự?",
    # Asked in English, a date the notice sets for other reports is no date for this one.
    "Under the notice of conclusions of the mid-2022 online review, by what date must district health centres send "
    "their dengue surveillance reports?",
    # No document of the collection is, or cites, Circular 26/2017; nor is there a plan 245/KH-SYT.
    "Thông tư 26/2017/TT-BYT quy định đơn thuốc có giá trị mua thuốc trong bao nhiêu ngày?",
    "Kế hoạch 245/KH-SYT của Sở Y tế Lai Châu do ai ký?",
])
def test_a_near_miss_is_declined(chain, question):
    assert chain.ask(question).declined


def test_a_date_asked_in_english_is_answered_from_the_passage_that_sets_it(chain):
    answer = chain.ask("By what date must the people's committees of Tân Phú, Long Thành and Trảng Bom send their "
                       "presentations to the Department of Health?")
    assert not answer.declined and "02/11/2022" in answer.answer


def test_when_is_answered_from_the_line_printed_under_its_label(chain):
    # "Thời gian: dự kiến lúc 08 giờ, ngày 26/12/…" shares no word with the question but its label.
    when = chain.ask("Hội nghị tổng kết tổ chức khi nào?")
    assert not when.declined and "Thời gian: dự kiến lúc 08 giờ" in when.answer


def test_a_table_row_whose_label_is_read_as_a_line_of_its_own_still_answers(chain):
    # The OCR'd budget table gives "Tiệc đựng cơm thân mật:" two lines above its figures.
    answer = chain.ask("Định mức tiệc cơm thân mật của hội nghị tổng kết y tế năm 2025 là bao nhiêu một người?")
    assert not answer.declined and "300.000" in answer.answer


def test_a_question_across_the_collection_is_answered_document_by_document(chain):
    answer = chain.ask("Những văn bản nào là thông báo kết luận về công tác y tế?")
    assert answer.mode == "per_document"
    assert {"003_cc4b21ca71fb73ef.txt", "004_403f78e958e18f73.txt"} <= {c.source for c in answer.citations}
    assert "469/TB-VP" in answer.answer


def test_a_month_asked_across_the_collection_is_answered_with_each_document_s_dates_in_it(chain):
    answer = chain.ask("Nêu các mốc thời hạn trong tháng 12/2025 của những kế hoạch, thông báo về y tế.")
    assert answer.mode == "per_document"
    assert {"20/12/2025", "22/12/2025", "31/12/2025"} <= set(re.findall(r"\d{2}/\d{2}/\d{4}", answer.answer))


def test_documents_told_apart_by_their_provinces_are_each_answered(chain):
    # Neither is named by number; the Đồng Tháp plan's header is damaged by OCR, its text still names the province.
    from assistant.answer.fan_out import _by_province

    question = "Hai kế hoạch hội nghị của Đồng Tháp và Đồng Nai: đơn vị nào lo kinh phí trong từng kế hoạch?"
    found = {chunk.source for chunk in search(chain.index, question, k=chain.settings.fanout_candidates)}
    assert set(_by_province(chain.index, question, chain.index.cards(), None, found)) == {
        "000_8c73f34139bece49.txt", "002_63304fc089235397.txt"}
    answer = chain.ask(question)
    assert answer.mode == "per_document"
    assert {"000_8c73f34139bece49.txt", "002_63304fc089235397.txt"} <= {c.source for c in answer.citations}


def test_two_documents_named_by_number_are_answered_side_by_side(chain):
    answer = chain.ask("Thông báo 469/TB-VP và Kế hoạch 231/KH-UBND do ai ký?")
    # Who signed each: from each document's card, one after the other.
    assert answer.mode == "card"
    assert {"003_cc4b21ca71fb73ef.txt", "002_63304fc089235397.txt"} <= {c.source for c in answer.citations}
    lines = answer.answer.splitlines()
    plan = next(n for n, line in enumerate(lines) if line.endswith("231/KH-UBND:"))
    assert lines[0].endswith("469/TB-VP:") and any("Nguyễn Sơn Hùng" in line for line in lines[plan:])
    # Asked more than the cards print, they are searched side by side.
    assert chain.ask("Thông báo 469/TB-VP và Kế hoạch 231/KH-UBND giao Sở Y tế những việc gì?").mode != "card"


def test_a_task_is_listed_under_the_heading_that_says_what_it_is_about(chain):
    answer = chain.ask("Sở Nội vụ được giao nhiệm vụ gì trong Thông báo 469/TB-VP?")
    assert answer.mode == "tasks"
    lines = answer.answer.splitlines()
    heading = next(n for n, line in enumerate(lines) if "nhân lực y tế" in line and not line.startswith("-"))
    assert "Sở Nội vụ" in lines[heading + 1]


def test_an_enumeration_between_semicolons_cut_into_chunks_is_quoted_whole(seed_index, tmp_path):
    from assistant.index.search_index import SearchIndex
    from assistant.ingest.pipeline import ingest
    from conftest import make_settings

    # One sentence names the documents it repeals, longer than a chunk: the search finds its end ("… bị bãi bỏ").
    repealed = [f"Quyết định số {n}/200{n % 10}/QĐ-LĐTBXH ngày 0{n % 9 + 1} tháng 3 năm 200{n % 10} của Thủ trưởng cơ "
                f"quan ban hành danh mục kỹ thuật phục hồi chức năng dành cho người cao tuổi tại cộng đồng dân cư và "
                f"hướng dẫn ghi chép sổ sách" for n in range(11, 21)]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "truong_hoc.txt").write_text(
        "THÔNG TƯ LIÊN TỊCH\nQuy định về công tác y tế trường học\n\nĐiều 14. Hiệu lực thi hành\n"
        "1. Thông tư liên tịch này có hiệu lực từ ngày 30 tháng 6 năm 2016.\n2. " + "; ".join(repealed) +
        "; các nội dung hướng dẫn trước đây về y tế trường học bị bãi bỏ kể từ ngày Thông tư liên tịch này có hiệu lực.\n",
        "utf-8")
    index = SearchIndex(make_settings(tmp_path / "data", llm="extractive"), embedder=seed_index.embedder)
    ingest([tmp_path / "docs"], index, progress=False)
    assert len({c.position for c in index.chunks(list(index.ids_where([("source", ["truong_hoc.txt"])])))}) > 2
    answer = AnswerChain(index, lambda: EXTRACTIVE).ask("thông tư y tế trường học bãi bỏ những văn bản nào?")
    assert all(f"Quyết định số {n}/" in answer.answer for n in range(11, 21)), answer.answer


def test_a_list_whose_section_was_cut_into_chunks_is_quoted_whole(seed_index, tmp_path):
    from assistant.index.search_index import SearchIndex
    from assistant.ingest.pipeline import ingest
    from conftest import make_settings

    # A decree's article whose twelve items are longer than one chunk: the search finds one half.
    items = [f"{n}. Khoa {name}, phụ trách {name.lower()} trên địa bàn tỉnh, hướng dẫn chuyên môn cho tuyến xã và "
             f"tổng hợp báo cáo định kỳ về Sở Y tế theo quy định." for n, name in enumerate(
                 ["Truyền nhiễm", "HIV/AIDS", "Không lây nhiễm", "Dinh dưỡng", "Môi trường", "Sinh sản", "Truyền thông",
                  "Côn trùng", "Kiểm dịch", "Dược", "Xét nghiệm", "Khám bệnh"], 1)]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "trung_tam.txt").write_text(
        "THÔNG TƯ\nHướng dẫn chức năng, nhiệm vụ của Trung tâm Kiểm soát bệnh tật tỉnh\n\n"
        "Điều 7. Các khoa chuyên môn\n" + "\n".join(items) + "\n\nĐiều 8. Hiệu lực thi hành\nThông tư có hiệu lực từ ngày ký.\n",
        "utf-8")
    index = SearchIndex(make_settings(tmp_path / "data", llm="extractive"), embedder=seed_index.embedder)
    ingest([tmp_path / "docs"], index, progress=False)
    assert len({c.position for c in index.chunks(list(index.ids_where([("source", ["trung_tam.txt"])])))}) > 2
    from assistant.answer.extractive import best_passages, quoted
    from assistant.retrieve.continuation import with_section_mates
    from assistant.retrieve.search import search

    found = search(index, "khoa Côn trùng phụ trách côn trùng trên địa bàn tỉnh", k=1)
    chunks = with_section_mates(index, found, index.settings.list_section_chunks)
    text = "\n".join(c.page_content for c in chunks)
    assert [text.index(item) for item in items] == sorted(text.index(item) for item in items)  # all, in order
    passages, positions = best_passages(index, index.settings, "Có những khoa nào phụ trách côn trùng, dược?", chunks)
    assert all(f"Khoa {name}," in quoted(passages, positions) for name in ("Truyền nhiễm", "Côn trùng", "Khám bệnh"))


def test_a_unit_asked_of_a_document_described_in_words_is_answered_from_that_document(chain):
    # The district health centres' tasks in the task table are the 2025 plan's; the question describes the 2022
    # notice, which the search finds.
    answer = chain.ask("Theo thông báo kết luận hội nghị trực tuyến giữa năm 2022, các Trung tâm Y tế huyện phải "
                       "làm gì về dịch sốt xuất huyết?")
    assert not answer.declined and answer.mode != "tasks"
    assert {c.source for c in answer.citations} == {"004_403f78e958e18f73.txt"}


def test_an_english_question_about_a_document_is_answered_from_its_card_and_a_body_date_from_its_body(chain):
    signed = chain.ask("Who signed Plan 231/KH-UBND on the five-year review of the grassroots health network, and in "
                       "what capacity?")
    assert signed.mode == "card" and "Nguyễn Sơn Hùng" in signed.answer and "KT. CHỦ TỊCH" in signed.answer
    # A date the plan sets for others is no date of the plan itself.
    due = chain.ask("By what date must the people's committees of Tân Phú, Long Thành and Trảng Bom send their "
                    "presentations under Plan 231/KH-UBND?")
    assert due.mode != "card" and "02/11/2022" in due.answer


def test_a_question_asking_each_of_two_documents_its_own_thing_is_answered_clause_by_clause(chain):
    answer = chain.ask("Ai ký Kế hoạch 231/KH-UBND, còn thông báo kết luận hội nghị 6 tháng đầu năm 2022 của Sở Y tế "
                       "thì ai ký?")
    assert answer.mode == "per_clause" and not answer.declined
    assert "Nguyễn Sơn Hùng" in answer.answer and "Lương Thế Thiết" in answer.answer
    assert {"002_63304fc089235397.txt", "004_403f78e958e18f73.txt"} <= {c.source for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_a_commune_a_document_filed_twice_never_names_is_declined_and_the_askers_own_commune_is_no_near_miss(seed_index, tmp_path):
    from assistant.index.search_index import SearchIndex
    from assistant.ingest.pipeline import ingest
    from conftest import make_settings

    decision = (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSố: 77/QĐ-UBND\nPhú Yên, ngày 10 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Về việc phân bổ kế hoạch vốn năm 2024 cho các trạm y tế xã\n\n"
        "Điều 1. Bố trí kế hoạch vốn năm 2024 cho các trạm y tế xã như sau:\n"
        "1. Cải tạo, nâng cấp Trạm y tế xã Hòa Bình: 1.500 triệu đồng.\n"
        "2. Cải tạo, nâng cấp Trạm y tế xã Hòa Mỹ: 2.000 triệu đồng.\n"
        "Điều 2. Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Y tế chịu trách nhiệm thi hành Quyết định này.\n")
    (tmp_path / "docs").mkdir()
    # The same decision filed twice, as staff do (a scan and a typed copy): asked as one, declined as one.
    for name in ("qd77_2024.txt", "qd77_2024_ban_sao.txt"):
        (tmp_path / "docs" / name).write_text(decision, "utf-8")
    # A decision that names no commune holds for every commune: the one the asker lives in is no near miss.
    (tmp_path / "docs" / "qd15_2024.txt").write_text(
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSố: 15/2024/QĐ-UBND\nPhú Yên, ngày 5 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Quy định mức hỗ trợ thăm viếng mộ liệt sĩ\n\nĐiều 1. Thân nhân liệt sĩ đi thăm viếng mộ liệt sĩ được hỗ trợ "
        "tiền đi lại và ăn ở 2.000.000 đồng mỗi lần.\n", "utf-8")
    index = SearchIndex(make_settings(tmp_path / "data", llm="extractive"), embedder=seed_index.embedder)
    ingest([tmp_path / "docs"], index, progress=False)
    chain = AnswerChain(index, lambda: EXTRACTIVE)
    answered = chain.ask("Theo Quyết định 77/QĐ-UBND, Trạm y tế xã Hòa Mỹ được bố trí bao nhiêu vốn?")
    assert not answered.declined and "2.000 triệu đồng" in answered.answer, answered.answer
    for near_miss in ("Theo Quyết định 77/QĐ-UBND, Trạm y tế xã Hòa Lạc được bố trí bao nhiêu vốn?",
                      "qd 77/qd-ubnd bo tri bao nhieu von cho tram y te xa hoa lac"):
        answer = chain.ask(near_miss)
        assert answer.declined, (near_miss, answer.answer)
    lives = chain.ask("Thân nhân liệt sĩ ở xã Hòa Lạc đi thăm viếng mộ liệt sĩ được hỗ trợ bao nhiêu tiền?")
    assert not lives.declined and "2.000.000 đồng" in lives.answer, lives.answer
