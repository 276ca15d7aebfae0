"""A quiet, truthful setup console: one line per stage with its progress bar and the time it took, and
everything third-party programs print (pip, the ONNX exporter, llama.cpp) in a log file that the last
line names. A newcomer sees what is happening and how long it took, not pages of warnings."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm


class StageFailed(RuntimeError):
    """A stage could not finish; the message says why and where the log is."""


class Stages:
    def __init__(self, log: Path, quiet: bool = False) -> None:
        self.log = log
        self.quiet = quiet
        log.parent.mkdir(parents=True, exist_ok=True)
        self.started = time.perf_counter()

    def _say(self, text: str) -> None:
        if not self.quiet:
            print(text, file=sys.stderr, flush=True)

    @contextmanager
    def stage(self, name: str, what: str, total: int | None = None, unit: str = "") -> Iterator[tqdm | None]:
        """`name: what … done in N s`; with a `total`, a progress bar the body advances."""
        began = time.perf_counter()
        with self.log.open("a", encoding="utf-8") as f:
            f.write(f"\n== {name}: {what}\n")
        if total is None:
            self._say(f"{name:<9} {what} …")
            yield None
        else:
            with tqdm(total=total, desc=f"{name:<9} {what}", unit=unit, disable=self.quiet, file=sys.stderr,
                      leave=False) as bar:
                yield bar
        self._say(f"{name:<9} {what}: done in {time.perf_counter() - began:.0f} s")

    def run(self, args: list[str], what: str, env: dict[str, str] | None = None) -> None:
        """Run a program with its output appended to the log; fail with the log's tail when it fails."""
        with self.log.open("a", encoding="utf-8") as f:
            f.write(f"$ {' '.join(args)}\n")
            f.flush()
            result = subprocess.run(args, stdout=f, stderr=subprocess.STDOUT, env=env)
        if result.returncode != 0:
            tail = self.log.read_text("utf-8", errors="replace").splitlines()[-15:]
            raise StageFailed(f"{what} failed (exit {result.returncode}); the end of {self.log}:\n" + "\n".join(tail))

    def warn(self, name: str, text: str) -> None:
        """A problem that does not stop setup: said even when quiet, and logged."""
        with self.log.open("a", encoding="utf-8") as f:
            f.write(f"\n== {name}: {text}\n")
        print(f"{name:<9} {text}", file=sys.stderr, flush=True)

    def finish(self, message: str) -> None:
        self._say(f"{message} in {time.perf_counter() - self.started:.0f} s (details: {self.log})")
