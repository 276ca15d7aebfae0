"""`python -m assistant.models.llama_server --model GGUF --port N …`: llama.cpp's own server (from the prebuilt
xllamacpp wheel) serving the OpenAI-compatible API on loopback until SIGTERM or SIGINT.

It runs in a process of its own, started by local_server.py: the model's memory and threads stay apart from
the web server's, a crash of one does not take the other down, and stopping it is a signal away.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading


def serve(model: str, alias: str, port: int, ctx: int, threads: int) -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model
    params.model_alias = alias
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = ctx
    params.n_parallel = 1  # one slot: its prompt cache keeps the system prompt between questions
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server = xllamacpp.Server(params)  # serves from its own threads while this one waits
    print(f"serving {alias} at {server.listening_address}", flush=True)
    stop.wait()
    # Ended at once, generations in flight included: waiting for the server's own shutdown could take as long
    # as the generation it is in; the process's memory and sockets go with it.
    os._exit(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--alias", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    serve(args.model, args.alias, args.port, args.ctx, args.threads)


if __name__ == "__main__":
    main()
