"""The answer chain's rules without a model or an index: follow-up rewriting, the citation check on hand-made
chunks, rank fusion, the loop guard on a scripted LLM, and what a question asks for (a filler's kind, a
province, an answer across the collection)."""

from __future__ import annotations

import time

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.answer.asking import asks
from assistant.answer.citations import check_citations
from assistant.answer.compound import clauses
from assistant.answer.declining import asked_filler, asked_fillers, asked_label, filler_shape, asked_units, term_weights, thing_asked
from assistant.answer.named_elsewhere import issuers_named, units_unspoken
from assistant.answer.document_answer import dated_in_body
from assistant.answer.document_names import named_numbers, unmentioned
from assistant.answer.extractive import enumeration, labelled_item, list_after, siblings
from assistant.answer.fan_out import asked_of_each, asks_across, issued_by, kinds_asked
from assistant.answer.months import month_asked
from assistant.answer.followup import carry_over, standalone_question
from assistant.answer.llm_context import LlmLate, context, generate, prime
from assistant.answer.passages import passages, sentences
from assistant.config import PROJECT_ROOT, GeneratorMode, Settings
from assistant.index.records import CardLine, Chunk, DocumentCard
from assistant.models.generators import ChatGenerator, ExtractiveGenerator
from assistant.retrieve.continuation import asks_for_list, in_same_list, with_continuations
from assistant.retrieve.fusion import fuse
from assistant.vietnamese.folding import fold
from assistant.vietnamese.places import provinces_in
from assistant.vietnamese.restorer import Uncertain
from assistant.vietnamese.tokens import content_tokens

PROMPTS = PROJECT_ROOT / "prompts"
BUDGET = Chunk.create("c1", "- Kinh phí tổ chức Hội nghị lấy từ nguồn sự nghiệp y tế năm 2025.\n"
                      "- Phòng Kế hoạch - Tài chính dự trù kinh phí và thanh quyết toán.",
                      {"source": "plan.txt", "title": "Kế hoạch tổ chức Hội nghị", "section": "IV. KINH PHÍ"})
VENUE = Chunk.create("c2", "Địa điểm: Hội trường Sở Y tế, số 10 đường Hùng Vương.",
                     {"source": "plan.txt", "title": "Kế hoạch tổ chức Hội nghị", "section": "II. THỜI GIAN, ĐỊA ĐIỂM"})


def test_a_follow_up_carries_the_previous_question_over():
    previous = "Sở Tài chính được giao nhiệm vụ gì?"
    assert carry_over("còn Sở Nội vụ thì sao?", previous) == "Sở Nội vụ được giao nhiệm vụ gì?"
    assert carry_over("what about phong KHTC?", "so tai chinh phai lam gi") == "phong KHTC phai lam gi"
    assert carry_over("còn hạn chót thì sao?", previous) == "Sở Tài chính được giao nhiệm vụ gì — hạn chót?"
    history = [{"role": "user", "content": previous}, {"role": "assistant", "content": "…"}]
    assert standalone_question("Kinh phí hội nghị lấy từ đâu?", history, ExtractiveGenerator(), PROMPTS) == "Kinh phí hội nghị lấy từ đâu?"


def test_a_supported_sentence_keeps_its_marker_and_quotes_its_passage():
    text, citations, report = check_citations("Kinh phí lấy từ nguồn sự nghiệp y tế năm 2025 [1].", [BUDGET, VENUE], 0.6)
    assert text == "Kinh phí lấy từ nguồn sự nghiệp y tế năm 2025. [1]"
    assert [c.chunk_id for c in citations] == ["c1"] and "sự nghiệp y tế" in citations[0].quote
    assert report.verified == 1 and not report.dropped


def test_a_wrong_marker_is_repointed_and_an_unsupported_sentence_dropped():
    text, citations, report = check_citations(
        "Hội nghị họp tại số 10 đường Hùng Vương [1].\nNgân hàng Thế giới tài trợ toàn bộ kinh phí [2].", [BUDGET, VENUE], 0.6)
    assert text == "Hội nghị họp tại số 10 đường Hùng Vương. [1]" and citations[0].chunk_id == "c2"
    assert report.repaired == 1 and report.dropped == ["Ngân hàng Thế giới tài trợ toàn bộ kinh phí."]


def test_a_quotation_the_source_does_not_hold_fails_the_check():
    _, citations, report = check_citations("Kinh phí “do Bộ Y tế cấp toàn bộ năm 2025” [1].", [BUDGET], 0.6)
    assert citations == [] and len(report.dropped) == 1


def test_a_citation_of_a_restored_chunk_marks_the_words_the_restorer_guessed():
    ocr = "- Phéi hop voi phong Ké hoach.\n- Chuén bi bo céo danh gia\n   tinh hinh thyc hién nhiém vu nam 2025."
    restored = "- Phối hợp với phòng Kế hoạch.\n- Chuẩn bị bố cáo đánh giá\n   tình hình thực hiện nhiệm vụ năm 2025."
    chunk = Chunk.create("c3", ocr, {"source": "ocr.txt", "title": "Kế hoạch", "section": "V. TỔ CHỨC THỰC HIỆN"})
    guessed = [Uncertain(restored.index("với"), restored.index("với") + 3, "voi"),
               Uncertain(restored.index("bố"), restored.index("bố") + 2, "bo"),
               Uncertain(restored.index("tình"), restored.index("tình") + 4, "tinh")]
    chunk.set_restored(restored, "Kế hoạch", "V. TỔ CHỨC THỰC HIỆN", guessed)
    _, citations, _ = check_citations("Chuẩn bị báo cáo đánh giá tình hình thực hiện nhiệm vụ năm 2025 [1].", [chunk], 0.6)
    quote = citations[0].quote
    # The passage joins the item's lines; the marks of another item stay out of it.
    assert quote.startswith("- Chuẩn bị bố cáo đánh giá tình hình")
    assert [(quote[u.start:u.end], u.ocr) for u in citations[0].quote_uncertain] == [("bố", "bo"), ("tình", "tinh")]


def test_markers_are_renumbered_in_order_of_appearance():
    text, citations, _ = check_citations("Địa điểm là Hội trường Sở Y tế [2]. Kinh phí từ nguồn sự nghiệp y tế [1].",
                                         [BUDGET, VENUE], 0.6)
    assert text == "Địa điểm là Hội trường Sở Y tế. [1] Kinh phí từ nguồn sự nghiệp y tế. [2]"
    assert [c.chunk_id for c in citations] == ["c2", "c1"]


def test_the_llm_reads_the_best_passage_first_and_its_prompt_stays_within_the_budget():
    chunks = [BUDGET, VENUE]
    found = [passages(c) for c in chunks]
    best = [(1, 0), (0, 0), (0, 1)]  # the venue is the best passage, then the budget's lines
    settings = Settings(llm_context_passages=3, llm_prompt_chars=260, llm_passage_min_chars=60)
    question = "Hội nghị tổ chức ở đâu?"
    text = context(settings, question, chunks, found, best)
    assert "Hội trường Sở Y tế" in text and "[2] II. THỜI GIAN, ĐỊA ĐIỂM" in text
    assert len(question) + len(text) <= settings.llm_prompt_chars
    assert "thanh quyết toán" not in text  # no room left for the third passage
    # A question longer than the budget still leaves the best passage its minimum, and nothing more.
    long_question = "Xin cho biết " * 30 + "hội nghị tổ chức ở đâu?"
    text = context(settings, long_question, chunks, found, best)
    assert "Hội trường" in text and "Kinh phí" not in text


def test_a_title_repeated_between_documents_counts_against_the_prompt_budget():
    notice = Chunk.create("c3", "Hội nghị họp tại Hội trường Ủy ban nhân dân tỉnh, số 2 đường Trần Phú.",
                          {"source": "notice.txt", "title": "Thông báo kết luận của Giám đốc Sở Y tế tại Hội nghị",
                           "section": "I. NỘI DUNG"})
    chunks = [VENUE, notice, BUDGET]  # the plan's title heads its passages twice: the notice comes between
    found = [passages(c) for c in chunks]
    question = "Hội nghị họp ở đâu?"
    for budget in range(200, 420, 7):
        settings = Settings(llm_context_passages=3, llm_prompt_chars=budget, llm_passage_min_chars=40)
        text = context(settings, question, chunks, found, [(0, 0), (1, 0), (2, 0)])
        assert len(question) + len(text) <= budget, budget


def test_weighted_fusion_normalises_each_list_and_rrf_rewards_agreement():
    dense = [("a", 0.9), ("b", 0.5), ("c", 0.1)]
    lexical = [("c", 30.0), ("b", 20.0), ("d", 10.0)]
    weighted = dict(fuse(dense, lexical, "weighted", 0.4, 10))
    assert weighted["a"] == 0.4 and weighted["c"] == 0.6 and weighted["d"] == 0.0
    assert weighted["b"] == 0.4 * 0.5 + 0.6 * 0.5
    assert [i for i, _ in fuse(dense, lexical, "rrf", 0.5, 10)][0] in ("b", "c")
    assert fuse([], lexical, "weighted", 0.4, 10)[0] == ("c", 0.6)


def test_a_generation_that_loops_is_stopped_and_its_repeats_cut():
    looping = "Thành phần gồm: Sở Y tế, Sở Du lịch, Sở Du lịch, Sở Du lịch, Sở Du lịch, Sở Du lịch, Sở Du lịch, Sở Du lịch"
    listed = "Thành phần:\n" + "".join(f"{n}. Chủ tịch Hội đồng Y tế\n" for n in range(1, 40))
    provinces = ["Quảng Ngãi", "Quảng Bình", "Quảng Trị", "Quảng Ninh"]
    cycling = "Gửi:\n" + "".join(f"- Sở Y tế tỉnh {p}\n" for _ in range(8) for p in provinces)
    for text, kept in ((looping, "Thành phần gồm: Sở Y tế, Sở Du lịch,"), (listed, "1. Chủ tịch Hội đồng Y tế\n"),
                       (cycling, "- Sở Y tế tỉnh Quảng Ninh\n")):
        fake = ChatGenerator(GeneratorMode.LOCAL, FakeListChatModel(responses=[text]), "scripted")
        stats: dict = {}
        fake.turn.acquire()
        stream = generate(fake, PROMPTS, "Ai dự?", "[1] …", "tiếng Việt", 0.0, stats, time.perf_counter() + 30)
        pieces = []
        try:
            while True:
                pieces.append(next(stream))
        except StopIteration as done:
            written = done.value
        assert stats["stopped_looping"] == 1 and len("".join(pieces)) < len(text)
        assert written.rstrip(" ,\n").endswith(kept.rstrip(" ,\n")) and written.count("Chủ tịch") <= 1
    plain = ChatGenerator(GeneratorMode.LOCAL, FakeListChatModel(responses=["Sở Tài chính báo cáo trước 20/12/2025 [1]."]), "s")
    stats = {}
    plain.turn.acquire()
    assert "".join(generate(plain, PROMPTS, "?", "[1] …", "tiếng Việt", 0.0, stats, time.perf_counter() + 30))
    assert "stopped_looping" not in stats


def test_an_llm_still_writing_at_the_deadline_is_given_up_at_once():
    slow = ChatGenerator(GeneratorMode.LOCAL, FakeListChatModel(responses=["Kinh phí từ ngân sách tỉnh [1]."], sleep=0.5),
                         "scripted")
    assert slow.turn.acquire(blocking=False)
    began = time.perf_counter()
    with pytest.raises(LlmLate):
        list(generate(slow, PROMPTS, "?", "[1] …", "tiếng Việt", began, {}, began + 0.3))
    assert time.perf_counter() - began < 0.6
    # The model's one slot stays taken until its stream is closed: the next question is not queued behind it.
    assert not slow.turn.acquire(blocking=False)
    assert slow.turn.acquire(timeout=5)


@pytest.mark.parametrize("question, kind", [
    # Money asked in money is not given by a percentage; a rate or a level may be.
    ("Dự trù chi bao nhiêu tiền cho thuê hội trường?", "money"),
    ("muc ho tro moi nguoi la bao nhieu", "amount"),
    ("con thuong binh duoc giam hoc phi bao nhieu phan tram", "percent"),
    ("What per-meeting allowance (in VND) does the circular set?", "money"),
    ("In Đồng Nai plan 231/KH-UBND, what must the district committees do?", None),
    ("Văn phòng Sở phải gửi giấy mời trước ngày nào?", "day"),
    ("Khi nào tổ chức hội nghị?", "date"),
    # A time limit is a length of time as often as a date: "chậm nhất trước 10 (mười) ngày làm việc".
    ("Thời hạn công bố thủ tục hành chính là bao lâu?", "duration"),
    ("phai nop ho so trong may ngay", "duration"),
    ("hoi nghi bat dau luc may gio", "hour"),
    ("How many delegates attend?", "count"),
    ("giám định viên không được quá bao nhiêu tuổi", "count"),
    # Money asked by its name ("tiền tàu xe … bao nhiêu"); "ạ" is no noun counted.
    ("đi thăm viếng mộ liệt sĩ thì được hỗ trợ tiền tàu xe bao nhiêu ạ?", "amount"),
    ("Việc ưu tiên tuyển dụng được áp dụng cho bao nhiêu?", None),
    # A salary coefficient is no amount of money: "hệ số lương từ 2,34 đến 4,98".
    ("Bác sĩ hạng III được áp dụng hệ số lương từ bao nhiêu đến bao nhiêu?", None),
    ("Hội nghị nhằm mục đích gì?", None),
    # Folded, "mục tiêu" is no "mức", "quốc gia" and "tham gia" no "giá": a goal's figure is no amount.
    ("Kế hoạch đặt mục tiêu tỷ suất chết trẻ dưới 5 tuổi đến năm 2030 là bao nhiêu?", None),
    ("ty le xa dat tieu chi quoc gia ve y te la bao nhieu phan tram", "percent"),
    ("Giá một hộp bao cao su là bao nhiêu?", "amount"),
    # Capital asked is an amount, not a count of "vốn" ("50.000 triệu đồng" gives it).
    ("Trạm y tế xã Cát Nhơn được bố trí bao nhiêu vốn năm 2023?", "amount"),
    # Millions asked are money: a share ("90% số phiếu") gives none.
    ("Giải thưởng kèm theo tiền thưởng bao nhiêu triệu đồng cho mỗi đơn vị?", "money"),
    # Provinces asked by name are given by names: "21 tỉnh" is their count.
    ("cong van noi co them 21 tinh, thanh pho bao cao, do la nhung tinh nao?", "province"),
    ("nhung quyet dinh cap tinh nao trien khai quyet dinh 22/2013", None),
])
def test_the_kind_of_filler_a_question_asks_for(question, kind):
    assert asked_filler(question) == kind


def test_each_thing_a_question_asks_wants_its_own_filler():
    # A part answered beats a refusal: the evidence holds the answer when it holds any filler asked.
    assert asked_fillers("How much does the conference cost in all, and how many guests are counted for the "
                         "meal?") == ["amount", "count"]
    assert asked_fillers("Hội nghị có bao nhiêu đại biểu, và họp ngày nào?") == ["count", "day"]
    assert asked_fillers("Where does the budget come from?") == []


def test_a_month_asked_finds_the_passages_dated_in_it():
    december = month_asked("van ban nao dat han chot trong thang 12/2025? liet ke tung moc")
    dated = [text for text in ("Hoàn thành trước 20/12/2025.", "gửi trước 22/12", "trong tháng 12/2025",
                               "họp ngày 26/12/2024", "năm 2025", "trước ngày 10/11/2025") if december.search(fold(text))]
    assert dated == ["Hoàn thành trước 20/12/2025.", "gửi trước 22/12", "trong tháng 12/2025"]
    assert month_asked("Which documents set a reporting deadline in November, and to whom?").search("02/11/2022")
    assert month_asked("Which documents did the Ministry issue in 2025?") is None


@pytest.mark.parametrize("kind, passage", [
    ("percent", "2 | Xã đạt tiêu chí quốc gia về y tế | % | 92,11 | 78,95"),  # the unit column before the values
    ("date", "Xét nghiệm lại sau 03 (ba) tháng kể từ ngày vào cơ sở"),  # "khi nào": after an event
    ("date", "Tư vấn, xét nghiệm HIV định kỳ 06 tháng một lần"),
])
def test_a_filler_is_held_as_documents_write_it(kind, passage):
    from assistant.answer.declining import filler_shape
    from assistant.vietnamese.folding import fold

    assert filler_shape(kind, "").search(fold(passage))


@pytest.mark.parametrize("question, passage, holds", [
    # A count of what is asked, whatever its noun: minutes are not given by a count of units.
    ("mỗi đơn vị được phát biểu tối đa bao nhiêu phút", "Mỗi đơn vị phát biểu không quá 10 phút", True),
    ("mỗi đơn vị được phát biểu tối đa bao nhiêu phút", "Thảo luận: 5 đơn vị phát biểu tham luận", False),
    ("phải học tối thiểu bao nhiêu tiết mỗi năm", "đào tạo liên tục tối thiểu 24 (hai mươi bốn) tiết mỗi năm", True),
])
def test_a_count_asked_is_held_by_a_count_of_that_noun(question, passage, holds):
    from assistant.answer.declining import filler_shape
    from assistant.vietnamese.folding import fold

    assert (filler_shape("count", question).search(fold(passage)) is not None) == holds


def test_word_pairs_are_weighed_within_a_clause_never_across_sentences_or_commas():
    class EveryTermOnce:  # term_weights reads the index's IDF only
        def idf(self, term: str) -> float:
            return 1.0

    weights = term_weights(EveryTermOnce(), "Giờ đi thăm mộ ở Quảng Trị. Nhà nước có hỗ trợ tiền đi lại, 1.200.000 đồng?")
    assert ("nha_nuoc",) in weights and ("tham_mo",) in weights
    assert ("tri_nha",) not in weights and ("lai_1",) not in weights
    assert ("1_200",) in weights  # the dots of a figure break no clause


def test_the_thing_asked_keeps_every_word_but_the_asking():
    asked = thing_asked("Kinh phí in ấn tài liệu của hội nghị tổng kết năm 2025 là bao nhiêu?", "amount")
    # The thing priced is what the money is for: the conference's other budget lines do not answer.
    assert asked == "in an tai lieu"
    assert "hoi nghi tong ket" in thing_asked("Kinh phí của hội nghị tổng kết là bao nhiêu?", "amount")
    assert thing_asked("Người có công được hỗ trợ tiền tàu xe đi và về bao nhiêu?", "amount") == "tau xe di va ve"
    # The document described before a colon is where to look, not what is asked of it.
    assert thing_asked("thong bao ket luan hoi nghi 6 thang dau nam 2022 cua so y te: benh vien Bong Son phai ban giao mat "
                       "bang truoc ngay nao?", "day").split()[:3] == ["benh", "vien", "bong"]
    assert thing_asked("Hội nghị dự trù bao nhiêu tiền thuê hội trường và in tài liệu?", "money") == \
        "thue hoi truong va in tai lieu"
    # "Ưu tiên" and "tiến độ" price nothing.
    assert "doi tuong uu tien" in thing_asked("Đối tượng ưu tiên được hỗ trợ kinh phí bao nhiêu?", "amount")
    # English stopwords are Vietnamese words once folded: `in ấn` is what is asked.
    assert {"in", "an", "tai", "lieu"} <= content_tokens(asked, "vi")
    assert "the" not in content_tokens("the printing of the documents")
    # An amount asked for a purpose is asked of that purpose, not of the conference the budget is for.
    assert thing_asked("Dự trù kinh phí hội nghị tổng kết chi bao nhiêu tiền cho thuê xe đưa đón?", "amount") == \
        "thue xe dua don"
    assert "tiec com" in thing_asked("Định mức tiệc cơm là bao nhiêu, tính cho bao nhiêu người?", "amount")


def test_a_unit_that_only_owns_the_one_asked_about_is_not_asked_about():
    assert asked_units("Các đơn vị trực thuộc Sở Y tế phải hoàn thành tổng kết trước ngày nào?") == set()
    assert asked_units("SYT phải báo cáo trước ngày nào?") == {"Sở Y tế"}
    assert asked_units("Các phòng thuộc Sở Y tế và Sở Y tế phải làm gì?") == {"Sở Y tế"}
    # The rules a question asks by are not who it asks about.
    assert asked_units("Theo hướng dẫn của Bộ LĐTBXH thì mức chi điều dưỡng là bao nhiêu?") == set()


def test_the_kinds_of_document_a_question_asks_across_are_not_those_it_only_mentions():
    assert kinds_asked("Trong các kế hoạch, thông báo ngành y tế, văn bản nào được ký thay?") == {"ke hoach", "thong bao"}
    assert kinds_asked("Những quyết định nào ban hành một kế hoạch?") == {"quyet dinh"}
    assert kinds_asked("nhung cong van va quyet dinh nao trien khai quyet dinh 22/2013/QD-TTg") == {"cong van", "quyet dinh"}
    assert kinds_asked("Những văn bản nào nói về hội nghị trực tuyến?") == set()
    assert kinds_asked("Những văn bản nào trong bộ tài liệu là thông báo kết luận?") == {"thong bao"}


def test_provinces_are_found_with_or_without_marks_and_never_inside_other_words():
    assert provinces_in("Sở Y tế tỉnh Cà Mau và ba ria vung tau") == {"ca mau", "ba ria vung tau"}
    assert provinces_in("Hội nghị tổng kết năm 2025 của ngành y tế") == set()


@pytest.mark.parametrize("question, across", [
    ("Những văn bản nào giao nhiệm vụ cho Sở Tài chính?", True),
    ("So sánh chỉ tiêu giường bệnh giữa Lai Châu và Lạng Sơn", True),
    ("Which documents in the collection were signed by a deputy?", True),
    ("liet ke cac quyet dinh cua ubnd tinh", True),
    ("Of the two conference plans, who signed each one?", True),
    ("Kế hoạch 243 giao Sở Tài chính việc gì?", False),
    ("Hội nghị tổng kết tổ chức ở đâu?", False),
])
def test_questions_asked_across_the_collection_are_recognised(question, across):
    assert asks_across(question) == across


def test_a_question_naming_one_document_asks_across_only_when_it_asks_before_naming_it():
    decision = DocumentCard(source="22.txt", title="", number="22/2013/QĐ-TTg", doc_type_name="Quyết định", fields={})
    # The documents asked for are others, which implement the one named.
    assert asks_across("Những công văn nào triển khai Quyết định 22/2013/QĐ-TTg?", [decision])
    assert asks_across("which letters implement Decision 22/2013/QĐ-TTg", [decision])
    # The document named is the one asked about: its bases are lines of its own card.
    assert not asks_across("Quyết định 22/2013/QĐ-TTg căn cứ những văn bản nào?", [decision])


def test_a_quoted_lead_in_brings_its_whole_list_and_stops_at_the_next_one():
    chunk = Chunk.create("c3", "Thành phần tham dự gồm:\n- Ban Giám đốc Sở;\n- Trưởng các phòng;\n- Giám đốc các đơn vị.\n"
                         "Khách mời gồm:\n- Báo Đồng Nai.", {"source": "plan.txt", "section": "III. THÀNH PHẦN"})
    found = passages(chunk)
    items = [found[o].text for o in list_after(found, 0, 12)]
    assert items == ["- Ban Giám đốc Sở;", "- Trưởng các phòng;", "- Giám đốc các đơn vị."]
    assert len(list_after(found, 0, 2)) == 2 and not list_after(found, 1, 12)


def test_one_item_found_of_a_list_asked_for_brings_the_items_of_its_kind_around_it():
    chunk = Chunk.create("c5", "Cơ cấu tổ chức gồm:\n1. Phòng Tổ chức - Hành chính.\n2. Phòng Kế hoạch - Nghiệp vụ.\n"
                         "a) Khoa Dược;\nb) Khoa Xét nghiệm.\n3. Phòng Tài chính - Kế toán.\nĐiều 5. Hiệu lực",
                         {"source": "circular.txt", "section": "Điều 4"})
    found = passages(chunk)
    second = next(o for o, p in enumerate(found) if p.text.startswith("2."))
    run = [found[o].text[:2] for o in siblings(found, second, 12)]
    # The lettered items under item 2 stand in its run up to item 3; the lead-in and the next article do not.
    assert run == ["1.", "2.", "a)", "b)", "3."]
    assert not siblings(found, 0, 12)
    bullets = passages(Chunk.create("c6", "Khách mời gồm:\n- Báo Đồng Nai;\n- Đài Phát thanh.\nChương trình:\n- Khai mạc.",
                                    {"source": "plan.txt", "section": "III"}))
    assert [bullets[o].text for o in siblings(bullets, 1, 12)] == ["- Báo Đồng Nai;", "- Đài Phát thanh."]


def test_one_clause_found_of_an_enumeration_between_semicolons_brings_the_others():
    chunk = Chunk.create("c7", "Quyết định số 58/2008/QĐ-BGDĐT ngày 17/10/2008; Quyết định số 1221/2000/QĐ-BYT ngày 18/4/2000; "
                         "Thông tư liên tịch số 03/2000/TTLT-BYT-BGDĐT bị bãi bỏ kể từ ngày Thông tư này có hiệu lực. "
                         "Thông tư này có hiệu lực từ ngày 30/6/2016.", {"source": "circular.txt", "section": "Điều 14"})
    found = passages(chunk)
    assert [found[o].text[:20] for o in enumeration(found, 2, 12)] == [
        "Quyết định số 58/200", "Quyết định số 1221/2", "Thông tư liên tịch s"]
    assert list(enumeration(found, 3, 12)) == [3]  # the next sentence is no clause of it
    assert list(enumeration(found, 2, 1)) == [1, 2]


def test_the_lettered_items_of_a_clause_each_a_section_of_their_own_are_one_list():
    def chunk(name: str, section: str) -> Chunk:
        return Chunk.create(name, "…", {"source": "circular.txt", "section": section})

    lead = "Điều 10. Hiệu lực thi hành > 2. Những địa phương … không thực hiện các văn bản sau đây:"
    first, item_c, item_d = chunk("a", lead), chunk("c", f"{lead} > c) Thông tư số 59/2015"), chunk("d", f"{lead} > d) Quyết định số 14/2007")
    assert in_same_list(item_d, item_c) and in_same_list(item_d, first)
    # The next clause of the article is no item of the lettered list; a lettered item of another clause neither;
    # and the clauses of an article are provisions of their own, not items of one list.
    clause_3 = chunk("3", "Điều 10. Hiệu lực thi hành > 3. Những địa phương đang trong lộ trình")
    assert not in_same_list(item_d, clause_3)
    assert not in_same_list(item_d, chunk("x", "Điều 9. Kinh phí > 1. Nguồn > a) Ngân sách"))
    assert not in_same_list(clause_3, chunk("4", "Điều 10. Hiệu lực thi hành > 4. Bãi bỏ các văn bản"))
    assert in_same_list(first, item_d)
    # Items numbered under their item ("1.1.", "1.2." under "1. Nhóm đối tượng số 1") are one list too.
    group = "Điều 3. Đối tượng tặng quà > 1. Nhóm đối tượng số 1"
    sub_1, sub_2 = chunk("s1", f"{group} > 1.1. Bà mẹ Việt Nam anh hùng"), chunk("s2", f"{group} > 1.2. Thương binh")
    assert in_same_list(sub_1, sub_2) and in_same_list(sub_1, chunk("g", group))
    assert not in_same_list(sub_1, chunk("o", "Điều 3. Đối tượng tặng quà > 2. Nhóm đối tượng số 2 > 2.1. Người hoạt động"))


def test_a_chunks_heading_leads_in_its_bullets_and_a_numbering_is_never_a_passage_of_its_own():
    chunk = Chunk.create("c4", "4.2. Điểm cầu các đơn vị trực thuộc\n- Đại diện Ban Giám đốc;\n- Trạm Y tế.",
                         {"source": "plan.txt", "section": "3. Địa điểm > 4.2. Điểm cầu các đơn vị trực thuộc"})
    found = passages(chunk)
    assert found[0].text == "4.2. Điểm cầu các đơn vị trực thuộc"
    assert [found[o].text for o in list_after(found, 0, 12, "diem cau cac don vi truc thuoc")] == [
        "- Đại diện Ban Giám đốc;", "- Trạm Y tế."]
    assert not list_after(found, 1, 12, "diem cau cac don vi truc thuoc")
    # Nor in a quoted answer line, where the citation check splits sentences.
    assert sentences("- 5.2. Cấp huyện: Lãnh đạo UBND. Mỗi huyện mời 01 người. [3]") == [
        "- 5.2. Cấp huyện: Lãnh đạo UBND.", "Mỗi huyện mời 01 người.", "[3]"]
    # A legal text's article number too.
    assert sentences("Điều 1. Danh mục vật tư y tế. Thông tư này quy định.") == [
        "Điều 1. Danh mục vật tư y tế.", "Thông tư này quy định."]


def test_priming_has_the_model_read_the_answers_system_prompt_and_write_one_token():
    class Recording(FakeListChatModel):
        seen: list = []

        def _call(self, messages, stop=None, run_manager=None, **kwargs):
            self.seen.append((messages, kwargs))
            return super()._call(messages, stop, run_manager, **kwargs)

    model = Recording(responses=["."])
    prime(ChatGenerator(GeneratorMode.LOCAL, model, "scripted"), PROMPTS, "tiếng Việt")
    (messages, kwargs), = model.seen
    assert messages[0].content.startswith("Bạn là trợ lý của Sở Y tế") and kwargs.get("max_tokens") == 1


class _Catalog:
    """The index's two reads that continuation needs, over hand-made chunks."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.by_id = {c.id: c for c in chunks}

    def ids_where(self, conditions: list[tuple[str, list]]) -> set[str]:
        return {i for i, c in self.by_id.items() if all(c.metadata.get(f) in values for f, values in conditions)}

    def chunks(self, ids: list[str]) -> list[Chunk]:
        return [Chunk.create(i, self.by_id[i].page_content, dict(self.by_id[i].metadata)) for i in ids]


def test_a_lead_in_that_ends_its_chunk_brings_the_numbered_items_that_carry_on_its_list():
    def chunk(n: int, section: str, text: str) -> Chunk:
        return Chunk.create(f"c{n}", text, {"source": "nq.txt", "title": "Nghị quyết", "section": section,
                                            "chunk_index": n, "score": 1.0})
    lead = chunk(0, "Điều 2", "Yêu cầu Chính phủ thực hiện các giải pháp sau đây:")
    items = [chunk(1, "1. Nâng mức trợ cấp", "1. Nâng mức trợ cấp."), chunk(2, "2. Hỗ trợ nhà ở", "2. Hỗ trợ nhà ở."),
             chunk(3, "1. Báo cáo kết quả", "1. Chính phủ báo cáo kết quả.")]  # Điều 3 starts a new list
    found = with_continuations(_Catalog([lead, *items]), [items[1], lead], most=12)
    assert [c.id for c in found] == ["c0", "c1", "c2"]
    assert [c.metadata.get("continues") for c in found] == [None, "c0", "c0"]
    # Only a question that asks for a list is given them.
    assert asks_for_list("Nghị quyết yêu cầu Chính phủ thực hiện những giải pháp nào?")
    assert not asks_for_list("Hội nghị tổ chức ngày nào, ở đâu và kinh phí lấy từ nguồn nào?")


def test_a_task_question_about_a_unit_no_passage_names_is_not_answered_from_them():
    found = [Chunk.create("c1", "1. Bộ trưởng Bộ Y tế có trách nhiệm hướng dẫn chuyên môn về dược lâm sàng.",
                          {"source": "131.txt", "title": "Nghị định quy định về tổ chức và hoạt động dược lâm sàng"})]
    assert units_unspoken("Nghị định 131 giao cho Sở Y tế tỉnh những trách nhiệm cụ thể nào?", found)
    assert not units_unspoken("Nghị định 131 giao cho Bộ Y tế những trách nhiệm nào?", found)
    assert not units_unspoken("Dược lâm sàng là gì?", found)
    # "quản lý tài chính" in a passage names no Sở Tài chính; a question asking by the vague name is not held to it.
    finance = [Chunk.create("c2", "Nâng cao năng lực quản lý tài chính, đầu tư cho lãnh đạo đơn vị.",
                            {"source": "243.txt", "title": "Kế hoạch thực hiện Chương trình hành động"})]
    assert units_unspoken("Sở Tài chính được giao nhiệm vụ gì trong kế hoạch 243?", finance)
    assert not units_unspoken("Phòng tài chính được giao nhiệm vụ gì trong kế hoạch 243?", finance)


def test_a_document_named_by_its_number_is_told_from_rates_and_dates():
    assert named_numbers("Thông tư 26/2017/TT-BYT do ai ký?") == {" 26 2017 "}
    assert named_numbers("theo kh 243/KH-SYT va Pháp lệnh 02/2020/UBTVQH14") == {" 243 kh syt ", " 2 2020 ubtvqh14 "}
    assert named_numbers("Decree 75/2021 and circular số 05/2020") == {" 75 2021 ", " 5 2020 "}
    assert named_numbers("Nước uống 25.000/người, họp ngày 26/12/2025, 10 bác sĩ/10.000 dân") == set()


def test_a_document_number_no_text_writes_is_unmentioned_leading_zeros_aside():
    texts = ["Căn cứ Thông tư số 1/2023/TT-BYT ngày 05/01/2023 của Bộ Y tế;"]
    assert not unmentioned(named_numbers("TT 01/2023 hướng dẫn gì?"), texts)
    assert unmentioned(named_numbers("TT 26/2017/TT-BYT hướng dẫn gì?"), texts)
    # A number written inside a longer one is not the document named: 11/2023 is not 1/2023.
    assert unmentioned(named_numbers("Thông tư 11/2023 hướng dẫn gì?"), texts)


def test_each_document_named_is_asked_its_own_clause_without_the_words_that_name_it():
    def card(source: str, number: str, kind: str, title: str) -> DocumentCard:
        return DocumentCard(source=source, title=title, number=number, doc_type_name=kind,
                            fields={"title": [CardLine(title, "c")]})
    decree = card("89.txt", "89/2018/NĐ-CP", "Nghị định", "Quy định chi tiết Luật phòng, chống bệnh truyền nhiễm về kiểm dịch y tế biên giới")
    circular = card("26.txt", "26/2017/TT-BYT", "Thông tư", "Hướng dẫn chức năng, nhiệm vụ của Trung tâm Kiểm soát bệnh tật tỉnh")
    asked = asked_of_each("Ở cấp tỉnh, ai quy định chức năng, nhiệm vụ của tổ chức kiểm dịch theo Nghị định 89/2018/NĐ-CP, "
                          "và khoa nào của Trung tâm Kiểm soát bệnh tật tỉnh phụ trách kiểm dịch y tế theo Thông tư 26/2017/TT-BYT?",
                          [decree, circular])
    assert "chức năng" in asked["89.txt"] and "khoa" not in asked["89.txt"]
    assert "khoa nào" in asked["26.txt"] and "Kiểm soát" not in asked["26.txt"] and "kiểm dịch" in asked["26.txt"]
    # Named together, both are asked what is left once their names are taken out.
    both = asked_of_each("Quyết định 170/2008/QĐ-TTg về thanh niên xung phong và Quyết định 142/2008/QĐ-TTg về quân nhân: "
                         "kinh phí do đâu bảo đảm?", [card("170.txt", "170/2008/QĐ-TTg", "Quyết định", "Về chế độ đối với thanh niên xung phong"),
                                                     card("142.txt", "142/2008/QĐ-TTg", "Quyết định", "Về chế độ đối với quân nhân")])
    assert both["170.txt"] == both["142.txt"] and "kinh phí" in both["170.txt"] and "xung phong" not in both["170.txt"]
    # A later clause that points back ("thời hạn này") is asked with the one before it.
    pointing = asked_of_each("Thời hạn công bố theo Nghị định 63/2010/NĐ-CP là bao nhiêu ngày, và Nghị định 48/2013/NĐ-CP "
                             "đã sửa lại thời hạn này thế nào?", [card("63.txt", "63/2010/NĐ-CP", "Nghị định", "Kiểm soát"),
                                                                  card("48.txt", "48/2013/NĐ-CP", "Nghị định", "Sửa đổi")])
    assert "bao nhiêu ngày" in pointing["48.txt"]
    # One document named is asked all the question: the clause after "và" is no other document's.
    one = asked_of_each("Theo Nghị định 63/2010/NĐ-CP, nộp mấy bộ hồ sơ, và UBND cấp xã lập hồ sơ trong bao nhiêu ngày?",
                        [card("63.txt", "63/2010/NĐ-CP", "Nghị định", "Kiểm soát")])
    assert "mấy bộ hồ sơ" in one["63.txt"] and "UBND cấp xã" in one["63.txt"]
    # Typed without marks, the turn to the next document is seen too; a syllable of a type's name ("định" of "Quyết
    # định") asks when it stands in other words ("định suất").
    unmarked = asked_of_each("CV 1921/LDTBXH-NCC quy dinh muc chi dieu duong la bao nhieu, con QD 5129/QD-UBND nang dinh "
                             "suat nuoi duong len muc nao?", [card("1921.txt", "1921/LĐTBXH-NCC", "Công văn", "Điều dưỡng"),
                                                              card("5129.txt", "5129/QĐ-UBND", "Quyết định", "Trợ cấp")])
    assert "dinh suat nuoi duong" in unmarked["5129.txt"] and "muc chi" not in unmarked["5129.txt"]
    assert "nuoi duong" not in unmarked["1921.txt"]
    # A number only the card's number line prints (the header parser missed it) names the document too: left in,
    # it draws each one to the lines that cite the other ("Quyết định số 142/2008/QĐ-TTg ngày …").
    printed = [DocumentCard(source=f"{n}.txt", title="Trợ cấp", number=None, doc_type_name="Quyết định",
                            fields={"number": [CardLine(f"Số: {n}/QĐ-TTg", "c")]}) for n in ("142/2008", "40/2011")]
    asked = asked_of_each("so sanh tro cap mot lan: qd 142/2008/qd-ttg va qd 40/2011/qd-ttg moi quyet dinh bao nhieu tien",
                          printed)
    assert "142" not in asked["142/2008.txt"] and "40/2011" not in asked["40/2011.txt"]


def test_documents_asked_for_by_who_issued_them_are_told_by_their_header_and_signature():
    def card(source: str, issuer: list[str], signer: list[str], basis: str = "") -> DocumentCard:
        return DocumentCard(source=source, title="", number=None, doc_type_name="Quyết định", fields={
            "issuer": [CardLine(line, "c") for line in issuer], "signer": [CardLine(line, "c") for line in signer],
            "basis": [CardLine(basis, "c")]})
    cards = [card("ordinance.txt", ["ỦY BAN THƯỜNG VỤ QUỐC HỘI"], ["Nguyễn Thị Kim Ngân"]),
             card("resolution.txt", ["ỦY BAN THƯỜNG VỤ"], ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH"]),
             # Its basis cites the Standing Committee: it is the Government's all the same.
             card("decree.txt", ["CHÍNH PHỦ"], ["TM. CHÍNH PHỦ"], "Căn cứ Pháp lệnh của Ủy ban thường vụ Quốc hội;"),
             # An OCR'd header runs the province's name together.
             card("plan.txt", ["UBND TỈNH LAICHAU", "SOY TỜ"], []),
             card("hcm.txt", ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"], ["TM. ỦY BAN NHÂN DÂN"])]
    assert issued_by("Trong kho tài liệu có những văn bản nào do Ủy ban Thường vụ Quốc hội ban hành?", cards) == [
        "ordinance.txt", "resolution.txt"]
    assert issued_by("bo tai lieu co nhung van ban nao cua tinh Lai Chau? neu so hieu", cards) == ["plan.txt"]
    assert issued_by("liet ke cac quyet dinh cua UBND TP Ho Chi Minh kem ngay ban hanh", cards) == ["hcm.txt"]
    # Naming no body, the question leaves the documents to the search.
    assert issued_by("Những văn bản nào quy định mức trợ cấp điều dưỡng?", cards) == []


@pytest.mark.parametrize("question, expected", [
    ("Theo công văn 1921/LĐTBXH-NCC, mức chi điều dưỡng là bao nhiêu, điều dưỡng tập trung kéo dài bao lâu?",
     ["Theo công văn 1921/LĐTBXH-NCC, mức chi điều dưỡng là bao nhiêu", "điều dưỡng tập trung kéo dài bao lâu"]),
    ("Nghị định 75/2021/NĐ-CP do ai ký, ban hành ngày nào và có hiệu lực từ ngày nào?",
     ["Nghị định 75/2021/NĐ-CP do ai ký", "ban hành ngày nào", "có hiệu lực từ ngày nào"]),
    # A piece that asks nothing stays with the clause it stands in.
    ("Thông tư 52/2017/TT-BYT (kê đơn thuốc hóa dược, sinh phẩm), đơn thuốc có giá trị trong bao lâu?",
     ["Thông tư 52/2017/TT-BYT (kê đơn thuốc hóa dược, sinh phẩm), đơn thuốc có giá trị trong bao lâu"]),
    ("Mức chi điều dưỡng tập trung và tại gia đình là bao nhiêu?", ["Mức chi điều dưỡng tập trung, tại gia đình là bao nhiêu"]),
])
def test_a_question_is_cut_into_the_things_it_asks(question, expected):
    assert asks(question) == expected


def test_a_sentence_of_a_labelled_paragraph_brings_the_rest_of_what_it_says_of_its_unit():
    chunk = Chunk.create("c9", "a) Sở Tài chính: Thẩm định dự toán kinh phí;\ntham mưu UBND tỉnh bố trí nguồn trước ngày 30/6.\n"
                         "b) Sở Nội vụ: Hướng dẫn thủ tục khen thưởng.",
                         {"source": "plan.txt", "title": "Kế hoạch", "section": "III. TỔ CHỨC THỰC HIỆN"})
    found = passages(chunk)
    assert [found[o].text for o in labelled_item(found, 0, 12)] == [
        "a) Sở Tài chính: Thẩm định dự toán kinh phí;", "tham mưu UBND tỉnh bố trí nguồn trước ngày 30/6."]
    # A paragraph without a label is left as quoted.
    plain = passages(Chunk.create("c10", "Thẩm định dự toán kinh phí; tham mưu bố trí nguồn.", {"source": "p.txt"}))
    assert not labelled_item(plain, 0, 12)


def test_a_date_asked_of_what_the_card_does_not_name_is_the_bodys():
    # "khai giảng" is in no line of the decision's card: the date of the school year's opening is in its body.
    assert dated_in_body("nam hoc 2024-2025 khai giang ngay nao theo qd 986/qd-ubnd", {"khai", "giang"})
    assert not dated_in_body("qd 986/qd-ubnd ban hanh ngay nao", set())



def test_a_word_no_chunk_holds_is_unknown_to_the_lexical_index():
    from assistant.index.lexical import LexicalIndex

    index = LexicalIndex.build([BUDGET, VENUE], bigrams=True)
    # A card is chosen among documents by words some document holds: "capacity" or "were" tell none apart.
    assert index.known("kinh") and index.known("hoi_truong") and not index.known("capacity")
    assert index.idf("capacity") > index.idf("kinh")


@pytest.mark.parametrize("question", ["Sở Y tế phải làm những gì về chuyển đổi số?",
                                      "Kế hoạch giao các nhiệm vụ gì cho CDC?"])
def test_a_question_for_the_things_of_a_kind_asks_for_a_list(question):
    assert asks_for_list(question)


def test_a_unit_named_as_a_documents_issuer_or_issuing_it_is_not_asked_its_tasks():
    question = "Trong thông báo kết luận giao ban tháng 3/2027 của Sở Y tế, mục công tác tài chính gồm những nhiệm vụ gì?"
    assert issuers_named(question) == {"Sở Y tế"}
    found = [Chunk.create("c1", "Các đơn vị khẩn trương lập dự toán chi năm 2028.", {"source": "tb.txt", "title": "THÔNG BÁO"})]
    assert not units_unspoken(question, found)
    assert units_unspoken("Sở Tài chính được giao nhiệm vụ gì trong kế hoạch 12?", found)
    assert not units_unspoken("Sở Tài chính được giao nhiệm vụ gì trong kế hoạch 12?", found, {"tb.txt": "UBND tỉnh Sở Tài chính"})


def test_a_count_is_of_a_noun_not_of_the_preposition_after_it():
    assert filler_shape("count", "Phòng sơ cấp cứu có diện tích tối thiểu bao nhiêu theo Thông tư 17/2014?").search("tối thiểu 6 m2")
    assert not filler_shape("count", "Hội đồng có bao nhiêu thành viên?").search("nhiệm kỳ 5 năm")


@pytest.mark.parametrize("question, expected", [
    ("Luật Bảo hiểm y tế 2008 quy định mức đóng tối đa bao nhiêu, còn Nghị định 146/2018/NĐ-CP quy định cụ thể bao nhiêu?",
     ["Luật Bảo hiểm y tế 2008 quy định mức đóng tối đa bao nhiêu?", "Nghị định 146/2018/NĐ-CP quy định cụ thể bao nhiêu?"]),
    # The words before a colon go with each clause; a clause naming only the document is asked what the first asks.
    ("Mức đóng BHYT của người lao động: Luật BHYT 2008 quy định tối đa bao nhiêu, còn Nghị định 146/2018 thì sao?",
     ["Mức đóng BHYT của người lao động: Luật BHYT 2008 quy định tối đa bao nhiêu?",
      "Mức đóng BHYT của người lao động: Nghị định 146/2018 thì sao?"]),
    ("Bộ Y tế có trách nhiệm gì về giám định y khoa theo Pháp lệnh 2020 và theo Thông tư 01/2023/TT-BYT?",
     ["Bộ Y tế có trách nhiệm gì về giám định y khoa theo Pháp lệnh 2020?",
      "Bộ Y tế có trách nhiệm gì về giám định y khoa theo Thông tư 01/2023/TT-BYT?"]),
    # One question: the same document asked twice, a document asked which, documents set side by side, one named only.
    ("Thông báo 469/TB-VP là kết luận của ai, tại buổi làm việc ngày nào và ai ký thông báo?", []),
    ("Quyết định 378/QĐ-UBND được ban hành theo đề nghị của ai và căn cứ quyết định công bố nào của Bộ Công Thương?", []),
    ("So sánh mức trợ cấp của Quyết định 142/2008 và Quyết định 62/2011?", []),
    ("Luật Bảo hiểm y tế 25/2008/QH12 và Luật Dược 105/2016/QH13 lần lượt có hiệu lực từ ngày nào?", []),
    ("Số hiệu văn bản (số, ký hiệu) của Kế hoạch tổ chức Hội nghị tổng kết năm 2025 là gì?", []),
])
def test_a_question_asking_each_document_its_own_thing_is_asked_clause_by_clause(question, expected):
    assert clauses(question) == expected


def test_each_document_of_a_fan_out_quotes_its_first_passages_with_a_lead_ins_items():
    from assistant.answer.fan_out import _best_runs
    from assistant.answer.passages import Passage

    texts = [["Căn cứ Nghị định số 93/2001/NĐ-CP;", "Xét Tờ trình số 4189;"],
             ["Điều 1. Nâng mức trợ cấp như sau:", "- Định suất cơ bản lên 240.000 đồng/người/tháng;",
              "- Định suất nuôi dưỡng lên 500.000 đồng/người/tháng;", "Điều 2. Giao Sở Tài chính lập thủ tục."]]
    found = [[Passage(text, text) for text in chunk] for chunk in texts]
    # Three passages, the third a lead-in whose items come with it.
    assert _best_runs(found, [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)], 3) == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)]
    assert _best_runs(found, [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)], 2) == [(0, 0), (0, 1)]
    # Passages that merely follow one another are counted one by one.
    assert _best_runs(found, [(1, 1), (1, 2), (1, 3), (0, 0)], 2) == [(1, 1), (1, 2)]


def test_the_one_numbered_category_a_question_asks_of_must_be_named_by_the_passage_that_answers():
    label = asked_label("nhom doi tuong so 2 nguoi hoat dong cach mang truoc 1945 duoc tang qua muc")
    assert label.search("nhom doi tuong so 2: 500.000 dong") and not label.search("nhom doi tuong so 6: 400.000 dong")
    assert not asked_label("huan chuong khang chien hang ii").search("huan chuong khang chien hang i")
    # Several named, or none: asked across them, no one required.
    assert asked_label("muc tro cap dieu 4 va dieu 6") is None and asked_label("nhom 1 va nhom 2") is None
    assert asked_label("ty le xa dat tieu chi giai doan 2026-2030") is None
