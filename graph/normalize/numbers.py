"""Numbers as filings write them: digits, scale words, English number words.

Filings state the same quantity as "2,996,667", "ten million", "$2.5 million"
or "three (3)"; facts store one canonical plain decimal string so that gold
and predictions compare as numbers (FORMAT.md, "Matching").

Decisions:

* :func:`parse_number` is *strict*: the whole text must be one number
  expression (an optional currency prefix such as ``$``/``US$`` is allowed).
  Use :func:`find_numbers` to scan running text.
* ``"(1,000)"`` (the accounting way of printing a negative) parses as
  ``-1000``; ``"three (3)"`` (a word number repeated in digits) parses as
  ``3``, trusting the digits.
* Percent signs are not numbers here: ``parse_number("7.5%")`` is ``None``
  (see :mod:`graph.normalize.percent`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["parse_number", "format_decimal", "find_numbers", "NUMBER_WORD_RE"]

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
#: denominators of spelled fractions ("one-half", "three-eighths")
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "eighth": 8, "eighths": 8, "sixteenth": 16, "sixteenths": 16,
}

_WORDS = sorted([*UNITS, *TENS, "hundred", *SCALES, *FRACTIONS], key=len, reverse=True)
_WORD_ALT = "|".join(_WORDS)
#: a run of English number words ("seven and one-half", "two hundred fifty thousand")
NUMBER_WORD_RE = re.compile(
    rf"\b(?:{_WORD_ALT})(?:(?:[\s\-]+|[\s\-]+and[\s\-]+)(?:{_WORD_ALT}))*\b", re.IGNORECASE
)
_SCALE_ALT = "|".join(SCALES)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
#: digits with an optional mixed fraction ("7 1/2") or scale word ("2.5 million")
_DIGIT_RE = re.compile(
    rf"(?<![\w.,/])(?P<num>{_DIGITS})"
    rf"(?:(?P<frac>\s+\d{{1,2}}/\d{{1,2}})|\s*(?P<scale>{_SCALE_ALT})\b)?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_SIMPLE_FRACTION_RE = re.compile(r"(?<![\w./])(\d{1,2})/(\d{1,2})(?![\w/])")
_CURRENCY_PREFIX_RE = re.compile(r"^(?:US\s?\$|U\.S\.\s?\$|USD\s*|\$)\s*", re.IGNORECASE)
_PAREN_DUP_RE = re.compile(r"^(?P<words>.*?\S)\s*\(\s*(?P<digits>[$\d][\d,.\s]*)\s*\)$")


def format_decimal(d: Decimal) -> str:
    """Canonical plain string of a number: no exponent, no trailing zeros ("2500000", "1.53")."""
    if not d.is_finite():
        raise ValueError(f"not a finite number: {d}")
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _to_decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None


def _fraction(num: int, den: int) -> Decimal | None:
    """Exact decimal of a simple fraction, or None when it does not terminate (1/3)."""
    if den == 0:
        return None
    value = Decimal(num) / Decimal(den)
    return value if value * den == num else None


def _parse_words(tokens: list[str]) -> Decimal | None:
    """Value of a list of lower-case number words, or None if they do not form one number."""
    if not tokens:
        return None
    whole: list[str] = tokens
    frac = Decimal(0)
    # "[... and] one-half" / "three-eighths" at the end
    if tokens[-1] in FRACTIONS:
        den = FRACTIONS[tokens[-1]]
        if len(tokens) >= 2 and tokens[-2] in UNITS:
            num, rest = UNITS[tokens[-2]], tokens[:-2]
        elif tokens[-1] in ("half", "quarter") and (len(tokens) == 1 or tokens[-2] in ("a", "and")):
            num, rest = 1, tokens[:-1]
            if rest and rest[-1] == "a":
                rest = rest[:-1]
        else:
            return None
        f = _fraction(num, den)
        if f is None:
            return None
        frac = f
        if rest and rest[-1] == "and":
            rest = rest[:-1]
            if not rest:
                return None
        whole = rest
        if not whole:
            return frac
    total = 0
    current = 0
    prev: str | None = None  # kind of the previous token
    for tok in whole:
        if tok == "and":
            if prev not in ("hundred", "scale"):
                return None
            prev = "and"
            continue
        if tok == "a" and prev is None:
            prev = "a"
            current = 1
            continue
        if tok in UNITS:
            v = UNITS[tok]
            if prev == "tens" and 1 <= v <= 9:
                pass
            elif prev not in (None, "hundred", "scale", "and"):
                return None
            current += v
            prev = "unit"
        elif tok in TENS:
            if prev not in (None, "hundred", "scale", "and"):
                return None
            current += TENS[tok]
            prev = "tens"
        elif tok == "hundred":
            if prev not in (None, "unit", "tens", "a"):
                return None
            current = (current or 1) * 100
            prev = "hundred"
        elif tok in SCALES:
            if prev not in (None, "unit", "tens", "hundred", "a"):
                return None
            total += (current or 1) * SCALES[tok]
            current = 0
            prev = "scale"
        else:
            return None
    if prev == "and":
        return None
    return Decimal(total + current) + frac


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", text.lower()) if t]


def _parse_digit_match(m: re.Match[str]) -> Decimal | None:
    value = _to_decimal(m.group("num"))
    if value is None:
        return None
    if m.group("frac"):
        n, d = m.group("frac").strip().split("/")
        f = _fraction(int(n), int(d))
        if f is None or f >= 1 or "." in m.group("num"):
            return None
        value += f
    if m.group("scale"):
        value *= SCALES[m.group("scale").lower()]
    return value


def parse_number(text: str) -> Decimal | None:
    """The number a whole text states ("2,996,667", "ten million", "$2.5 million"), else None."""
    if not text:
        return None
    s = " ".join(text.split()).strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        inner = s[1:-1].strip()
        if inner and "(" not in inner:
            negative, s = True, inner
    m = _PAREN_DUP_RE.match(s)
    if m:  # "three (3)": trust the digits, but only if the words part is a number too
        digits = parse_number(m.group("digits"))
        words = parse_number(m.group("words"))
        if digits is not None and words is not None:
            return -digits if negative else digits
        return None
    if s[:1] in "-\u2212":
        negative, s = not negative, s[1:].strip()
    s = _CURRENCY_PREFIX_RE.sub("", s)
    if s.endswith("."):  # sentence-final period
        s = s[:-1].rstrip()
    if not s:
        return None
    value: Decimal | None
    dm = _DIGIT_RE.fullmatch(s)
    if dm:
        value = _parse_digit_match(dm)
    elif (fm := _SIMPLE_FRACTION_RE.fullmatch(s)) is not None:
        value = _fraction(int(fm.group(1)), int(fm.group(2)))
    else:
        # digits followed by a scale word written out ("1.5 million") is handled above;
        # the rest must be number words, possibly led by digits and a scale ("10 million")
        value = _parse_words(_tokens(s))
    if value is None:
        return None
    return -value if negative else value


def find_numbers(text: str) -> list[tuple[int, int, Decimal]]:
    """Every number expression in running text, as ``(start, end, value)`` spans, in order.

    Digit forms win over overlapping word forms; a word run that does not parse is skipped.
    """
    found: list[tuple[int, int, Decimal]] = []
    taken: list[tuple[int, int]] = []
    for m in _DIGIT_RE.finditer(text):
        v = _parse_digit_match(m)
        if v is not None:
            found.append((m.start(), m.end(), v))
            taken.append((m.start(), m.end()))
    for m in _SIMPLE_FRACTION_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        f = _fraction(int(m.group(1)), int(m.group(2)))
        if f is not None and f < 1:
            found.append((m.start(), m.end(), f))
            taken.append((m.start(), m.end()))
    for m in NUMBER_WORD_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        span = _longest_word_number(text, m.start(), m.end())
        if span is not None:
            found.append(span)
    found.sort(key=lambda t: t[0])
    return found


def _longest_word_number(text: str, start: int, end: int) -> tuple[int, int, Decimal] | None:
    """Shrink a run of number words from the right until it parses ("one and two" -> "one")."""
    chunk = text[start:end]
    parts = list(re.finditer(r"[A-Za-z]+", chunk))
    for n in range(len(parts), 0, -1):
        stop = parts[n - 1].end()
        value = _parse_words(_tokens(chunk[:stop]))
        if value is not None:
            return start, start + stop, value
    return None
