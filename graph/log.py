"""The project's single named logger; the library logs, it never prints."""

from __future__ import annotations

import logging

LOGGER_NAME = "filing_kg"
logger = logging.getLogger(LOGGER_NAME)
logger.addHandler(logging.NullHandler())


def get_logger(child: str | None = None) -> logging.Logger:
    """Return the project logger, or a child of it for one module."""
    return logger.getChild(child) if child else logger
