"""Ingest files incrementally: load (OCR for scans) → parse → chunk → restore → extract tasks → catalogue →
lexical index → dense index.

Unchanged files (same sha256) are skipped, changed files replaced, files deleted from an ingested folder
removed. Embedding runs last and in batches, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..config import Settings
from ..index.records import Chunk
from ..index.search_index import SearchIndex
from ..vietnamese.language import marked_share
from ..vietnamese.restorer import get_restorer
from .cards import build_card
from .chunking import chunk_document
from .loaders import LoadedFile, PageProgress, UnreadableFile, file_hash, load_file, supported
from .restoring import restore_chunks
from .structure import parse_document
from .tasks import extract_tasks

_EMBED_STEP = 8  # chunks embedded between progress updates: the bar moves every second or so
# Chunks per Chroma write, sorted by length together so that the embedder's batches pad little. A write of
# 8 chunks took 7 ms per chunk, one of 64 took 3 ms, against 55-60 ms to embed a chunk.
_EMBED_WINDOW = 64

# Called with (stage, done, total) as work proceeds: the web page's progress bar.
Progress = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    chunks_total: int = 0
    chunks_embedded: int = 0
    parse_seconds: float = 0.0
    lexical_seconds: float = 0.0
    embed_seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"ingest: {len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                 f"{len(self.removed)} removed, {len(self.skipped)} skipped; {self.chunks_total} chunks in the index, "
                 f"{self.chunks_embedded} embedded now "
                 f"(parse {self.parse_seconds:.1f} s, lexical {self.lexical_seconds:.1f} s, "
                 f"embed {self.embed_seconds:.1f} s)"]
        lines += [f"  skipped {name}: {reason}" for name, reason in self.skipped]
        lines += [f"  restored diacritics of {name} (OCR'd text, or text without marks)" for name in self.restored]
        return "\n".join(lines)


def _expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files to ingest, and the folders whose deleted files should leave the index."""
    files: list[Path] = []
    folders: list[Path] = []
    for path in paths:
        if path.is_dir():
            folders.append(path.resolve())
            files += sorted(p for p in path.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files.append(path)
    return files, folders


# Bumped whenever loading, parsing, chunking, restoring, task extraction or document cards change what a file
# yields: the catalogue keeps it beside each file's hash, so an index built by older code is redone file by file,
# not kept stale. 10: scanned pages OCR'd; header and closing chunks; cards; the restorer's OCR readings; texts
# issued with a decision parsed as documents, no longer a closing. 15: restored chunks keep their uncertain words.
# 16: a letter's addressees (Kính gửi) in its card however they are laid out. 17: ministries are units.
# 18: Word numbering, layout tables, text boxes, footnotes and content controls; a PDF's text layer set out as
# its page; a line longer than a chunk cut after a sentence. 19: the restorer reads numbers and codes as context,
# and an OCR channel. 20: a long section label is cut within its limit. 21: a registry record's first line is its
# title (`Số hiệu: …` or `Nguồn: …` under it). 22: the restorer's OCR channel learned from Tesseract's reading of
# typeset pages, a Kneser-Ney model, ¥ read as ý. 23: a signer's name starts with a capital (`Tiền ăn` is no
# name); a card's effect lines speak of the document itself. 24: "cán bộ y tế" and "cơ sở y tế" name no unit.
# 25: a district health centre (Trung tâm Y tế huyện) is the unit now named Trung tâm Y tế khu vực.
# 29: a card's date spaced before its comma, a letter's basis the letter it answers, the documents a replacing
# sentence lists after semicolons. 30: departments by their short names ("Sở TC", "Sở TTTT", "Sở XD"). 31: a card's
# number from its title or its annexes' caption. 32: a legal text's article named after a unit lists its tasks.
# 33: a heading in a section path restored as its line reads within its chunk. 34: people's names in restored text
# written as names are ("Nguyễn Văn Dương", not "Đường"). 35: and in restored titles and section paths. 36: 35 taken
# back (a corpus-level question no longer fanned out over the seeds' notices). 37: a card's title under the type line
# when the file opens on a record's identifier.
PIPELINE_VERSION = 37


def _stamp(sha256: str) -> str:
    return f"{sha256}:v{PIPELINE_VERSION}"


def read_chunks(path: Path, source: str, settings: Settings,
                on_page: PageProgress | None = None) -> tuple[LoadedFile, list[Chunk]]:
    """A file loaded, parsed and cut into chunks; UnreadableFile with the reason when any of it fails (a hostile
    or damaged file may make the parser fail in any way: that is the file's reason, not the run's end)."""
    try:
        loaded = load_file(path, settings, on_page)
        chunks = chunk_document(parse_document(loaded.text), source, loaded.sha256, settings.chunk_max_chars,
                                settings.chunk_min_chars)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - see the docstring
        raise UnreadableFile(f"cannot be parsed ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not chunks:
        raise UnreadableFile("no text to index after parsing")
    return loaded, chunks


def _ocr_progress(source: str, progress: bool, on_progress: Progress | None) -> PageProgress:
    """The pages of a scan as they are OCR'd (a second or two each): a console bar, and stage `ocr`."""
    bar: tqdm | None = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if on_progress:
            on_progress("ocr", done, total)
        if progress:
            bar = bar or tqdm(total=total, desc=f"ocr {source}", unit="page")
            bar.update(done - bar.n)
            if done == total:
                bar.close()
    return advance


# A file's load and chunks, read before the ingest (an upload is read first to know it is readable; a scan is
# not OCR'd twice).
Read = dict[Path, tuple[LoadedFile, list[Chunk]]]


def ingest(paths: list[Path], index: SearchIndex, embed: bool = True, progress: bool = True,
           on_progress: Progress | None = None, already_read: Read | None = None) -> IngestReport:
    """Under the data folder's write lock: another process's ingest or deletion waits for this one."""
    with index.writing():
        return _ingest(paths, index, embed, progress, on_progress, already_read or {})


def _ingest(paths: list[Path], index: SearchIndex, embed: bool, progress: bool,
            on_progress: Progress | None, already_read: Read) -> IngestReport:
    settings = index.settings
    report = IngestReport()
    files, folders = _expand(paths)
    known = index.files()
    seen: set[str] = set()
    started = time.perf_counter()
    for done, path in enumerate(tqdm(files, desc="parse", unit="file", disable=not progress or len(files) < 20)):
        if on_progress:
            on_progress("parse", done, len(files))
        source = path.name
        if source in seen:
            report.skipped.append((str(path), f"another file named {source} was ingested in this run"))
            continue
        seen.add(source)
        if not path.exists():
            report.skipped.append((source, "no such file"))
            continue
        try:
            if path.suffix.lower() in supported() and source in known and known[source][1] == _stamp(file_hash(path)):
                report.unchanged.append(source)
                continue
            loaded, chunks = already_read.get(path) or read_chunks(
                path, source, settings, _ocr_progress(source, progress, on_progress))
        except UnreadableFile as exc:
            report.skipped.append((source, str(exc)))
            continue
        # OCR'd text is always restored: Tesseract keeps most marks, so the share of marked words misses its slips.
        if loaded.ocr_pages or marked_share(loaded.text) < settings.restore_marked_share:
            chunks = restore_chunks(chunks, get_restorer(settings.restorer_params))
            report.restored.append(source)
        index.store_file(source, str(path.resolve()), _stamp(loaded.sha256), chunks, extract_tasks(chunks),
                         build_card(chunks))
        (report.updated if source in known else report.added).append(source)

    for source, (stored_path, _) in known.items():
        stored = Path(stored_path)
        if not stored.exists() and any(stored.is_relative_to(folder) for folder in folders):
            index.remove_file(source)
            report.removed.append(source)
    report.parse_seconds = time.perf_counter() - started

    changed = report.added or report.updated or report.removed
    # A run stopped between the catalogue and the lexical index leaves them apart: this run mends it.
    if changed or not index.lexical_in_step():
        started = time.perf_counter()
        index.rebuild_lexical()
        report.lexical_seconds = time.perf_counter() - started
    report.chunks_total = index.count()

    if embed:
        report.chunks_embedded, report.embed_seconds = embed_pending(index, progress, on_progress)
    return report


def embed_pending(index: SearchIndex, progress: bool = True, on_progress: Progress | None = None,
                  only: list[str] | None = None) -> tuple[int, float]:
    """Embed every catalogued chunk not yet in the dense index (or those of `only`, as the throughput benchmark
    does); safe to interrupt and run again."""
    pending = index.count_pending(only)
    if not pending:
        return 0, 0.0
    started = time.perf_counter()
    done = 0
    if on_progress:
        on_progress("embed", 0, pending)
    with tqdm(total=pending, desc="embed", unit="chunk", disable=not progress) as bar:
        def advance(n: int) -> None:
            nonlocal done
            done += n
            bar.update(n)
            if on_progress:
                on_progress("embed", done, pending)

        for window in index.pending(_EMBED_WINDOW, _EMBED_WINDOW, only):
            index.upsert_dense(window, _EMBED_STEP, advance)
    return done, time.perf_counter() - started
