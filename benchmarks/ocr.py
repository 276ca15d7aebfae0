"""OCR of scanned pages: syllable accuracy of Tesseract's Vietnamese model, before and after the project's
diacritic restorer, on clean pages scanned at 200 dpi and on noisy, skewed pages at 150 dpi; and the time to
read a 10-page scanned PDF the way the ingest does (pdftoppm, then tesseract, page by page).

    python benchmarks/ocr.py [--pages-per-document 2]
    python benchmarks/ocr.py --bindings   # how to call Tesseract: needs `pip install pytesseract==0.3.13`

The pages are typeset by tests/scans.py from the clean seeds (corpus/002, corpus/004: the restorer was trained
on them) and from administrative documents of ../shared/corpus-extra/congbot_documents.jsonl that the
restorer never saw. Syllable accuracy: the share of the typeset text's syllables (lower-cased, marks kept)
that the OCR'd text has in the same order. Figures: benchmarks/README.md ("OCR").
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from assistant.config import PROJECT_ROOT, Settings
from assistant.ingest.loaders import load_file
from assistant.ingest.loaders.ocr import recognise
from assistant.vietnamese.restorer import get_restorer

sys.path.insert(0, str(PROJECT_ROOT / "tests"))
from scans import degrade, render_pages, scanned_pdf, syllable_accuracy, syllables  # noqa: E402

SEEDS = ["002_63304fc089235397.txt", "004_403f78e958e18f73.txt"]
HELD_OUT = ["1040_2012_CV_LĐTBXH", "12_2012_QĐ_UBND", "1351_2022_QĐ_UBND"]  # a công văn and two QĐ-UBND


def documents(settings: Settings) -> dict[str, str]:
    texts = {name[:3]: (PROJECT_ROOT / "corpus" / name).read_text("utf-8") for name in SEEDS}
    with (settings.extra_corpus_dir / "congbot_documents.jsonl").open(encoding="utf-8") as f:
        records = {r["id"]: r["text"] for r in map(json.loads, f)}
    return texts | {name: records[name] for name in HELD_OUT}


def _pgm(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, "PPM")
    return out.getvalue()


def accuracy(texts: dict[str, str], dpi: int, noisy: bool, per_document: int, settings: Settings) -> None:
    """Pooled syllable accuracy over the documents' first pages, as read and as restored."""
    restorer = get_restorer(settings.restorer_params)
    totals = {"seeds": [0.0, 0.0, 0], "held out": [0.0, 0.0, 0]}
    started, pages = time.perf_counter(), 0
    for name, text in texts.items():
        images, typeset = render_pages(text, dpi, max_pages=per_document)
        if noisy:
            images = [degrade(image, seed=n) for n, image in enumerate(images)]
        read = "\n".join(recognise(_pgm(image), settings, dpi, n + 1) for n, image in enumerate(images))
        weight = len(syllables(typeset))
        group = totals["seeds" if name in {s[:3] for s in SEEDS} else "held out"]
        group[0] += syllable_accuracy(typeset, read) * weight
        group[1] += syllable_accuracy(typeset, restorer.restore(read, force=True)) * weight
        group[2] += weight
        pages += len(images)
    label = f"{dpi} dpi {'noisy, skewed' if noisy else 'clean'}"
    for group, (before, after, weight) in totals.items():
        print(f"{label:<22} {group:<9} {weight:>6} syllables  OCR {before / weight:.3f}  restored {after / weight:.3f}")
    print(f"{label:<22} {pages} pages, {(time.perf_counter() - started) / pages:.2f} s a page (typesetting included)")


def timing(text: str, scan_dpi: int, noisy: bool, settings: Settings) -> None:
    """A 10-page scanned PDF (the documents one after the other: repeated text would mislead the alignment)
    read as the ingest reads it."""
    images, typeset = render_pages(text, scan_dpi, max_pages=10)
    if noisy:
        images = [degrade(image, seed=n) for n, image in enumerate(images)]
    with tempfile.TemporaryDirectory() as folder:
        path = scanned_pdf(images, Path(folder) / "scan.pdf", scan_dpi)
        started = time.perf_counter()
        loaded = load_file(path, settings)
        seconds = time.perf_counter() - started
    print(f"10-page PDF scanned at {scan_dpi} dpi{', noisy, skewed,' if noisy else ''} (ASSISTANT_OCR_DPI={settings.ocr_dpi}): "
          f"{seconds:.1f} s ({seconds / loaded.ocr_pages:.2f} s a page), syllable accuracy "
          f"{syllable_accuracy(typeset, loaded.text):.3f}")


def bindings(text: str) -> None:
    """The same pages read by the tesseract program through a pipe, with its default OpenMP threads and with
    one, and by pytesseract (which writes each page to a temporary file and runs the same program)."""
    import pytesseract

    images, _ = render_pages(text, 200, max_pages=2)

    def program(threads: dict[str, str]) -> None:
        for image in images:
            subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--dpi", "200"], input=_pgm(image),
                           capture_output=True, check=True, env={**os.environ, **threads})

    for label, read in (("tesseract, default threads", lambda: program({})),
                        ("tesseract, OMP_THREAD_LIMIT=1", lambda: program({"OMP_THREAD_LIMIT": "1"})),
                        ("pytesseract, default threads", lambda: [pytesseract.image_to_string(
                            image, lang="vie", config="--dpi 200") for image in images])):
        started = time.perf_counter()
        read()
        print(f"{label:<30} {(time.perf_counter() - started) / len(images):.2f} s a page (200 dpi)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages-per-document", type=int, default=2)
    parser.add_argument("--render-dpi", type=int, nargs="+", default=[200, 300],
                        help="ASSISTANT_OCR_DPI values the 10-page PDFs are read with")
    parser.add_argument("--bindings", action="store_true", help="time the ways of calling Tesseract, then stop")
    args = parser.parse_args()
    settings = Settings()
    texts = documents(settings)
    if args.bindings:
        return bindings(texts["004"])
    accuracy(texts, 200, False, args.pages_per_document, settings)
    accuracy(texts, 150, True, args.pages_per_document, settings)
    for scan_dpi, noisy in ((200, False), (150, True)):
        for dpi in args.render_dpi:
            timing("\n".join(texts.values()), scan_dpi, noisy, settings.model_copy(update={"ocr_dpi": dpi}))


if __name__ == "__main__":
    main()
