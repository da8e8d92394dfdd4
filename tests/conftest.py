"""Fixtures several test modules share."""

from websites import site

__all__ = ["site"]
