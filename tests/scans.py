"""Synthetic scans for the OCR tests and benchmarks/ocr.py: clean Vietnamese text typeset on A4 pages with
DejaVu Serif (Debian's fonts-dejavu-core, which has every Vietnamese mark), optionally degraded as a cheap
office scanner does it (a slight skew, speckle, blur), saved as images or as a PDF of images (a scan: no
text layer); PDFs with a text layer; and the syllable accuracy OCR is measured by."""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.9
POINTS = 12  # administrative documents use 13-14 pt Times; DejaVu Serif is wider, 12 pt fits as many words


def _lines(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Paragraphs wrapped to the page width, blank lines kept."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if line and font.getlength(candidate) > width:
                lines.append(line)
                candidate = word
            line = candidate
        lines.append(line)
    return lines


def render_pages(text: str, dpi: int, max_pages: int | None = None) -> tuple[list[Image.Image], str]:
    """The text typeset on as many A4 pages as it takes (grayscale, white paper), and the text those pages hold."""
    font = ImageFont.truetype(str(FONT), round(POINTS * dpi / 72))
    size = (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi))
    margin = round(MARGIN_INCHES * dpi)
    step = round(POINTS * 1.5 * dpi / 72)
    per_page = (size[1] - 2 * margin) // step
    lines = _lines(text, font, size[0] - 2 * margin)
    pages = []
    for first in range(0, len(lines), per_page):
        page = Image.new("L", size, 255)
        draw = ImageDraw.Draw(page)
        for n, line in enumerate(lines[first:first + per_page]):
            draw.text((margin, margin + n * step), line, font=font, fill=0)
        pages.append(page)
        if max_pages and len(pages) == max_pages:
            break
    return pages, "\n".join(lines[:len(pages) * per_page])


def degrade(page: Image.Image, seed: int, skew_degrees: float = 1.0, speckle: float = 0.01) -> Image.Image:
    """A poor scan of the page: rotated by up to `skew_degrees`, blurred a little, a share `speckle` of its
    pixels flipped to random grey, then thresholded as a black-and-white scanner does."""
    rng = random.Random(seed)
    tilted = page.rotate(rng.uniform(-skew_degrees, skew_degrees), resample=Image.Resampling.BICUBIC,
                         expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    pixels = tilted.load()
    width, height = tilted.size
    for _ in range(int(width * height * speckle)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.randrange(256)
    return tilted.point(lambda v: 255 if v > 150 else 0)


def scanned_pdf(pages: list[Image.Image], path: Path, dpi: int) -> Path:
    """A PDF holding only page images, as a scanner writes it."""
    first, *rest = [page.convert("RGB") for page in pages]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return path


def typed_pdf(text: str | None, points: tuple[int, int] = (612, 792)) -> bytes:
    """A one-page PDF written by hand: with a text layer (ASCII, in Helvetica), or with none (as a scan has none)."""
    return placed_pdf([(72, 720, text)] if text else [], points)


def placed_pdf(lines: list[tuple[float, float, str]], points: tuple[int, int] = (612, 792)) -> bytes:
    """A one-page PDF whose text layer (ASCII, 12 pt Helvetica) has each line at (x, y), written in the order
    given."""
    content = " ".join(f"BT /F1 12 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in lines).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R " % points +
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def syllables(text: str) -> list[str]:
    """Vietnamese syllables (and numbers), lower-cased, marks kept."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def syllable_accuracy(reference: str, read: str) -> float:
    """The share of the reference's syllables that the read text has, in order (aligned word by word)."""
    truth, got = syllables(reference), syllables(read)
    matcher = difflib.SequenceMatcher(None, truth, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(truth), 1)
