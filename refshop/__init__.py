"""Tulp Electronics: the reference shop the journeys harness is pointed at by default.

A real omnichannel retailer in miniature: a Flask web shop with customer
accounts, an app JSON API, a chat widget, a returns portal, a store (POS) API,
a customer-service agent console, SQLite storage and real SMTP mail, all
driven by a test clock. Named faults (``refshop.faults``) can be switched on at
start; each changes one seam where a real silo would go wrong.

The harness never imports this package: it starts ``python -m refshop`` and
talks to it over HTTP and SMTP. Tests of the shop itself use
``refshop.server.serve``.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
