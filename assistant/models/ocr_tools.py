"""The programs that read scanned pages: Tesseract with its Vietnamese model (Debian's tesseract-ocr and
tesseract-ocr-vie) and poppler's pdftoppm (poppler-utils), which renders PDF pages for it. They come from the
system's packages, not from PyPI: setup says when they are missing, and a scan is then refused with the same
words."""

from __future__ import annotations

import shutil
import subprocess

from ..config import Settings

_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"


def missing_ocr_tools(settings: Settings) -> str | None:
    """Why scanned pages cannot be read on this machine, or None when they can."""
    tesseract = shutil.which(settings.ocr_tesseract)
    if tesseract is None:
        return f"Tesseract ({settings.ocr_tesseract}) is not installed: install tesseract-ocr-vie ({_INSTALL})"
    languages = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    if not set(settings.ocr_language.split("+")) <= set(languages):
        return f"Tesseract has no '{settings.ocr_language}' model: install tesseract-ocr-vie ({_INSTALL})"
    if shutil.which("pdftoppm") is None:
        return f"pdftoppm is not installed: install poppler-utils ({_INSTALL})"
    return None
