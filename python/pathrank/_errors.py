"""pathrank.Error and its subclasses, one per engine status code."""

from __future__ import annotations


class Error(Exception):
    """A failed pathrank call. `code` is the engine's status name
    ("InvalidArgument", ...); `message` the engine's message, which names the
    field at fault (a JSON pointer such as "/mastery/cobol")."""

    code = "Unknown"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidArgumentError(Error, ValueError):
    """The input is malformed or out of range."""

    code = "InvalidArgument"


class NotFoundError(Error, LookupError):
    """A named thing (profile, item, goal) does not exist."""

    code = "NotFound"


class AlreadyExistsError(Error):
    code = "AlreadyExists"


class FailedPreconditionError(Error):
    code = "FailedPrecondition"


class OutOfRangeError(Error):
    """A value is beyond a configured limit."""

    code = "OutOfRange"


class UnavailableError(Error):
    """A resource (a file) cannot be read."""

    code = "Unavailable"


class InternalError(Error):
    """A bug in pathrank, or memory ran out."""

    code = "Internal"


_BY_STATUS = {1: InvalidArgumentError, 2: NotFoundError, 3: AlreadyExistsError,
              4: FailedPreconditionError, 5: OutOfRangeError, 6: UnavailableError,
              7: InternalError}


def raise_for_status(status: int, message: str) -> None:
    """Raises the Error subclass for C status `status` (not 0)."""
    raise _BY_STATUS.get(status, Error)(message)
