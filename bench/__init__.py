"""``make bench``: synthetic datasets of 1,000 to 100,000 reports and the benchmark table.

A benchmark, not a test: ``python -m bench`` prints one table (``--json FILE`` writes it too).
Built datasets are kept in ``bench/.data/`` (SQLite files) and in PostgreSQL databases named
``priorities_bench_<n>``, so that a second run starts measuring at once.
"""
