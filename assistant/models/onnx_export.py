"""EmbeddingGemma exported to ONNX with int8 weights: the default embedder, made once at setup.

sentence-transformers' own ONNX backend needs optimum-onnx, whose only release pins a transformers older
than this project's; so the whole sentence-transformers pipeline (Gemma, mean pooling, the two Dense
layers, normalisation) is exported as one graph with torch's exporter, and onnxruntime's dynamic
quantisation turns its weights to int8, per output channel, except the MLPs' down projections: they read
Gemma's few very large activations, which int8 activations (one scale per tensor) cannot hold. Against the
fp32 graph on the seed chunks and dev questions, cosine 0.978 → 0.996 for documents and 0.984 → 0.996 for
queries when those 24 matrices stay fp32 (benchmarks/README.md, "Embedders").
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..config import Settings
from .setup import EMBEDDINGGEMMA, ModelSetupError, ensure_model
from .stages import Stages

ONNX_FOLDER = "embeddinggemma-onnx-int8"
ONNX_FILE = "model.onnx"
# Names the export below: a folder made by another recipe is exported again, and vectors made by it are
# kept apart (embedding cache key, Chroma collection).
RECIPE = "down-fp32"
_RECIPE_FILE = "recipe.txt"
# What the embedder reads beside the graph: tokenizer, prompts, maximum length.
_KEPT_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "tokenizer.model",
               "added_tokens.json", "config_sentence_transformers.json", "sentence_bert_config.json")


def _down_projections(graph: Path, intermediate_size: int) -> list[str]:
    """MatMul nodes whose weight maps the MLP's intermediate width back to the model's: the down projections."""
    import onnx

    model = onnx.load(str(graph), load_external_data=False)
    shapes = {i.name: tuple(i.dims) for i in model.graph.initializer}
    return [n.name for n in model.graph.node
            if n.op_type == "MatMul" and shapes.get(n.input[1], (0,))[0] == intermediate_size]


def _export(source: Path, target: Path) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer

    class Pipeline(torch.nn.Module):
        """The sentence-transformers modules as one forward(input_ids, attention_mask) → embedding."""

        def __init__(self, model: SentenceTransformer) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model({"input_ids": input_ids, "attention_mask": attention_mask})["sentence_embedding"]

    # Eager attention: the exporter traces plain matmuls instead of a fused SDPA kernel.
    model = SentenceTransformer(str(source), device="cpu", model_kwargs={"attn_implementation": "eager"}).eval()
    sample = model.preprocess(["title: none | text: Kế hoạch tổ chức Hội nghị", "task: search result | query: ai"])
    batch, length = torch.export.Dim("batch"), torch.export.Dim("length")
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        fp32 = Path(work) / "model_fp32.onnx"
        with torch.no_grad():
            torch.onnx.export(
                Pipeline(model).eval(), (sample["input_ids"], sample["attention_mask"]), str(fp32),
                input_names=["input_ids", "attention_mask"], output_names=["sentence_embedding"],
                dynamic_shapes={"input_ids": {0: batch, 1: length}, "attention_mask": {0: batch, 1: length}},
                dynamo=True, external_data=True, verbose=False)
        staging = Path(work) / "int8"
        staging.mkdir()
        config = model[0].auto_model.config
        kept = _down_projections(fp32, config.intermediate_size)
        if len(kept) != config.num_hidden_layers:  # another graph layout: the recipe would not be what it says
            raise ModelSetupError(f"ONNX export: found {len(kept)} MLP down projections, expected "
                                  f"{config.num_hidden_layers}")
        quantize_dynamic(str(fp32), str(staging / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=kept)
        (staging / _RECIPE_FILE).write_text(RECIPE)
        for name in _KEPT_FILES:
            if (source / name).exists():
                shutil.copy2(source / name, staging / name)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)


def ensure_onnx_embedder(settings: Settings, stages: Stages) -> Path:
    """Return the folder of the int8 ONNX EmbeddingGemma, exporting it from the verified model on first use. The
    export runs in its own process, its output (the exporter's and quantiser's notes) in the setup log."""
    target = settings.models_dir / ONNX_FOLDER
    recipe = target / _RECIPE_FILE
    if (target / ONNX_FILE).exists() and recipe.exists() and recipe.read_text() == RECIPE:
        return target
    source = ensure_model(EMBEDDINGGEMMA, settings, stages)
    with stages.stage("export", "EmbeddingGemma to ONNX int8 (about 2 minutes, 8 GB at its peak)"):
        stages.run([sys.executable, "-m", __name__, str(source), str(target)], "the ONNX export")
    return target


if __name__ == "__main__":
    _export(Path(sys.argv[1]), Path(sys.argv[2]))
