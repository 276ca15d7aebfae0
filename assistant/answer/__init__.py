"""Answers with verified citations: follow-ups rewritten, task questions answered from the task table,
declining when the corpus does not hold the answer, extractive or LLM answers, every citation checked."""
