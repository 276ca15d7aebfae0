"""Storage only: typed records (records.py), the chunk catalogue (SQLite), the lexical index (bm25s), the
dense store (Chroma) and the embedding cache, behind one facade, SearchIndex, the only door to them."""
