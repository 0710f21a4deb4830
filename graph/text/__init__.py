"""Text with structure: views of rendered parts that rules read.

* :func:`reflow` -- an NLP view joining the lines of each paragraph;
* :mod:`graph.text.layout` -- what a layout line is (short lines, list items).

Rendering source formats to text lives in :mod:`graph.source.render`.
"""

from graph.text.reflow import reflow

__all__ = ["reflow"]
