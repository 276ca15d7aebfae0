"""The dense index: Chroma (a local folder, or a server through `ASSISTANT_CHROMA_URL`) holding vectors the
project computes itself; Chroma's own embedding function (which downloads a model) is never used, and its
telemetry is off. One collection per embedder and export recipe: vectors of different models never mix."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from langchain_core.embeddings import Embeddings

from ..config import Settings
from .records import Chunk


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or 8000,
                                   ssl=url.scheme == "https", settings=chroma_settings)
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


class DenseStore:
    """A Chroma collection written with our own vectors and read through LangChain's Chroma vector store."""

    def __init__(self, settings: Settings, embedder_id: str, embedder: Callable[[], Embeddings]) -> None:
        """`embedder` gives the query embedder when a search first needs it: deleting needs none."""
        self.settings = settings
        self.embedder = embedder
        self.name = f"{settings.collection}-{embedder_id}"
        self._client = None
        self._vectorstore = None

    @property
    def collection(self):
        if self._client is None:
            self._client = chroma_client(self.settings)
        return self._client.get_or_create_collection(self.name, embedding_function=None,
                                                     metadata={"hnsw:space": "cosine"})

    @property
    def vectorstore(self):
        if self._vectorstore is None:
            from langchain_chroma import Chroma

            self.collection  # create it with our settings before LangChain opens it
            self._vectorstore = Chroma(client=self._client, collection_name=self.name,
                                       embedding_function=self.embedder())
        return self._vectorstore

    def nearest(self, text: str, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks, nearest first."""
        hits = self.vectorstore.similarity_search_with_score(text, k=k, filter=where)
        return [(doc.id, 1.0 - distance) for doc, distance in hits]

    def upsert(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        self.collection.upsert(ids=[c.id for c in chunks], embeddings=vectors,
                               documents=[c.page_content for c in chunks], metadatas=[c.metadata for c in chunks])

    def delete(self, ids: set[str]) -> None:
        if ids:
            self.collection.delete(ids=list(ids))
