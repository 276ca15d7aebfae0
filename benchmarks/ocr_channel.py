"""Learn the restorer's OCR channel (assistant/vietnamese/data/ocr_channel.tsv and ocr_letters.tsv): passages of
../shared/corpus-extra (CongBot's administrative documents and Pháp điển's legal ones; never the seeds, nor the
documents benchmarks/ocr.py holds out) typeset
one page each by tests/scans.py, scanned badly (150 or 200 dpi, skew, speckle) and read by Tesseract's English
model, which loses marks and swaps letters as the OCR of the seeds did. Each page's words are aligned with its
OCR tokens (channel_training.py). 389 pages: about 40 minutes on two busy cores.

    python benchmarks/ocr_channel.py [--pages 40] [--keep pages.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.config import PROJECT_ROOT, get_settings
from assistant.vietnamese.channel_training import aligned_words, learn, learn_letters, write_tables

sys.path.insert(0, str(PROJECT_ROOT / "tests"))
from ocr import HELD_OUT  # noqa: E402
from scans import degrade, render_pages  # noqa: E402

SOURCES = ["congbot_documents.jsonl", "phapdien_documents.jsonl"]
SEEDS = [20261129, 7, 11, 13, 17]  # five draws of passages and scans
PASSAGE_CHARS = 4000
MIN_TOKEN_COUNT = 2  # a token read for a word fewer times may be a misalignment
MIN_LETTER_COUNT, MIN_LETTER_SHARE = 5, 0.005


def pages(extra: Path, per_source: int) -> list[dict]:
    out = []
    for draw, seed in enumerate(SEEDS):
        for source in SOURCES:
            docs = [json.loads(line) for line in (extra / source).open(encoding="utf-8")]
            rng = random.Random(seed)
            for k, i in enumerate(rng.sample(range(len(docs)), per_source)):
                text = docs[i]["text"]
                start = rng.randrange(0, max(1, len(text) - PASSAGE_CHARS))
                start = text.rfind("\n", 0, start) + 1
                dpi = rng.choice([150, 200])
                skew, speckle = rng.choice([0.3, 1.0]), rng.choice([0.005, 0.01, 0.02])
                if docs[i]["id"] in HELD_OUT:
                    continue
                typeset, clean = render_pages(text[start:start + PASSAGE_CHARS], dpi, max_pages=1)
                scan = degrade(typeset[0], seed=k + 1000 * draw, skew_degrees=skew, speckle=speckle)
                with tempfile.TemporaryDirectory() as tmp:
                    scan.save(f"{tmp}/page.png")
                    ocr = subprocess.run(["tesseract", f"{tmp}/page.png", "-", "-l", "eng"], capture_output=True,
                                         text=True, check=True).stdout
                out.append({"source": source, "doc": i, "dpi": dpi, "clean": clean, "ocr": ocr})
                print(f"{source} {k + 1}/{per_source}", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=40, help="pages per source and draw")
    parser.add_argument("--keep", type=Path, help="also write the pages (typeset text and OCR) as JSON lines")
    args = parser.parse_args()
    read = pages(get_settings().extra_corpus_dir, args.pages)
    if args.keep:
        args.keep.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in read), encoding="utf-8")
    pairs = [pair for page in read for pair in aligned_words(page["clean"], page["ocr"])]
    table = learn(pairs, MIN_TOKEN_COUNT)
    letters = learn_letters(pairs, MIN_LETTER_COUNT, MIN_LETTER_SHARE)
    write_tables(table, letters)
    print(f"{len(read)} pages, {len(pairs)} aligned words: {sum(map(len, table.values()))} token readings, "
          f"{len(letters)} letter confusions")


if __name__ == "__main__":
    main()
