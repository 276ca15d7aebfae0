"""Health-plan assistant: offline question answering and drafting over Vietnamese health-sector documents."""
