"""The CLI's and the API's outputs on the dev questions and drafting instructions, written to files for a byte
comparison across a refactoring: run it on the code before and after, then `cmp` the two folders' files.

    ROOT=$PWD python eval/contracts.py OUT_FOLDER DATA_FOLDER

DATA_FOLDER receives its own index of the bundled corpus (extractive generator). Draft timings are left out;
`cli.txt` still holds the CLI draft's, so compare it with `"seconds"` values masked.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

root = Path(os.environ["ROOT"])
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
data = Path(sys.argv[2])
sys.path.insert(0, str(root))  # the code under comparison, not the installed one
os.environ.update(ASSISTANT_DATA_DIR=str(data), ASSISTANT_LLM="extractive")

from fastapi.testclient import TestClient  # noqa: E402

from assistant.config import Settings, offline_environment  # noqa: E402
from assistant.serve.app import create_app  # noqa: E402
from assistant.serve.service import Assistant  # noqa: E402

offline_environment()
settings = Settings(data_dir=data, llm="extractive")
assistant = Assistant(settings)
report = assistant.ingest([root / "corpus"], progress=False)
print(report.summary())
questions = [json.loads(l) for l in (root / "eval/questions.jsonl").read_text().splitlines() if l.strip()]
drafts = [json.loads(l) for l in (root / "eval/drafts.jsonl").read_text().splitlines() if l.strip()]
client = TestClient(create_app(assistant, web=False))
lines = []
for q in questions:
    lines.append(client.post("/search", json={"query": q["question"]}).text)
    lines.append(client.post("/ask", json={"question": q["question"]}).text)
    lines.append(client.post("/ask", json={"question": q["question"], "filters": {"doc_type": "KH"}}).text)
lines.append(client.post("/ask", json={"question": "còn Sở Nội vụ thì sao?", "history": [{"role": "user", "content": "Sở Tài chính phải làm gì?"}]}).text)
for d in drafts:
    r = client.post("/draft", json={"instruction": d["instruction"]}).json()
    r["stats"].pop("seconds", None)
    lines.append(json.dumps(r, ensure_ascii=False))
for unit in ["Sở Tài chính", "phong KHTC", "Finance department", "", "xyz"]:
    lines.append(client.get("/tasks", params={"unit": unit} if unit else {}).text)
lines.append(client.get("/documents").text)
h = client.get("/health").json(); lines.append(json.dumps(h))
lines.append(client.post("/search", json={"query": "x", "filters": {"year": 2019}}).text)
lines.append(client.post("/search", json={"query": "kinh phi", "filters": {"bogus": 1}}).text)
(out / "api.jsonl").write_text("\n".join(lines) + "\n")
env = {**os.environ, "PYTHONPATH": str(root)}
cli = [sys.executable, "-m", "assistant.cli"]
def run(*args):
    r = subprocess.run(cli + list(args), capture_output=True, text=True, env=env, cwd=root)
    return f"$ {' '.join(args)}\nrc={r.returncode}\n{r.stdout}\n--stderr--\n{r.stderr if r.returncode else ''}"
texts = [run("search", "--json", *[q["question"] for q in questions]),
         run("search", "--json", "--year", "2025", "--doc-type", "KH", "kinh phi hoi nghi"),
         run("tasks", "--json", "phong KHTC"),
         run("ask", "--json", questions[0]["question"]), run("ask", "--json", questions[5]["question"]),
         run("draft", "--json", drafts[0]["instruction"])]
(out / "cli.txt").write_text("\n".join(texts))
print("captured", len(lines))
