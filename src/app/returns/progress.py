"""A small progress protocol for long jobs; the window adapts it to Qt signals.

Services call `start(total)`, then `advance(step)` once per step with a Chinese
description of the step just begun, and `finish()` at the end (also after a
failure or a cancellation); they look at `cancelled` between steps.
"""

from __future__ import annotations

from typing import Protocol

from models.errors import JinduError


class Progress(Protocol):
    cancelled: bool

    def start(self, total: int) -> None: ...

    def advance(self, step: str) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """Progress nobody watches: what a service uses when its caller passed none."""

    cancelled = False

    def start(self, total: int) -> None:
        pass

    def advance(self, step: str) -> None:
        pass

    def finish(self) -> None:
        pass


class Cancelled(JinduError):
    """The user cancelled; whatever the job had written was removed."""
