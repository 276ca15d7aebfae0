"""The seeds as .txt, as Word files and as PDFs: the same dev-set figures and the same parse whatever the format.

    python benchmarks/formats.py [--work DIR] [--seeds corpus]

tests/formats.py builds the Word files (header as a two-column table, Word auto-numbering) and LibreOffice prints
them as PDFs, in a temporary folder (never in the repository). Each format is ingested into a data folder of
its own and scored as `assistant eval --modes hybrid --answers extractive` scores the bundled corpus, with the
questions' source files renamed to the format's suffix. Then, seed by seed, which parts of the parse
(metadata, section paths, chunk texts, tasks, card fields; whitespace collapsed) differ from the .txt's, and
between .docx and .pdf. Figures: eval/RESULTS.md ("Formats").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from assistant.config import PROJECT_ROOT, Settings, offline_environment
from assistant.evaluation import evaluate, load_questions
from assistant.index.search_index import SearchIndex
from assistant.ingest.pipeline import ingest

sys.path.insert(0, str(PROJECT_ROOT / "tests"))
from formats import convert_seeds, parse_of  # noqa: E402

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
FORMATS = ("txt", "docx", "pdf")


def _questions(suffix: str, out: Path) -> Path:
    """The dev set with each question's source file named as in this format."""
    rows = [{**q, "source": q["source"] and f"{Path(q['source']).stem}.{suffix}"} for q in load_questions(QUESTIONS)]
    out.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows), encoding="utf-8")
    return out


def figures(folders: dict[str, Path], work: Path) -> dict[str, dict]:
    embedder = None
    found = {}
    for suffix in FORMATS:
        settings = Settings(data_dir=work / f"data-{suffix}", corpus_dir=folders[suffix], llm="extractive")
        index = SearchIndex(settings, embedder=embedder)
        embedder = index.embedder
        report = ingest([folders[suffix]], index, progress=False)
        print(report.summary(), file=sys.stderr)
        text, found[suffix] = evaluate(index, _questions(suffix, work / f"questions-{suffix}.jsonl"), "hybrid",
                                       "extractive", QUESTIONS, "")
        print(f"--- {suffix}\n{text}\n", file=sys.stderr)
    return found


def parse_differences(folders: dict[str, Path]) -> list[str]:
    settings = Settings()
    lines = []
    for seed in sorted(folders["txt"].glob("*.txt")):
        parses = {suffix: parse_of(folders[suffix] / f"{seed.stem}.{suffix}", settings) for suffix in FORMATS}
        for a, b in (("txt", "docx"), ("txt", "pdf"), ("docx", "pdf")):
            differ = [part for part in parses[a] if parses[a][part] != parses[b][part]]
            lines.append(f"{seed.stem[:3]} {a} vs {b}: {', '.join(differ) or 'same'}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, help="keep the converted seeds and data folders here")
    parser.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "corpus")
    args = parser.parse_args()
    offline_environment()
    with tempfile.TemporaryDirectory() as temp:
        work = args.work or Path(temp)
        folders = convert_seeds(args.seeds, work / "seeds")
        found = figures(folders, work)
        print(f"{'format':<7} {'facts':>6} {'sources':>8} {'declines':>9} {'cited ok':>9} {'evidence@4':>11} "
              f"{'source@4':>9}")
        for suffix, report in found.items():
            answers, hybrid = report["answers"]["extractive"], report["configs"]["hybrid"]["all"]
            print(f"{suffix:<7} {answers['fact_recall']:>6.3f} {answers['source_recall']:>8.3f} "
                  f"{answers['decline_accuracy']:>9.3f} {answers['citations_verified']:>9.3f} "
                  f"{hybrid['evidence@4']:>11.3f} {hybrid['source@4']:>9.3f}")
        print("\n".join(parse_differences(folders)))


if __name__ == "__main__":
    main()
