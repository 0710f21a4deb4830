"""Input limits: how big a file the reader accepts before refusing it.

A filing is text for an NLP pipeline; a 100 MB file would take hours and
gigabytes there, and is almost always a mistake (a data dump, an XBRL archive,
a disk image). So the size is checked from the file system *before* reading,
and the read itself never takes more than the limit plus one byte, which keeps
memory bounded even for a file that grows while we read it.

The limit is a setting: ``$FILING_KG_MAX_FILE_MB`` (megabytes, decimals allowed;
``0`` turns the check off), default :data:`DEFAULT_MAX_FILE_MB`.
"""

from __future__ import annotations

import os

from graph.errors import ConfigError

DEFAULT_MAX_FILE_MB = 50.0
ENV_MAX_FILE_MB = "FILING_KG_MAX_FILE_MB"
_MB = 1_000_000


def max_file_bytes() -> int | None:
    """The size limit in bytes from the environment (None: no limit); ConfigError for a bad value."""
    raw = os.environ.get(ENV_MAX_FILE_MB, "").strip()
    if not raw:
        return int(DEFAULT_MAX_FILE_MB * _MB)
    try:
        mb = float(raw)
    except ValueError:
        raise ConfigError(f"{ENV_MAX_FILE_MB}={raw!r} is not a number of megabytes") from None
    if mb < 0:
        raise ConfigError(f"{ENV_MAX_FILE_MB}={raw!r} must be 0 (no limit) or positive")
    return None if mb == 0 else int(mb * _MB)


def too_large_reason(size: int, limit: int) -> str:
    """The one-line reason for a refused file, in the same words everywhere."""
    return f"file too large ({size / _MB:.1f} MB > limit {limit / _MB:g} MB; set {ENV_MAX_FILE_MB} to change it)"
