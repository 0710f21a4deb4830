"""Optional dependencies: import one lazily, or say in one line which extra installs it.

``matplotlib`` (only ``filing-kg draw``) and the ``neo4j`` driver (only the push to a
server) are heavy and needed by few users, so they are extras rather than core
dependencies; a command that needs one fails with a pip line instead of a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from graph.errors import FilingKGError


class MissingExtra(FilingKGError):
    """A feature's optional dependency is not installed."""


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """``import module``, or MissingExtra: ``draw needs matplotlib: pip install 'filing-kg[draw]'``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        package = module.partition(".")[0]
        raise MissingExtra(f"{feature} needs {package}: pip install 'filing-kg[{extra}]'") from None
