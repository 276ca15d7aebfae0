"""One FastAPI router per resource: questions (search, ask), drafting, tasks, documents, health."""
