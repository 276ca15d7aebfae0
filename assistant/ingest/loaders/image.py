"""Scanned pages saved as images (PNG, JPEG, TIFF, a multi-page TIFF too), read by OCR frame by frame."""

from __future__ import annotations

import io
from pathlib import Path

from ...config import Settings
from . import PageProgress, Reading, UnreadableFile, page_loader
from .ocr import MAX_SIDE_PIXELS, check_budget, found_text, recognise

# A resolution an image declares is passed on to Tesseract only when it is plausible for a scan: cameras and
# editors write 72 or 1 whatever the picture holds, and Tesseract then does better estimating it itself.
_PLAUSIBLE_DPI = range(100, 1201)


def _page(frame, dpi: int | None) -> tuple[bytes, int | None]:
    """The frame in greyscale, transparency laid on white paper, as a PNM image (quick to write and read), and
    its resolution; shrunk, resolution alike, when it is larger than a page need be."""
    from PIL import Image

    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        frame = Image.alpha_composite(Image.new("RGBA", frame.size, "white"), frame.convert("RGBA"))
    frame = frame.convert("L")
    scale = MAX_SIDE_PIXELS / max(frame.size)
    if scale < 1:
        frame = frame.resize((round(frame.width * scale), round(frame.height * scale)), Image.Resampling.LANCZOS)
        dpi = round(dpi * scale) if dpi else None
    out = io.BytesIO()
    frame.save(out, "PPM")
    return out.getvalue(), dpi


@page_loader(".png", ".jpg", ".jpeg", ".tif", ".tiff")
def read_image(path: Path, settings: Settings, on_page: PageProgress | None) -> Reading:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    pages: list[str] = []
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            check_budget(frames, settings)
            for n, frame in enumerate(ImageSequence.Iterator(image)):
                if on_page:
                    on_page(n, frames)
                declared = round(float(frame.info.get("dpi", (0, 0))[0]))
                data, dpi = _page(frame, declared if declared in _PLAUSIBLE_DPI else None)
                pages.append(recognise(data, settings, dpi, n + 1))
    except UnidentifiedImageError:
        raise UnreadableFile("not a readable image") from None
    if on_page:
        on_page(frames, frames)
    found_text(pages, frames)
    return Reading("\n".join(pages), ocr_pages=frames)
