"""The write path, in running order: load a file (loaders/), parse its header and sections (header.py,
structure.py), cut it into chunks (chunking.py), restore lost diacritics (restoring.py), extract the tasks
it assigns (tasks.py); pipeline.py runs them incrementally into the index."""
