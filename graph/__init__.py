"""filing-kg: SEC EDGAR filings in, provenance-tracked RDF knowledge graph out.

The package reads as a pipeline, one sub-package per stage:
``source`` (files -> documents) -> ``text`` (clean text with offsets) ->
``mentions`` (spaCy + filing rules) -> ``entities`` (resolution) ->
``rdf`` (ontology graph) -> ``store`` -> ``query`` / ``evaluate``.
"""

__version__ = "0.1.0"
