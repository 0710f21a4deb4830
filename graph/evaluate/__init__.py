"""Scoring extracted facts against gold files written in data/gold/FORMAT.md.

``gold`` loads and checks gold YAML, ``values`` defines literal matching
keys, ``score`` matches one document, ``report`` aggregates and prints.
"""
