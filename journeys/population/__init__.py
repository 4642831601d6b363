"""Populations: thousands of synthetic customers walking the suite's journeys at once, on Locust.

``journeys simulate`` (``command``, ``launch``) reads a weighted mix of scenarios (``mix``)
into a ``plan``, hands out customer identities (``identities``), lets customers arrive at a
rate and walk (``engine``, ``walker``; the clock shared as ``timekeeping`` says): without a
browser in the engine's greenlets, or in browser processes (``browsers``, ``browser_process``),
or on Locust workers (``master``, ``workforce``, ``worker``), which attach to the run's system
(``attached``). It tells progress and the verdict (``telling``) and writes
results (``results``, ``report``) with the population privacy rule (``privacy``) and k6-style
thresholds (``thresholds``), each judged on how many customers reached what it reads
(``reach``); every journey that went wrong gets one cause (``causes``, ``moments``), and the
number of customers at once is found by ramping (``load``). Only ``engine``, ``load``,
``browsers``, ``master``, ``workforce`` and ``worker`` import Locust or gevent (and with
Locust, gevent's monkey-patching): the others can be used in any process, the browser process
above all; the report's page is ``report_page``. docs/simulation.md tells the whole story.
"""
