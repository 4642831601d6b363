"""One run: its options, declared once, and its settings, read once where a command starts; the commands that
shape a run (dry run, init, report)."""
