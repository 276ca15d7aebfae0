"""Distil a model2vec static model from the assembled EmbeddingGemma folder, for benchmarks/embedders.py.

    python3.11 -m venv /tmp/m2v && /tmp/m2v/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" scikit-learn
    HF_HUB_OFFLINE=1 /tmp/m2v/bin/python benchmarks/distill_model2vec.py

A venv of its own because model2vec's distill extra pins an older transformers than this project.
Every token of EmbeddingGemma's vocabulary (about 256k) is passed through the model once, then reduced
by PCA to 256 dimensions: about 16 minutes on 2 cores. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

CACHE = Path.home() / ".cache" / "health-assistant" / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=CACHE / "embeddinggemma-300m")
    parser.add_argument("--out", type=Path, default=CACHE / "model2vec-embeddinggemma")
    parser.add_argument("--pca-dims", type=int, default=256)
    args = parser.parse_args()
    from model2vec.distill import distill  # only in the venv of its own (above), so that --help runs anywhere

    started = time.perf_counter()
    model = distill(model_name=str(args.source), pca_dims=args.pca_dims)
    model.save_pretrained(str(args.out))
    print(f"distilled {args.source.name} -> {args.out} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
