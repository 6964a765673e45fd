"""Errors that name the file, the line and what was expected."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """The exit codes of every command, pySHACL's for validation: scripts can trust them."""

    OK = 0  # done
    FINDINGS = 1  # done, but the data has the problem the command names (a line not placed, shapes violated)
    ERROR = 2  # an input could not be read, or the work could not be done (the message says why)


class ZangraphError(Exception):
    """Base of the errors the CLI reports without a traceback."""


class SourceError(ZangraphError):
    """A source that cannot be read or placed: says where and what was expected."""

    def __init__(self, file: str, message: str, line: int | None = None, expected: str | None = None):
        self.file = file
        self.line = line
        self.expected = expected
        where = f"{file}:{line}" if line is not None else file
        text = f"{where}: {message}"
        if expected:
            text += f" (expected {expected})"
        super().__init__(text)


class NotFound(ZangraphError):
    def __init__(self, kind: str, ident: str, hint: str | None = None):
        self.kind, self.ident = kind, ident
        super().__init__(f"no {kind} {ident!r}" + (f": {hint}" if hint else ""))


class InvalidParameter(ZangraphError):
    def __init__(self, name: str, value: str, expected: str):
        self.name, self.value, self.expected = name, value, expected
        super().__init__(f"parameter {name}={value!r}: expected {expected}")
