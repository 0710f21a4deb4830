"""A readable text view of an XML form, for the NLP stages (footnotes, remarks, clarifications).

One line per element with text: ``elementName: text``. The text characters
map to their source characters; the label maps to the start of the text.
"""

from __future__ import annotations

from graph.model import TextPart
from graph.source.xmlforms.xmldoc import XmlDoc
from graph.source.render.builder import TextBuilder


def render_xml(doc: XmlDoc, end: int) -> TextPart:
    b = TextBuilder()
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        fv = doc.field(el)
        if fv is None:
            continue
        if len(b):
            b.add_char("\n", fv.start)
        parent = el.getparent()
        label = parent.tag if el.tag == "value" and parent is not None else el.tag
        b.add(f"{label}: ", fv.start)
        raw = doc.source_text[fv.start : fv.end]
        if raw == fv.value:
            for i, ch in enumerate(raw):
                b.add_char(" " if ch in "\r\n\t" else ch, fv.start + i)
        else:  # entities or CDATA: decoded text, each char mapped to the start of its value
            b.add(" ".join(fv.value.split()), fv.start)
    return b.build(end, kind="xml")
