"""The drafter on the independent drafting set (`eval/independent/drafts.jsonl`): every instruction is drafted
(extractive by default: no LLM) and scored per half, held-out first:

- draft score: share of `must_have` strings and `computed` values present, zero when a `must_not` string
  appears (compared folded and whole-word, as `assistant eval --drafts` does);
- right type and scope: the document type and scope the drafter says it read, against the item's;
- OCR residue: drafts holding a leftover OCR symbol or a marked word no training text wrote (restorer's
  `ocr_slips`), or a word that is neither a Vietnamese syllable, a code, a number nor a word of the
  instruction (`Klem`), outside placeholders;
- budget arithmetic: budget items whose every line amount, total and total in words are in the draft;
- draft time p50 / p95.

    python eval/independent_drafts.py [--generator extractive] [--data DIR] [--report OUT.json] [--show ID,...]

It only measures. Rules and wording are chosen on the tuning half; held-out failures are not read to fix them.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import percentile
from assistant.serve.service import Assistant
from assistant.vietnamese.folding import collapse_ws, fold
from assistant.vietnamese.language import WORD, is_code, is_syllable
from assistant.vietnamese.restorer import get_restorer, ocr_slips

ITEMS = PROJECT_ROOT / "eval" / "independent" / "drafts.jsonl"
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


def _found(text: str, wanted: str) -> bool:
    return collapse_ws(fold(wanted)) in text


def _leaked(text: str, unwanted: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(collapse_ws(fold(unwanted)))}(?!\w)", text) is not None


def residue(draft: str, instruction: str, restorer) -> list[str]:
    """What in a draft reads as OCR damage and was not typed by the user."""
    asked = {fold(w) for w in WORD.findall(instruction)}
    body = _PLACEHOLDER.sub(" ", draft)
    # Single letters are list markers and Roman numerals (V. TỔ CHỨC …), not words.
    odd = [w for w in WORD.findall(body) if len(w) > 1 and w.isalpha() and not is_code(w) and not is_syllable(w)
           and not _ROMAN.fullmatch(w) and fold(w) not in asked]
    # What the user typed (Sở KH&CN, H5N1) is no residue, however it looks.
    return [w for w in list(dict.fromkeys(ocr_slips(body, restorer) + odd))
            if fold(w) not in asked and w not in instruction]


def score_item(item: dict, result, seconds: float, restorer) -> dict:
    text = collapse_ws(fold(result.draft))
    computed, budget = computed_strings(item.get("computed") or {})
    wanted = item["must_have"] + computed
    missing = [m for m in wanted if not _found(text, m)]
    leaked = [m for m in item["must_not"] if _leaked(text, m)]
    return {"id": item["id"], "split": item["split"], "doc_type": item["doc_type"], "scope": item["scope"],
            "language": item["language"], "read": [result.doc_type, result.scope],
            "right_type_scope": (result.doc_type, result.scope) == (item["doc_type"], item["scope"]),
            "score": 0.0 if leaked else round(1 - len(missing) / len(wanted), 3), "missing": missing,
            "leaked": leaked, "residue": residue(result.draft, item["instruction"], restorer),
            "budget_exact": (not any(m in computed for m in missing)) if budget else None,
            "seconds": round(seconds, 3), "warnings": result.warnings}


def summary(rows: list[dict]) -> dict:
    budgets = [r["budget_exact"] for r in rows if r["budget_exact"] is not None]
    seconds = [r["seconds"] for r in rows]
    return {"n": len(rows), "score": round(sum(r["score"] for r in rows) / len(rows), 3),
            "right_type_scope": round(sum(r["right_type_scope"] for r in rows) / len(rows), 3),
            "with_residue": round(sum(bool(r["residue"]) for r in rows) / len(rows), 3),
            "budget_exact": f"{sum(budgets)}/{len(budgets)}",
            "p50_seconds": round(percentile(seconds, 0.5), 2), "p95_seconds": round(percentile(seconds, 0.95), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default="extractive")
    parser.add_argument("--data", type=Path, help="an ingested data folder (default: the settings' one)")
    parser.add_argument("--report", type=Path)
    parser.add_argument("--show", default="", help="print these tuning items' drafts (held-out ones are refused)")
    parser.add_argument("--split", choices=("heldout", "tuning"), help="draft one half only (default: both)")
    args = parser.parse_args()
    offline_environment()
    items = [item for line in ITEMS.read_text("utf-8").splitlines() if line.strip()
             and (item := json.loads(line))["split"] in ((args.split,) if args.split else ("heldout", "tuning"))]
    settings = Settings(llm=args.generator, **({"data_dir": args.data} if args.data else {}))
    assistant = Assistant(settings)
    restorer = get_restorer(settings.restorer_params)
    assistant.draft(items[0]["instruction"])  # warm-up: the restorer and the index load once
    rows, drafts = [], {}
    for item in items:
        began = time.perf_counter()
        result, _ = assistant.draft(item["instruction"])
        rows.append(score_item(item, result, time.perf_counter() - began, restorer))
        drafts[item["id"]] = result.draft
    assistant.close()
    report = {split: summary(subset) for split in ("heldout", "tuning")
              if (subset := [r for r in rows if r["split"] == split])}
    for split, s in report.items():
        print(f"{split:<8} n {s['n']}  score {s['score']:.3f}  right type+scope {s['right_type_scope']:.3f}  "
              f"with OCR residue {s['with_residue']:.3f}  budget exact {s['budget_exact']}  "
              f"p50 {s['p50_seconds']:.2f} s  p95 {s['p95_seconds']:.2f} s  ({args.generator})")
    print("\ntuning items (held-out items are measured, not shown):")
    for r in rows:
        if r["split"] == "tuning":
            print(f"  {r['id']} {r['doc_type']}/{r['scope']} read {'/'.join(r['read'])} score {r['score']:.3f}"
                  + (f"; missing {r['missing']}" if r["missing"] else "") + (f"; LEAKED {r['leaked']}" if r["leaked"] else "")
                  + (f"; residue {r['residue'][:8]}" if r["residue"] else ""))
    for wanted in filter(None, args.show.split(",")):
        if next((r for r in rows if r["id"] == wanted and r["split"] == "tuning"), None):
            print(f"\n===== {wanted}\n{drafts[wanted]}")
    if args.report:
        args.report.write_text(json.dumps({"report": report, "rows": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
