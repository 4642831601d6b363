"""The one error the shop's services raise for anything a customer did wrong."""

from __future__ import annotations


class ShopError(Exception):
    """A request the shop refuses, with the Dutch message the customer sees.

    Args:
        message: what went wrong and what to do, shown to the customer as is.
        status: the HTTP status the web layer answers with (4xx).
        field: the form field or JSON key at fault, when there is one.
    """

    def __init__(self, message: str, status: int = 400, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field


class NotFound(ShopError):
    """Something the customer asked for does not exist, or is not theirs to see."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, 404, field)
