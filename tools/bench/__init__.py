"""``make bench``: the performance benchmark and its budgets (issue 6). Not a test suite.

One module per measurement: ``builds`` (real vs stock build times, guide engine share),
``scaling`` (synthetic sites and trees), ``weight`` (gzipped transfer per page),
``lighthouse``, ``steps`` (guide step latency); ``budgets`` and ``report`` turn the numbers
into verdicts and a table; ``__main__`` runs everything.
"""
