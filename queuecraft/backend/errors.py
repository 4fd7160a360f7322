"""Domain errors raised by services and translated at the edges (API, dashboard, worker)."""

from __future__ import annotations


class QueueCraftError(Exception):
    """Base of every domain error; `message` is safe to show to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(QueueCraftError):
    """Input breaks a business rule (the API answers 422, the dashboard shows the message)."""


class AuthenticationFailed(QueueCraftError):
    """Credentials or token are missing, wrong, or expired."""


class UserAlreadyExists(QueueCraftError):
    """Username or email is taken."""


class JobNotFound(QueueCraftError):
    """No job with that id is visible to the caller."""


class JobAlreadyFinished(QueueCraftError):
    """RQ delivered a job again whose record is already final (at-least-once delivery)."""


class QueueUnavailable(QueueCraftError):
    """Redis could not be reached, so the job could not be queued."""
