"""Source formats rendered to clean text with offsets (:class:`graph.model.TextPart`).

* :func:`clean_plain` -- EDGAR plain text, line layout kept;
* :func:`html_to_text` -- visible text of HTML, tables as `` | `` rows;
* :func:`exact_source_span` -- a source span that never cuts an HTML entity.

Reading a format is the source stage's job, so rendering lives here; the text
stage (:mod:`graph.text`) works on the rendered parts. Every character of the
result maps back to a character of the source text.
"""

from graph.source.render.html import html_to_text
from graph.source.render.plain import clean_plain
from graph.source.render.spans import exact_source_span

__all__ = ["clean_plain", "html_to_text", "exact_source_span"]
