"""Pure normalisers of filing text: numbers, money, percentages, dates, durations, titles, places, names.

No NLP here: every function is a plain, deterministic text-to-value mapping
shared by extraction (to write canonical facts) and evaluation (to compare
them), so both sides agree on what "the same value" means.
"""
