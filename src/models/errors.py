"""Typed errors. Models raise these; the CLI and the window turn them into text.

Every message is Chinese, because it reaches a clerk (command line) or an official
document. Input errors name the field and the value, so that the clerk can find
what to fix without reading code.
"""

from __future__ import annotations


class JinduError(Exception):
    """Base of every error Jindu expects and explains to the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(JinduError):
    """A value typed or imported by a user was refused. Nothing was changed."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}「{value}」无效：{reason}")


class NotFoundError(InputError):
    """An id, code or name that does not exist."""


class StateError(JinduError):
    """The action is not allowed in the current state (a signed period, say)."""


class PlanFormatError(JinduError):
    """A plan catalogue that does not follow the jindu-plan/1 format."""

    def __init__(self, origin: str, path: str, problem: str) -> None:
        self.origin = origin
        self.path = path
        self.problem = problem
        super().__init__(f"计划文件 {origin} 中 {path or '(根)'}：{problem}")


class StoreError(JinduError):
    """The environment failed: the database is damaged, locked, or the disk is full."""


class UsageError(JinduError):
    """The command was called wrongly, a path is missing, or no passphrase is available."""

    exit_code = 2
