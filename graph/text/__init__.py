"""Clean text with offsets: pure functions from source text to :class:`graph.model.TextPart`.

* :func:`clean_plain` -- EDGAR plain text, line layout kept;
* :func:`html_to_text` -- visible text of HTML, tables as `` | `` rows;
* :func:`reflow` -- an NLP view joining the lines of each paragraph;
* :func:`exact_source_span` -- a source span that never cuts an HTML entity.

Every character of the result maps back to a character of the source text.
"""

from graph.text.html import html_to_text
from graph.text.plain import clean_plain
from graph.text.reflow import reflow
from graph.text.spans import exact_source_span

__all__ = ["clean_plain", "html_to_text", "reflow", "exact_source_span"]
