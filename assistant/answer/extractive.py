"""The passages that answer a question best, and the extractive answer that quotes them.

Passages are scored by the question's IDF-weighted content words (or, for an English question, which shares
no words with Vietnamese text, by the embedder's similarity). Every passage close to the best is kept (the
items of a list score alike), a passage that states the kind of fact asked for (a date, a number, a place)
counts more, and a lead-in ending in ':' brings what follows. The LLM reads the same ranking (llm_context.py).
"""

from __future__ import annotations

import re

from ..config import Settings
from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..retrieve.continuation import asks_for_list
from ..vietnamese.asked_labels import PLACE_ASKED, PLACE_LABEL, TIME_ASKED, TIME_LABEL
from ..vietnamese.folding import fold
from ..vietnamese.glossary import vietnamese_in_english
from ..vietnamese.language import language_of
from ..vietnamese.patterns import BULLET, ITEM_START
from ..vietnamese.tokens import content_tokens
from .asking import asks
from .declining import asked_fillers, filler_shape
from .passages import Passage, passages

_NUMBER = re.compile(r"\d")
# What kind of fact a question asks for, how a passage that states one looks (folded), and the label the house
# style prints it under (`Thời gian: Ngày 04/11/2022`, `Địa điểm: …`), which answers "ngày nào", "ở đâu".
_ANSWER_TYPES = (
    (TIME_ASKED, re.compile(r"\d{1,2}/\d{1,2}|\d{1,2}h|\bgio\b|\bngay \d"), fold(TIME_LABEL)),
    (re.compile(r"\b(bao nhieu|may|how (many|much)|ty le|so luong|total|budget)\b"), _NUMBER, ""),
    (PLACE_ASKED, re.compile(r"\b(dia diem|tai|tru so|hoi truong|diem cau)\b"), fold(PLACE_LABEL)),
)

# What opens a list item: `1.`, `1.1.`, `a)`, a bullet.
_ITEM_MARK = re.compile(r"^\s*(\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•*])\s")
# A paragraph that opens with who or what it is about, then a colon and what it says of them: "b) UBND các huyện,
# thành phố Long Khánh, Biên Hoà: Trên cơ sở … ; chuẩn bị các nội dung …". The label is short, the text runs on.
_LABELLED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•*])?\s*[^:]{3,90}:\s+\S")
# (chunk position, passage position) in the retrieved chunks.
Position = tuple[int, int]


def _scores(index: SearchIndex, settings: Settings, question: str, candidates: list[str], contexts: list[str],
            language: str, focus: str | None = None) -> list[float]:
    """How well each passage matches. A word found only in the passage's title and section path counts
    `extract_context_share` as much: `Địa điểm: Trụ sở …` answers where the meeting its document is about
    takes place, though the passage itself does not name the meeting. A word outside `focus` (what is asked of
    a document named by number, its naming words out) counts `extract_naming_share` as much."""
    if language == "en":
        return index.similarities(question, candidates)
    focused = content_tokens(focus, language) if focus else None
    naming = settings.extract_naming_share
    # Sorted: summed in one order, equal scores stay equal from run to run (sets iterate by string hash).
    weights = {t: index.idf(t) * (1.0 if focused is None or t in focused else naming)
               for t in sorted(content_tokens(question, language))}
    share = settings.extract_context_share
    scores = []
    for text, context in zip(candidates, contexts):
        own, around = content_tokens(text, language), content_tokens(context, language)
        scores.append(sum(w if t in own else share * w if t in around else 0.0 for t, w in weights.items()))
    return scores


def _share(weights: dict[str, float], tokens: set[str]) -> float:
    """The weighted share of the weighted tokens found among `tokens`."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in tokens) / total if total else 0.0


def _vietnamese_shares(index: SearchIndex, question: str, texts: list[str]) -> list[float]:
    """The IDF-weighted share of the Vietnamese an English question holds found in each text; none when it holds none."""
    said = {t: index.idf(t) for t in sorted(content_tokens(vietnamese_in_english(question), "vi"))}
    return [_share(said, content_tokens(text, "vi")) for text in texts] if sum(said.values()) else []


def _prints_own_number(index: SearchIndex, chunks: list[Chunk]) -> list[re.Pattern | None]:
    """For each chunk that opens its document, a pattern for the document's number and symbol as printed (folded,
    spaces loose)."""
    numbers = {card.source: card.printed_number for card in index.cards()}
    # Its parts loosely joined: an OCR'd header prints "Sở:469 [TB-VP" for 469/TB-VP. The header opens the
    # document: an annex "kèm theo Thông tư số 101/2018/TT-BTC" further on is body.
    return [re.compile(r"\W{0,3}".join(map(re.escape, re.split(r"[\s/]+", fold(number).strip()))))
            if (number := numbers.get(chunk.source)) and chunk.position == 0 else None for chunk in chunks]


def _wanted_shapes(question: str) -> list[re.Pattern]:
    """How a passage stating what the question asks for looks (folded). A filler of a finer kind is looked for by
    its own shape: "bao nhiêu tiền" by an amount in đồng, not by any digit (a decision's number has digits too)."""
    folded = fold(question)
    fillers = [filler_shape(kind, question) for kind in asked_fillers(question)]
    return [shape for asks, shape, _ in _ANSWER_TYPES if asks.search(folded) and not (fillers and shape is _NUMBER)] + fillers


def best_passages(index: SearchIndex, settings: Settings, question: str, chunks: list[Chunk],
                  focus: str | None = None, named: bool = False) -> tuple[list[list[Passage]], list[Position]]:
    """The passages of each chunk, and the positions of those that match the question best, best first, a
    lead-in directly followed by its items. `focus`: the words that ask, when the others name the document;
    `named`: the question names the documents by number and asks of their body, not their header."""
    tokens = content_tokens(question)
    wanted = _wanted_shapes(question)
    labels = " ".join(label for asks, _, label in _ANSWER_TYPES if asks.search(fold(question)))
    found = [passages(chunk) for chunk in chunks]
    # A passage that only repeats the question (a heading) tells nothing; nor, asked of a document named by its
    # number, the header that prints that number (it matches every word naming the document), unless it states
    # the kind of fact asked (an OCR'd header runs on into "Ngày 04/11/2025, … làm việc với Sở Y tế") or most
    # of what is asked (its title: "thực hiện chương trình hành động nào").
    own = _prints_own_number(index, chunks) if named else [None] * len(chunks)
    asked = {t: index.idf(t) for t in sorted(content_tokens(focus or question))} if named else {}
    headers = {(n, order) for n, ps in enumerate(found) for order, p in enumerate(ps)
               if own[n] and (own[n].search(fold(p.text)) or own[n].search(fold(p.original)))
               and not any(shape.search(fold(p.text)) for shape in wanted)
               and _share(asked, content_tokens(p.text) | content_tokens(p.original)) < settings.extract_header_asked_share}
    candidates = [(n, order) for n, ps in enumerate(found) for order, p in enumerate(ps)
                  if len((content_tokens(p.text) | content_tokens(p.original)) - tokens) >= 2 and (n, order) not in headers]
    if not candidates:
        return found, []
    language = language_of(question)
    contexts = [" ".join((c.title, c.section)) for c in chunks]
    scores = _scores(index, settings, f"{question} {labels}",
                     [found[n][o].text + " " + found[n][o].original for n, o in candidates],
                     [contexts[n] for n, _ in candidates], language, focus and f"{focus} {labels}")
    boost = settings.extract_type_boost
    scored = sorted(((score * (boost if any(s.search(fold(found[n][o].text)) for s in wanted) else 1.0), -n, -o)
                     for (n, o), score in zip(candidates, scores)), reverse=True)
    keep = settings.extract_keep_share if language == "vi" else settings.extract_keep_share_dense
    best = [(-n, -o) for score, n, o in scored if score > 0 and score >= scored[0][0] * keep]
    best = best[: settings.extract_sentences]
    if language == "en":
        # The embedder compares across languages and misses what the question says in Vietnamese ("(khoa chuyên
        # môn)", the glossary's "Trung tâm Kiểm soát bệnh tật"): the passage that holds most of it is quoted too.
        shares = _vietnamese_shares(index, question, [found[n][o].text for n, o in candidates])
        top = max(range(len(candidates)), key=lambda m: shares[m]) if shares else None
        if top is not None and shares[top] >= settings.extract_english_lexical and candidates[top] not in best:
            best.append(candidates[top])
    # A question that asks several things is answered for each: the passage a later ask needs can score far below
    # what the whole question matches best ("mức chi bao nhiêu, điều dưỡng kéo dài bao lâu").
    for ask in asks(question)[1:] if len(asks(question)) > 1 else []:
        ask_labels = " ".join(label for matches, _, label in _ANSWER_TYPES if matches.search(fold(ask)))
        ask_shapes = _wanted_shapes(ask)
        ask_scores = _scores(index, settings, f"{question} {ask_labels}" if language == "vi" else ask,
                             [found[n][o].text + " " + found[n][o].original for n, o in candidates],
                             [contexts[n] for n, _ in candidates], language, f"{ask} {ask_labels}")
        top = max(((score * (boost if any(s.search(fold(found[n][o].text)) for s in ask_shapes) else 1.0), -n, -o)
                   for (n, o), score in zip(candidates, ask_scores)), default=None)
        if top and top[0] > 0 and (-top[1], -top[2]) not in best:
            best.append((-top[1], -top[2]))
    picked: dict[Position, None] = {}
    listing = asks_for_list(question)
    for n, order in best:
        picked[(n, order)] = None
        picked.update(dict.fromkeys((n, o) for o in labelled_item(found[n], order, settings.extract_list_items)))
        items = list_after(found[n], order, settings.extract_list_items, _heading(chunks[n]))
        picked.update(dict.fromkeys((n, o) for o in items))
        if listing:
            picked.update(dict.fromkeys((n, o) for o in siblings(found[n], order, settings.extract_list_items)))
            clauses = enumeration(found[n], order, settings.extract_list_items)
            picked.update(dict.fromkeys((n, o) for o in clauses))
            before = _chunk_before(chunks, n)
            if clauses.start == 0 and before is not None and found[before] and found[before][-1].text.rstrip().endswith(";"):
                # The enumeration began in the chunk before, which the chunker cut from it.
                last = len(found[before]) - 1
                picked.update(dict.fromkeys((before, o) for o in enumeration(found[before], last, settings.extract_list_items)))
            if _marker(found[n][order].text):  # an item: the items of its section's other chunks too
                root = chunks[n].metadata.get("section_of", chunks[n].id)
                mates = [(m, o) for m, chunk in enumerate(chunks) if m != n and root in (chunk.id, chunk.metadata.get("section_of"))
                         for o in range(len(found[m])) if _marker(found[m][o].text)]
                picked.update(dict.fromkeys(mates[:settings.extract_list_items]))
        if order == len(found[n]) - 1 and found[n][order].text.rstrip().endswith(":"):
            # The lead-in ends its chunk: its items are the chunks that carry on its list (continuation.py).
            carried = [(m, o) for m, chunk in enumerate(chunks) if chunk.metadata.get("continues") == chunks[n].id
                       for o in range(len(found[m]))]
            picked.update(dict.fromkeys(carried[:settings.extract_list_items]))
    return found, [position for position in picked if position not in headers]


def _chunk_before(chunks: list[Chunk], n: int) -> int | None:
    """Which of the chunks stands right before the n-th in its document, if one does."""
    return next((m for m, chunk in enumerate(chunks)
                 if chunk.source == chunks[n].source and chunk.position == chunks[n].position - 1), None)


def _heading(chunk: Chunk) -> str:
    """The chunk's own heading, folded and without its numbering: the last part of its section path."""
    return fold(ITEM_START.sub("", chunk.section.split(" > ")[-1])).strip(" :")


def list_after(found: list[Passage], order: int, most: int, heading: str = "") -> range:
    """The items a lead-in introduces: what follows it in its chunk, up to the next lead-in that comes after an
    item (a new list) and at most `most` passages. A lead-in ends in ':' or is the chunk's heading (`4.2. Điểm
    cầu các đơn vị trực thuộc` over its bullets)."""
    text = found[order].text.rstrip()
    own = fold(ITEM_START.sub("", text)).strip(" :")
    if not (text.endswith(":") or (heading and own and own in heading)):
        return range(0)
    end = order + 1
    while end < len(found) and end - order <= most:
        if end > order + 1 and found[end].text.rstrip().endswith(":"):
            break
        end += 1
    return range(order + 1, end)


def labelled_item(found: list[Passage], order: int, most: int) -> range:
    """The sentences of a labelled paragraph a quoted sentence stands in: what follows the label is all said of
    it, and a sentence alone cuts the unit's task in half. At most `most` passages."""
    item = found[order].item
    start = order
    while start > 0 and found[start - 1].item == item:
        start -= 1
    if not _LABELLED.match(found[start].text):
        return range(0)
    end = order
    while end + 1 < len(found) and found[end + 1].item == item and end + 1 - start < most:
        end += 1
    return range(start, end + 1)


def _marker(text: str) -> tuple[str, int | None] | None:
    """The kind of item a passage opens and its place in the list: `2.` is (number1, 2), `1.2.` (number2, 2),
    `b)` (letter, 2); a bullet has no place."""
    match = _ITEM_MARK.match(text)
    if not match:
        return None
    mark = match.group(1)
    if mark.endswith(")"):
        return "letter", "abcdđefghiklmnopqrstuvxy".find(mark[0].lower()) + 1
    if mark[0].isdigit():
        parts = mark.rstrip(".").split(".")
        return f"number{len(parts)}", int(parts[-1])
    return mark[0], None


def siblings(found: list[Passage], order: int, most: int) -> range:
    """The items of the list a quoted item stands in: asked for a list, one item found ("2. Phòng Kế hoạch -
    Nghiệp vụ") is the list's other items missed. Numbered and lettered items follow on in order (1, 2, 3), the
    lines and sub-items of each between them; bullets of one kind run until a new lead-in (':'). At most
    `most` passages."""
    mark = _marker(found[order].text)
    if mark is None:
        return range(0)
    kind, place = mark

    def scan(step: int) -> int:
        edge, at, expected = order, order + step, None if place is None else place + step
        while 0 <= at < len(found) and abs(at - order) < most:
            other = _marker(found[at].text)
            if other and other[0] == kind:
                if other[1] != expected:
                    break
                edge, expected = at, None if expected is None else expected + step
            elif place is None and found[at].text.rstrip().endswith(":"):
                break
            at += step
        return edge

    return range(scan(-1), scan(1) + 1)


def enumeration(found: list[Passage], order: int, most: int) -> range:
    """The clauses of the enumeration a quoted passage stands in: "Quyết định số 58/2008/QĐ-BGDĐT …; Quyết định
    số 1221/2000/QĐ-BYT …; … bị bãi bỏ" lists its items between semicolons, each a passage of its own. At most
    `most` passages on each side."""
    start = order
    while start > 0 and order - start < most and found[start - 1].text.rstrip().endswith(";"):
        start -= 1
    end = order
    while end < len(found) - 1 and end - order < most and found[end].text.rstrip().endswith(";"):
        end += 1
    return range(start, end + 1)


def quoted(found: list[list[Passage]], positions: list[Position]) -> str:
    """Passages in reading order, quoted and marked with their chunk; a passage a copy of the document already gave
    (the same decision filed twice) is quoted once."""
    lines = {}
    for n, o in sorted(positions):
        lines.setdefault(BULLET.sub("", found[n][o].text).rstrip(), n)
    return "\n".join(f"- {text} [{n + 1}]" for text, n in lines.items())
