"""Decompression bombs against the upload path: small .docx files whose XML expands to 100 MB and 1 GB are
uploaded to a document library; prints how each ended, how long it took and the process's peak memory.

    python benchmarks/upload_bombs.py

Figures: benchmarks/README.md ("Hostile uploads").
"""

from __future__ import annotations

import io
import resource
import tempfile
import time
import zipfile
from pathlib import Path

from assistant.config import Settings, offline_environment
from assistant.index.search_index import SearchIndex
from assistant.serve.uploads import DocumentLibrary

def bomb(xml_bytes: int) -> bytes:
    """A Word package whose document.xml expands to `xml_bytes` (repeated paragraphs deflate about 300:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            piece = b"<w:p><w:r><w:t>Ke hoach a</w:t></w:r></w:p>" * 20000
            written = 0
            while written < xml_bytes:
                f.write(piece)
                written += len(piece)
            f.write(b"</w:body></w:document>")
    return out.getvalue()

def main() -> None:
    offline_environment()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        library = DocumentLibrary(SearchIndex(settings), settings)
        for size in (100 * 2**20, 1024 * 2**20):
            data = bomb(size)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            began = time.time()
            job = library.add("bomb.docx", data)
            while library.job(job.id).status not in ("done", "failed"):
                time.sleep(0.1)
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            ended = library.job(job.id)
            print(f"{len(data) / 2**20:.1f} MB .docx expanding to {size / 2**20:.0f} MB: {ended.status} in "
                  f"{time.time() - began:.2f} s ({ended.message[:80]}); peak RSS {before:.0f} -> {after:.0f} MB")
        library.close()


if __name__ == "__main__":
    main()
