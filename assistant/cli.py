"""Command line: `assistant setup | ingest | search | ask | draft | tasks | restore | train-restorer | settings |
eval | serve | run`. Every command works through the service (serve/service.py), wired in one place."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .vietnamese.restorer import MODEL_PATH
from .config import get_settings, offline_environment, settings_table


def _assistant():
    from .serve.service import Assistant

    return Assistant(get_settings())


def cmd_setup(args: argparse.Namespace) -> int:
    """One line per stage with its time; what third-party programs print goes to the setup log."""
    from .models.local_server import LlmUnavailable
    from .models.prepare import prepare_models
    from .models.setup import ModelSetupError
    from .models.stages import StageFailed, Stages

    settings = get_settings()
    stages = Stages(settings.setup_log, quiet=getattr(args, "quiet", False))
    try:
        prepare_models(settings, stages)
    except (StageFailed, ModelSetupError, LlmUnavailable) as exc:
        print(f"setup failed: {exc}", file=sys.stderr)
        return 1
    stages.finish(f"setup: models{' and the local LLM runtime' if settings.llm == 'local' else ''} ready")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [get_settings().corpus_dir]
    report = _assistant().ingest(paths, embed=not args.no_embed, progress=not args.quiet)
    print(report.summary())
    return 0


def _result(chunk) -> dict:
    """A result as `search --json` prints it (its own key order, older than the API's)."""
    from .serve.schemas import SearchHit

    hit = SearchHit.of(chunk).model_dump()
    return {key: hit[key] for key in ("source", "title", "section", "text", "score", "restored", "restored_uncertain")}


def cmd_restore(args: argparse.Namespace) -> int:
    from .vietnamese.restorer import get_restorer

    restorer = get_restorer(get_settings().restorer_params)
    sys.stdout.write(restorer.restore(sys.stdin.read(), force=args.force))
    return 0


def cmd_train_restorer(args: argparse.Namespace) -> int:
    from .vietnamese.restore_training import train

    s = get_settings()
    print(train(args.out, s.corpus_dir, s.extra_corpus_dir, s.restore_marked_share, s.restore_min_unigram,
                s.restore_min_ngram, include_seeds=not args.no_seeds, congbao=not args.no_congbao))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    print(settings_table())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .retrieve.filters import FilterError

    assistant = _assistant()
    if assistant.is_empty():
        print("the index is empty: run `assistant ingest` first", file=sys.stderr)
        return 1
    filters = {k: v for k, v in (("doc_type", args.doc_type), ("year", args.year), ("issuer", args.issuer)) if v}
    for query in args.query:
        try:
            chunks = assistant.search(query, args.k, filters or None, args.mode)
        except FilterError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if args.json:
            print(json.dumps({"query": query, "results": [_result(c) for c in chunks]}, ensure_ascii=False))
            continue
        print(f"\n# {query}")
        if not chunks:
            print("  (no results)")
        for n, chunk in enumerate(chunks, 1):
            print(f"[{n}] {chunk.source} — {chunk.section}  (score {chunk.score:.3f})")
            print("    " + " ".join(chunk.page_content.split())[:300])
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    grouped = _assistant().tasks(args.unit)
    if args.json:
        print(json.dumps({"unit": args.unit, "units": {u: [t.as_dict() for t in ts] for u, ts in grouped.items()}},
                         ensure_ascii=False))
        return 0
    if not grouped:
        print(f"no tasks found for {args.unit!r}" if args.unit else "no tasks in the index: run `assistant ingest`")
        return 0
    for unit, tasks in grouped.items():
        print(f"\n# {unit} ({len(tasks)})")
        for task in tasks:
            deadline = f" [hạn: {task.deadline}]" if task.deadline else ""
            print(f"- {task.task}{deadline}\n    ({task.source} — {task.section})")
    return 0


def _load_history(path: str | None) -> list[dict]:
    """A JSON list of {"role": "user"|"assistant", "content": str} turns."""
    from pydantic import TypeAdapter, ValidationError

    from .serve.schemas import Turn

    if not path:
        return []
    try:
        turns = TypeAdapter(list[Turn]).validate_json(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise SystemExit(f"error: cannot read history file {path}: {exc.strerror or exc}") from None
    except ValidationError as exc:
        raise SystemExit(f"error: {path} is not a list of {{role, content}} turns: {exc.errors()[0]['msg']}") from None
    return [t.model_dump() for t in turns]


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = _assistant()
    if assistant.is_empty():
        print("the index is empty: run `assistant ingest` first", file=sys.stderr)
        return 1
    history = _load_history(args.history)
    if args.json:
        from .serve.schemas import AskResponse

        print(AskResponse.of(assistant.ask(args.question, history)).model_dump_json())
        return 0
    answer = None
    for event in assistant.stream(args.question, history):
        if isinstance(event, str):
            print(event, end="", flush=True)
        else:
            answer = event
    print("\n")
    if answer.note:
        print(f"({answer.note})", file=sys.stderr)
    if answer.dropped or answer.mode not in ("extractive", "tasks"):
        print("checked answer:\n" + answer.answer + "\n")
    for c in answer.citations:
        restored = " (văn bản đã khôi phục dấu)" if c.restored else ""
        print(f"[{c.n}] {c.source} — {c.section}{restored}\n    “{c.quote}”")
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    assistant = _assistant()
    try:
        result, document = assistant.draft(args.instruction)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.docx:
        Path(args.docx).write_bytes(assistant.word(document))
    if args.json:
        print(result.model_dump_json())
        return 0
    print(result.draft)
    for c in result.citations:
        print(f"[{c.n}] {c.source} — {c.section}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"drafted by {result.mode} in {result.stats['seconds']} s", file=sys.stderr)
    if args.docx:
        print(f"Word file written to {args.docx}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate

    text, report = evaluate(_assistant().index, Path(args.questions), args.modes, args.answers, Path(args.drafts_file),
                            args.drafts)
    print(text)
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    host, port, workers = args.host or settings.host, args.port or settings.port, getattr(args, "workers", 1)
    if workers > 1 and not settings.chroma_url:
        print("error: several workers need a Chroma server: set ASSISTANT_CHROMA_URL", file=sys.stderr)
        return 2
    print(f"starting the assistant at http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it", flush=True)
    uvicorn.run("assistant.serve.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning" if args.quiet else "info",
                timeout_graceful_shutdown=settings.shutdown_seconds)  # one Ctrl+C stops it, streams or not
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    args.paths, args.no_embed, args.host, args.port = [], False, None, None
    return cmd_setup(args) or cmd_ingest(args) or cmd_serve(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Health-plan assistant (offline).")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("setup", help="fetch, assemble and verify the offline models").set_defaults(func=cmd_setup)

    p = sub.add_parser("ingest", help="index files or folders (default: the bundled corpus)")
    p.add_argument("paths", nargs="*")
    p.add_argument("--no-embed", action="store_true", help="catalogue and lexical index only")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="hybrid search; one JSON line per query with --json")
    p.add_argument("query", nargs="+")
    p.add_argument("--json", action="store_true")
    p.add_argument("--k", type=int, default=None)
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    p.add_argument("--doc-type", help="KH, TB, 'Kế hoạch', 'Thông báo' …")
    p.add_argument("--year", type=int)
    p.add_argument("--issuer", help="e.g. 'Sở Y tế', 'UBND'")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with verified citations")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print {answer, declined, citations}")
    p.add_argument("--history", help="JSON file of earlier turns [{role, content}] for follow-up questions")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("draft", help="draft a document, or one part, section or table of it, in the house style")
    p.add_argument("instruction")
    p.add_argument("--json", action="store_true", help="print {draft, citations, warnings}")
    p.add_argument("--docx", help="also write the draft as a Word file here")
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("tasks", help="assignments per unit across all documents (aliases accepted)")
    p.add_argument("unit", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("restore", help="restore Vietnamese diacritics: text on stdin, restored text on stdout")
    p.add_argument("--force", action="store_true", help="restore even if the text looks already accented or not Vietnamese")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("train-restorer", help="train the diacritic restorer's syllable model from the shared corpora")
    p.add_argument("--out", type=Path, default=MODEL_PATH)
    p.add_argument("--no-seeds", action="store_true", help="legal corpora only (held-out evaluation)")
    p.add_argument("--no-congbao", action="store_true", help="Pháp điển only, without the Gazette texts")
    p.set_defaults(func=cmd_train_restorer)

    sub.add_parser("settings", help="the configuration table: every ASSISTANT_* variable, its default and meaning"
                   ).set_defaults(func=cmd_settings)

    p = sub.add_parser("eval", help="retrieval metrics on the dev set")
    p.add_argument("--questions", default=str(Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"))
    p.add_argument("--modes", default="dense,lexical,hybrid", help="retrieval configurations ('' for none)")
    p.add_argument("--answers", default="", help="answer generators to score, e.g. extractive,local")
    p.add_argument("--drafts", nargs="?", const="extractive", default="",
                   help="also score drafts against eval/drafts.jsonl, per generator (default extractive), e.g. extractive,local")
    p.add_argument("--drafts-file", default=str(Path(__file__).resolve().parent.parent / "eval" / "drafts.jsonl"))
    p.add_argument("--report", help="also write the figures as JSON here")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", help="the web chat and HTTP API (default http://127.0.0.1:8000/)")
    p.add_argument("--host", help="interface to listen on (ASSISTANT_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (ASSISTANT_PORT, default 8000)")
    p.add_argument("--workers", type=int, default=1, help="processes sharing the data folder (needs a Chroma server)")
    p.add_argument("--quiet", action="store_true", help="log warnings only")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("run", help="set up, ingest the bundled corpus and start the web chat")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    offline_environment()
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
