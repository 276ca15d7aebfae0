"""The read path: queries expanded with unit aliases and restored marks, metadata filters, dense and lexical
search fused, and the task table by unit."""
