"""Benchmarks (not tests): ``python -m wiretrace.bench NAME``. See ``make bench``."""
