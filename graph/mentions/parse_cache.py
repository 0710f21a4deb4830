"""Parsed pieces remembered by their text, so boilerplate is parsed once per process.

Filings repeat themselves: a filer's address and signature blocks, its
forward-looking-statements legend, the exchange-listing paragraph, a
transfer agent's notice recur in every filing of a corpus (about an eighth
of the parsed text of the 8-K corpus is a piece already parsed). A piece is
parsed alone (:func:`graph.mentions.extract.parse_texts`), so the same text
with the same components always gives the same Doc, and a remembered parse
is exactly what parsing it again would give: the graph does not depend on
the order documents arrive in or on which worker sees them.

A piece is kept as its token array (``Doc.to_array`` of the attributes
``Doc.from_docs`` copies: about 120 bytes a token), in a cache bounded by
tokens that drops the least recently used piece first.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: tokens of parsed pieces kept per pipeline (about 12 MB)
CACHE_TOKENS = 100_000
#: longer pieces are not kept: boilerplate is short, and one long piece would push out many
MAX_PIECE_CHARS = 20_000

#: the token attributes ``Doc.from_docs`` copies: words, whitespace, tags, parse, sentence starts, entities
ARRAY_ATTRS = list(Doc._get_array_attrs())
_ORTH, _SPACY = ARRAY_ATTRS.index(ORTH), ARRAY_ATTRS.index(SPACY)


def doc_from_array(vocab: Vocab, arr: numpy.ndarray) -> Doc:
    """A Doc from rows of :data:`ARRAY_ATTRS` (``Doc.to_array``), words and spaces read from the array.

    Building it this way costs one string look-up per token, where going
    through Python ``Token`` objects (as ``Doc.from_docs`` does) costs an
    object per token.
    """
    if not len(arr):
        return Doc(vocab)
    strings = vocab.strings
    doc = Doc(vocab, words=[strings[o] for o in arr[:, _ORTH].tolist()], spaces=(arr[:, _SPACY] != 0).tolist())
    doc.from_array(ARRAY_ATTRS, arr)
    return doc


class PieceCache:
    """Token arrays of parsed pieces by (mode, text); least recently used dropped past ``max_tokens``."""

    def __init__(self, max_tokens: int = CACHE_TOKENS) -> None:
        self.max_tokens = max_tokens
        self.tokens = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[tuple[str, str], numpy.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, vocab: Vocab, mode: str, text: str) -> Doc | None:
        """The remembered parse of ``text`` as a new Doc, or ``None``."""
        arr = self._items.get((mode, text))
        if arr is None:
            self.misses += 1
            return None
        self._items.move_to_end((mode, text))
        self.hits += 1
        return doc_from_array(vocab, arr)

    def put(self, mode: str, text: str, doc: Doc) -> None:
        """Remember ``doc`` (the finished parse of ``text`` in ``mode``) if it is short enough."""
        if len(text) > MAX_PIECE_CHARS or not len(doc) or len(doc) > self.max_tokens or (mode, text) in self._items:
            return
        self._items[(mode, text)] = doc.to_array(ARRAY_ATTRS)
        self.tokens += len(doc)
        while self.tokens > self.max_tokens:
            _, old = self._items.popitem(last=False)
            self.tokens -= len(old)


_CACHES: "weakref.WeakKeyDictionary[Language, PieceCache]" = weakref.WeakKeyDictionary()


def piece_cache(nlp: Language) -> PieceCache:
    """The cache of this pipeline (one per loaded model in a process)."""
    cache = _CACHES.get(nlp)
    if cache is None:
        cache = _CACHES[nlp] = PieceCache()
    return cache
