"""One exception hierarchy so callers (and the CLI) can catch project errors alone."""

from __future__ import annotations


class FilingKGError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(FilingKGError):
    """A setting is missing or invalid (model name, output folder, ...)."""


class SourceError(FilingKGError):
    """A file could not be read as a filing; the message names the file and the reason."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ExtractionError(FilingKGError):
    """The NLP or rule stage failed on a document."""


class StoreError(FilingKGError):
    """The RDF store could not be opened, read or written."""


class QueryError(FilingKGError):
    """A SPARQL query is malformed or failed to run."""


class ValidationError(FilingKGError):
    """The graph does not conform to the SHACL shapes."""


class GoldFormatError(FilingKGError):
    """A gold YAML file does not follow FORMAT.md."""


class EvaluationError(FilingKGError):
    """An evaluation that cannot run as asked (no documents selected, a bad split file)."""
