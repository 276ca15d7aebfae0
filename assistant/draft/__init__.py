"""Drafting in the house style: the request read, a skeleton per document type, exemplar tasks adapted from
the corpus, checks, and the draft rendered as Markdown and as a Word file; drafter.py orchestrates."""
