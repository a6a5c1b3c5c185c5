"""`python -m app`: the same as the `jindu` command."""

from app.cli import run

run()
