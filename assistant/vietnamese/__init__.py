"""Vietnamese text primitives, importing nothing else of the project: folding and normalising, OCR-repaired
tokens, the shared patterns (dates, years, numbers, deadlines, sentence and item boundaries), language and
case helpers, the unit alias table, and the diacritic restorer with its training."""
