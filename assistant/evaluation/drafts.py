"""Draft scores (`assistant eval --drafts`), per set and half, held-out first, per generator:

- the draft score: share of `must_have` strings and `computed` values present, zero when a `must_not` string
  appears (compared folded and whole-word, so a missing mark is not a miss, and dates with their leading zeros,
  so that the decree's 30/9/2027 is the 30/09/2027 a request types);
- right type and scope: the document type and scope the drafter says it read, against the item's (items that
  give them: the independent set);
- OCR residue: drafts holding a leftover OCR symbol or a marked word no training text wrote (the restorer's
  `ocr_slips`), or a word that is neither a Vietnamese syllable, a code, a number nor a word of the
  instruction (`Klem`), outside placeholders;
- budget arithmetic: budget items whose every line amount, total and total in words are in the draft;
- draft time p50 / p95.

Items without a `split` are the dev set. Held-out items are measured and summed up, never listed: their rows
stay out of the report, so that nobody reads them to tune the drafter."""

from __future__ import annotations

import re
from pathlib import Path

from ..draft.dates import SLASHED_DATE
from ..draft.drafter import Drafter
from ..index.search_index import SearchIndex
from ..models.generators import get_generator
from ..vietnamese.folding import collapse_ws, fold
from ..vietnamese.language import WORD, is_code, is_syllable
from ..vietnamese.restorer import Restorer, get_restorer, ocr_slips
from ..config import PROJECT_ROOT
from .common import load_questions, percentile, timed

DRAFT_SETS = [PROJECT_ROOT / "eval" / "drafts.jsonl", PROJECT_ROOT / "eval" / "independent" / "drafts.jsonl"]
HALVES = ("heldout", "tuning", "dev")  # the order of the report: held-out first
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_ROMAN = re.compile(r"[IVX]+")


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def computed_strings(computed: dict) -> tuple[list[str], bool]:
    """The values a correct draft must show for a `computed` item, and whether they are budget arithmetic:
    each line's amount, the total and the total in words; each indicator row's cells; each agenda slot."""
    lines = computed.get("lines") or computed.get("sources") or []
    if lines:
        wanted = [money(line["amount"]) for line in lines] + [money(computed["total"])]
        return wanted + ([computed["total_in_words"]] if computed.get("total_in_words") else []), True
    if rows := computed.get("rows"):
        return [cell for row in rows for cell in row], False
    return [when for when, *_ in computed.get("items", [])], False


def _dates_padded(text: str) -> str:
    """Dates with both leading zeros: the decree on official documents writes 30/9/2027 where a user types
    30/09/2027; it is the same date."""
    return SLASHED_DATE.sub(lambda m: f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}", text)


def _found(text: str, wanted: str) -> bool:
    return _dates_padded(collapse_ws(fold(wanted))) in text


def _leaked(text: str, unwanted: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_dates_padded(collapse_ws(fold(unwanted))))}(?!\w)", text) is not None


def residue(draft: str, instruction: str, restorer: Restorer) -> list[str]:
    """What in a draft reads as OCR damage and was not typed by the user."""
    asked = {fold(w) for w in WORD.findall(instruction)}
    body = _PLACEHOLDER.sub(" ", draft)
    # Single letters are list markers and Roman numerals (V. TỔ CHỨC …), not words.
    odd = [w for w in WORD.findall(body) if len(w) > 1 and w.isalpha() and not is_code(w) and not is_syllable(w)
           and not _ROMAN.fullmatch(w) and fold(w) not in asked]
    # What the user typed (Sở KH&CN, H5N1) is no residue, however it looks.
    return [w for w in list(dict.fromkeys(ocr_slips(body, restorer) + odd))
            if fold(w) not in asked and w not in instruction]


def score_item(item: dict, result, seconds: float, restorer: Restorer) -> dict:
    text = _dates_padded(collapse_ws(fold(result.draft)))
    computed, budget = computed_strings(item.get("computed") or {})
    wanted = item["must_have"] + computed
    missing = [m for m in wanted if not _found(text, m)]
    leaked = [m for m in item["must_not"] if _leaked(text, m)]
    typed = "doc_type" in item
    return {"id": item["id"], "split": item.get("split", "dev"), "doc_type": item.get("doc_type"),
            "scope": item.get("scope"), "language": item.get("language"), "read": [result.doc_type, result.scope],
            "right_type_scope": (result.doc_type, result.scope) == (item["doc_type"], item["scope"]) if typed else None,
            "score": 0.0 if leaked else round(1 - len(missing) / len(wanted), 3), "missing": missing,
            "leaked": leaked, "residue": residue(result.draft, item["instruction"], restorer),
            "budget_exact": (not any(m in computed for m in missing)) if budget else None,
            "seconds": round(seconds, 3), "mode": result.mode, "warnings": result.warnings}


def summary(rows: list[dict]) -> dict:
    budgets = [r["budget_exact"] for r in rows if r["budget_exact"] is not None]
    typed = [r["right_type_scope"] for r in rows if r["right_type_scope"] is not None]
    seconds = [r["seconds"] for r in rows]
    return {"n": len(rows), "score": round(sum(r["score"] for r in rows) / len(rows), 3),
            "right_type_scope": round(sum(typed) / len(typed), 3) if typed else None,
            "with_residue": round(sum(bool(r["residue"]) for r in rows) / len(rows), 3),
            "stale_items": sum(bool(r["leaked"]) for r in rows), "budget_exact": f"{sum(budgets)}/{len(budgets)}",
            "p50_seconds": round(percentile(seconds, 0.5), 2), "p95_seconds": round(percentile(seconds, 0.95), 2)}


def draft_rows(drafter: Drafter, items: list[dict], restorer: Restorer) -> tuple[list[dict], dict[str, str]]:
    """Each item drafted and scored, with the drafts by id."""
    if items:
        drafter.build(items[0]["instruction"])  # warm-up: the restorer and the index load once, untimed
    rows, drafts = [], {}
    for item in items:
        (result, _), seconds = timed(drafter.build, item["instruction"])
        rows.append(score_item(item, result, seconds, restorer))
        drafts[item["id"]] = result.draft
    return rows, drafts


def evaluate_drafts(index: SearchIndex, paths: list[Path], generators: list[str]) -> dict:
    """Per generator: a summary per half (held-out, tuning, dev) and the rows of the halves one may read."""
    items = [item for path in paths for item in load_questions(path)]
    restorer = get_restorer(index.settings.restorer_params)
    results = {}
    for name in generators:
        generator = get_generator(index.settings.model_copy(update={"llm": name}))
        rows, _ = draft_rows(Drafter(index, lambda: generator), items, restorer)
        halves = {half: summary(subset) for half in HALVES if (subset := [r for r in rows if r["split"] == half])}
        results[name] = {"generator": generator.mode, "note": generator.note, "halves": halves,
                         "items": [r for r in rows if r["split"] != "heldout"]}
    return {"drafts": results}


def format_draft_report(report: dict) -> str:
    lines = []
    for name, d in report["drafts"].items():
        lines.append(f"drafts ({name} → {d['generator']})" + (f"; {d['note']}" if d["note"] else ""))
        for half, s in d["halves"].items():
            typed = f"right type+scope {s['right_type_scope']:.3f}  " if s["right_type_scope"] is not None else ""
            lines.append(f"  {half:<8} n {s['n']:>2}  score {s['score']:.3f}  {typed}with OCR residue "
                         f"{s['with_residue']:.3f}  stale {s['stale_items']}  budget exact {s['budget_exact']}  "
                         f"p50 {s['p50_seconds']:.2f} s  p95 {s['p95_seconds']:.2f} s")
        lines.append("  items of the tuning half and the dev set (held-out items are measured, not shown):")
        for r in d["items"]:
            detail = "; ".join(filter(None, [r["leaked"] and f"stale: {', '.join(r['leaked'])}",
                                             r["missing"] and f"missing: {', '.join(r['missing'])}",
                                             r["residue"] and f"residue: {', '.join(r['residue'][:8])}"]))
            read = f" read {'/'.join(r['read'])}" + ("" if r["right_type_scope"] in (True, None) else " (WRONG)")
            lines.append(f"    {r['id']} {r['split']} {r['score']:.3f} {r['seconds']:.2f} s{read}"
                         + (f"  ({detail})" if detail else ""))
    return "\n".join(lines)
