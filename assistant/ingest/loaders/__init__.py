"""Load a file into text: one loader per file type, registered by suffix. A file that cannot be read yields a
one-line reason (UnreadableFile), never another exception.

A new file type is a module here with a function decorated `@loader(".ext")` that returns the file's text;
import it at the bottom of this file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...config import Settings
from ...vietnamese.folding import normalize



class UnreadableFile(Exception):
    """The file cannot become text; the message is the reason shown in the ingest summary."""


# A loader reads a file into text, within the limits the settings put on what one file may cost to read
# (`load_max_*`: a 3 MB .docx can expand to 1 GB of XML).
Loader = Callable[[Path, Settings], str]
LOADERS: dict[str, Loader] = {}


def loader(*suffixes: str) -> Callable[[Loader], Loader]:
    def add(read: Loader) -> Loader:
        for suffix in suffixes:
            LOADERS[suffix] = read
        return read
    return add


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    text: str
    sha256: str


def file_hash(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def supported() -> tuple[str, ...]:
    return tuple(LOADERS)


def load_file(path: Path, settings: Settings) -> LoadedFile:
    """Read a supported file; raise UnreadableFile with the reason otherwise. A parser that fails in a way of its
    own (a malformed file can make any of them raise anything, recursion included) is a reason too."""
    suffix = path.suffix.lower()
    if suffix not in LOADERS:
        raise UnreadableFile(f"unsupported file type '{suffix or '(none)'}' (use {', '.join(LOADERS)})")
    if not path.is_file():
        raise UnreadableFile("not a regular file")
    if path.stat().st_size == 0:
        raise UnreadableFile("empty file")
    try:
        text = normalize(LOADERS[suffix](path, settings))
    except UnreadableFile:
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - any parser failure is this file's, not the run's
        raise UnreadableFile(f"cannot be read ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not any(c.isalpha() for c in text):
        raise UnreadableFile("no text in the file")
    return LoadedFile(path=path, text=text, sha256=file_hash(path))


# The built-in loaders register themselves on import; the order is the order suffixes are listed in.
from . import plain, word, pdf  # noqa: E402,F401
