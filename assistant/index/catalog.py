"""The chunk catalogue (SQLite): every parsed chunk with its metadata and whether it is embedded yet, the
task table, and the files they came from.

It is the record of what is ingested. This departs from a design where Chroma is the store of record: at
corpus-extra scale the lexical index must be searchable before dense embedding (10–20 chunks/s on 2 cores)
finishes, and an interrupted embedding run must resume; both need a record of chunks not in Chroma yet.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Chunk, DocumentCard, Task


class ChunkCatalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # One connection per thread: the web server answers from many threads while an upload is ingested.
        self._local = threading.local()
        self.db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the ingesting writer
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS files (source TEXT PRIMARY KEY, path TEXT, file_hash TEXT, n_chunks INTEGER);
            CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, source TEXT, position INTEGER, text TEXT,
                                               metadata TEXT, embedded INTEGER DEFAULT 0);
            CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
            CREATE INDEX IF NOT EXISTS chunks_embedded ON chunks(embedded);
            CREATE TABLE IF NOT EXISTS tasks (source TEXT, position INTEGER, unit TEXT, task TEXT);
            CREATE INDEX IF NOT EXISTS tasks_source ON tasks(source);
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS cards (source TEXT PRIMARY KEY, card TEXT);
        """)

    def use_embedder(self, name: str) -> None:
        """The `embedded` flags belong to one embedder: another one (or an unrecorded one, in a folder made
        before this was kept) finds every chunk waiting for it. Its vectors go to a collection of its own,
        and the embedding cache makes a return to an earlier embedder cheap.
        """
        row = self.db.execute("SELECT value FROM state WHERE key = 'embedder'").fetchone()
        if row and row[0] == name:
            return
        with self.db:
            self.db.execute("UPDATE chunks SET embedded = 0")
            self.db.execute("INSERT OR REPLACE INTO state VALUES ('embedder', ?)", (name,))

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "db", None)
        if connection is None:
            connection = self._local.db = sqlite3.connect(self.path, timeout=30)
        return connection

    def files(self) -> dict[str, tuple[str, str]]:
        """source → (path, file hash) of every file fully catalogued."""
        return {s: (p, h) for s, p, h in self.db.execute("SELECT source, path, file_hash FROM files")}

    def listing(self) -> list[dict]:
        """One row per ingested file: its metadata (from its first chunk), chunks and embedded chunks."""
        rows = self.db.execute("""
            SELECT f.source, f.n_chunks, c.metadata,
                   (SELECT COUNT(*) FROM chunks e WHERE e.source = f.source AND e.embedded = 1)
            FROM files f LEFT JOIN chunks c ON c.source = f.source AND c.position = 0 ORDER BY f.source""").fetchall()
        listed = []
        for source, n_chunks, metadata, embedded in rows:
            meta = json.loads(metadata) if metadata else {}
            listed.append({"source": source, "title": meta.get("title", source), "doc_type": meta.get("doc_type_name"),
                           "number": meta.get("number"), "date": meta.get("date"), "issuer": meta.get("issuer"),
                           "chunks": n_chunks, "embedded": embedded, "restored": "restored" in meta})
        return listed

    def ids_of(self, source: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM chunks WHERE source = ?", (source,))}

    def replace_file(self, source: str, path: str, file_hash: str, chunks: list[Chunk]) -> set[str]:
        """Store a file's chunks; return the ids of its old chunks that are gone."""
        old = self.ids_of(source)
        new = {c.id for c in chunks}
        with self.db:
            self.db.execute("DELETE FROM files WHERE source = ?", (source,))
            self.db.executemany("DELETE FROM chunks WHERE id = ?", [(i,) for i in old - new])
            # Kept chunks stay embedded only if their text is unchanged, which their content-derived id says.
            self.db.executemany(
                "INSERT INTO chunks (id, source, position, text, metadata, embedded) VALUES (?, ?, ?, ?, ?, 0) "
                "ON CONFLICT(id) DO UPDATE SET position = excluded.position, metadata = excluded.metadata, embedded = 0",
                [(c.id, source, c.position, c.page_content, json.dumps(c.metadata, ensure_ascii=False))
                 for c in chunks])
            self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (source, path, file_hash, len(chunks)))
        return old - new

    def replace_tasks(self, source: str, tasks: list[Task]) -> None:
        with self.db:
            self.db.execute("DELETE FROM tasks WHERE source = ?", (source,))
            self.db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?)", [
                (source, n, t.unit, json.dumps(t.as_dict(), ensure_ascii=False)) for n, t in enumerate(tasks)])

    def replace_card(self, source: str, card: DocumentCard) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO cards VALUES (?, ?)",
                            (source, json.dumps(card.as_dict(), ensure_ascii=False)))

    def cards(self) -> list[DocumentCard]:
        return [DocumentCard.from_dict(json.loads(r[0])) for r in self.db.execute("SELECT card FROM cards ORDER BY source")]

    def tasks(self) -> list[Task]:
        rows = self.db.execute("SELECT task FROM tasks ORDER BY source, position").fetchall()
        return [Task(**json.loads(r[0])) for r in rows]

    def remove_file(self, source: str) -> set[str]:
        ids = self.ids_of(source)
        with self.db:
            self.db.execute("DELETE FROM tasks WHERE source = ?", (source,))
            self.db.execute("DELETE FROM cards WHERE source = ?", (source,))
            self.db.execute("DELETE FROM chunks WHERE source = ?", (source,))
            self.db.execute("DELETE FROM files WHERE source = ?", (source,))
        return ids

    def documents(self, ids: Iterable[str] | None = None) -> list[Chunk]:
        if ids is None:
            rows = self.db.execute("SELECT id, text, metadata FROM chunks ORDER BY source, position").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for start in range(0, len(wanted), 500):
                part = wanted[start:start + 500]
                rows += self.db.execute(
                    f"SELECT id, text, metadata FROM chunks WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
            order = {i: n for n, i in enumerate(wanted)}
            rows.sort(key=lambda r: order[r[0]])
        return [Chunk(id=i, page_content=t, metadata=json.loads(m)) for i, t, m in rows]

    def unembedded(self, batch: int, window: int = 0, only: list[str] | None = None) -> Iterator[list[Chunk]]:
        """Chunks not embedded yet (among `only`, when given), `batch` at a time, taken in reading order `window`
        at a time and sorted by length within it: the embedder pads each of its batches to the longest text, so
        neighbours of like length waste less."""
        where, params = self._among(only)
        while True:
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM chunks WHERE embedded = 0{where} ORDER BY source, position LIMIT ?",
                (*params, max(batch, window)))]
            if not ids:
                return
            docs = sorted(self.documents(ids), key=lambda d: len(d.page_content))
            for start in range(0, len(docs), batch):
                yield docs[start:start + batch]

    def count_unembedded(self, only: list[str] | None = None) -> int:
        where, params = self._among(only)
        return self.db.execute(f"SELECT COUNT(*) FROM chunks WHERE embedded = 0{where}", params).fetchone()[0]

    @staticmethod
    def _among(only: list[str] | None) -> tuple[str, list[str]]:
        return ("", []) if only is None else (f" AND id IN ({','.join('?' * len(only))})", list(only))

    def mark_embedded(self, ids: list[str]) -> None:
        with self.db:
            self.db.executemany("UPDATE chunks SET embedded = 1 WHERE id = ?", [(i,) for i in ids])

    def count(self, embedded_only: bool = False) -> int:
        query = "SELECT COUNT(*) FROM chunks" + (" WHERE embedded = 1" if embedded_only else "")
        return self.db.execute(query).fetchone()[0]

    def ids_where(self, conditions: list[tuple[str, list]]) -> set[str]:
        """Ids of chunks whose metadata field takes one of the given values, for every condition."""
        sql = " AND ".join(f"json_extract(metadata, ?) IN ({','.join('?' * len(values))})" for _, values in conditions)
        params = [p for field, values in conditions for p in (f"$.{field}", *values)]
        return {r[0] for r in self.db.execute(f"SELECT id FROM chunks WHERE {sql or '1'}", params)}

    def distinct(self, field: str) -> list:
        rows = self.db.execute(
            "SELECT DISTINCT json_extract(metadata, ?) FROM chunks", (f"$.{field}",)).fetchall()
        return [r[0] for r in rows if r[0] is not None]
