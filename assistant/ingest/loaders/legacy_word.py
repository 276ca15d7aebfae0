"""Old Word files (.doc, Word 97-2003): LibreOffice converts them to .docx, read then as any Word file. Without
LibreOffice the file is skipped with the reason and what to do."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...config import Settings
from . import UnreadableFile, loader
from .word import read_docx

NO_OFFICE = ("an old Word file (.doc) needs LibreOffice to be read: install it (Debian: apt-get install "
             "libreoffice-writer-nogui) or save the file as .docx")


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@loader(".doc")
def read_doc(path: Path, settings: Settings) -> str:
    program = office()
    if program is None:
        raise UnreadableFile(NO_OFFICE)
    with tempfile.TemporaryDirectory() as out:
        # A profile of its own: a LibreOffice already running on the default profile would take the job over
        # and the conversion here would end without a file.
        args = [program, f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to", "docx",
                "--outdir", out, str(path)]
        try:
            subprocess.run(args, capture_output=True, timeout=settings.load_convert_seconds, check=False)
        except subprocess.TimeoutExpired:
            raise UnreadableFile(f"LibreOffice took more than {settings.load_convert_seconds:.0f} s to convert it") from None
        converted = Path(out) / f"{path.stem}.docx"
        if not converted.is_file():
            raise UnreadableFile("LibreOffice could not convert it from .doc (a damaged or not a Word file)")
        return read_docx(converted, settings)
