"""Questions as citizens and staff type them, over central bodies' documents of the CongBot set (a real index
of five of them): who asks and for whom, the province they live in, a time limit asked as a length of time.
The questions are written for this test, not taken from the set."""

from __future__ import annotations

import json

import pytest

from assistant.answer.chain import AnswerChain
from assistant.evaluation.independent import source_name
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest
from assistant.models.generators import ExtractiveGenerator

from conftest import make_settings

DOCUMENTS = ["63_2010_NĐ_CP", "48_2013_NĐ_CP", "101_2018_TT_BTC", "5115_2018_CV_LĐTBXH-KHTC", "49_2012_QĐ_UBND"]
VISITS = source_name("congbot/101_2018_TT_BTC")
PUBLISHING = source_name("congbot/48_2013_NĐ_CP")


@pytest.fixture(scope="module")
def chain(tmp_path_factory, seed_index) -> AnswerChain:
    settings = make_settings(tmp_path_factory.mktemp("citizen-index"))
    folder = tmp_path_factory.mktemp("citizen-documents")
    with (settings.extra_corpus_dir / "congbot_documents.jsonl").open(encoding="utf-8") as records:
        for record in map(json.loads, records):
            if record["id"] in DOCUMENTS:
                (folder / source_name(f"congbot/{record['id']}")).write_text(record["text"], "utf-8")
    assert len(list(folder.iterdir())) == len(DOCUMENTS)
    index = SearchIndex(settings, embedder=seed_index.embedder)
    ingest([folder], index, progress=False)
    return AnswerChain(index, lambda: ExtractiveGenerator())


@pytest.mark.parametrize("question", [
    # The asker's family and home province frame the question; a circular of the Ministry of Finance answers it.
    "Mẹ tôi ở Nghệ An là thân nhân liệt sĩ, muốn đi thăm viếng mộ liệt sĩ thì được hỗ trợ tiền tàu xe bao nhiêu ạ?",
    "me toi la than nhan liet si, cho toi hoi di tham vieng mo liet si duoc ho tro tien tau xe the nao",
    # A story told over sentences and two provinces: no word pair spans two sentences, and the provinces are
    # judged by where the documents hold (a circular holds in every one), not as words the passage lacks.
    "Ngày xưa ông nội tôi đi thanh niên xung phong. Bây giờ tôi muốn đưa bà nội từ Cần Thơ ra thăm mộ liệt sĩ của "
    "bác tôi ở Quảng Trị. Nhà nước có hỗ trợ tiền đi lại không?",
])
def test_a_question_framed_by_who_asks_is_answered_from_the_document_that_holds_it(chain, question):
    answer = chain.ask(question)
    assert not answer.declined
    assert answer.citations[0].source == VISITS
    assert "2.000 đồng/km" in answer.answer


@pytest.mark.parametrize("question", [
    "Thời hạn phải công bố thủ tục hành chính mới ban hành là mấy ngày?",
    "Văn bản có thủ tục hành chính mới thì trong thời hạn bao lâu phải công bố?",
])
def test_a_time_limit_asked_as_a_length_of_time_is_answered_by_one(chain, question):
    answer = chain.ask(question)
    assert not answer.declined
    assert PUBLISHING in {c.source for c in answer.citations}
    assert "ngày làm việc" in answer.answer


def test_a_central_letter_to_named_provinces_does_not_answer_for_another(chain):
    # The ministry's letter lets seven provinces pay through the post office; Nghệ An is not one of them.
    assert chain.ask("Tỉnh Nghệ An bắt đầu chi trả trợ cấp người có công qua hệ thống Bưu điện từ ngày nào?").declined
    assert not chain.ask("Tỉnh Quảng Trị bắt đầu chi trả trợ cấp người có công qua hệ thống Bưu điện từ ngày nào?"
                         ).declined


def test_a_province_typed_by_another_name_is_asked_of_the_documents_it_issued(chain):
    # Ho Chi Minh City's decision on paying allowances writes the city in full; the question calls it TP.HCM.
    answer = chain.ask("Ở TP.HCM, người có công không tự đến nhận trợ cấp được thì người nhà nhận thay cần giấy tờ gì?")
    assert not answer.declined
    assert answer.citations[0].source == source_name("congbot/49_2012_QĐ_UBND")
    assert "giấy ủy quyền" in answer.answer
