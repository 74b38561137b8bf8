"""Candor's benchmark harness: deterministic corpora, timed child builds and a report.

Run it with ``make bench`` (quick sizes) or ``python -m benchmarks.run --size full``.
"""
