"""Populations: thousands of synthetic customers walking the suite's journeys at once, on Locust.

``journeys simulate`` (``command``) reads a weighted mix of scenarios (``mix``), lets
customers arrive at a rate and walk without a browser (``engine``, ``walker``; the clock
shared as ``timekeeping`` says), and writes results (``results``, ``report``) with the
population privacy rule (``privacy``) and k6-style thresholds (``thresholds``).
Only ``engine`` imports Locust (and with it gevent's monkey-patching): nothing else here
does, so these modules can be used in any process. docs/simulation.md tells the whole story.
"""
