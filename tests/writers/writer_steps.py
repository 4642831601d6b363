"""The writers' tests' small project: a touchpoint map, a pyproject and a step catalogue.

The catalogue is built here rather than taken from the bundled step library,
so these tests keep their meaning while the library grows; the bundled steps
are checked against the repository's own features in test_writer_lint.py.
"""

from __future__ import annotations

from journeys.vocabulary.sentences import Catalogue, Sentence

MAP = """\
system: shop
title: A shop for the writers' tests
base_url: http://127.0.0.1:9
timezone: Europe/Amsterdam
segments: [student, family]
touchpoints:
  web.checkout:
    channel: web
    url: /checkout
    facts:
      order.total: {testid: checkout-total, kind: money}
  email.order_confirmation:
    channel: email
    subject: "Order {order_number}"
    facts:
      order.number: {regex: "Order (\\\\S+)", kind: order_ref}
"""

PYPROJECT = """\
[project]
name = "a-journey-project"

[tool.journeys]
tags = ["smoke", "@black-friday"]
"""

# (kind, English, Dutch, example): declared in pairs, as journeys.vocabulary.decorators does.
STEPS = [
    ("given", "a customer", "een klant", {}),
    (
        "given",
        'a customer in the "{segment}" segment',
        'een klant in het segment "{segment}"',
        {"segment": "student"},
    ),
    ("given", "it is {moment}", "het is {moment}", {"moment": "Friday 17:45"}),
    ("when", "{duration} pass", "er {duration} verstrijken", {"duration": "2 days"}),
    (
        "when",
        'she orders {quantity} "{sku}" on the {channel}',
        'ze {quantity} "{sku}" bestelt via de {channel}',
        {"quantity": "2", "sku": "tablet-10", "channel": "web"},
    ),
    ("when", "she visits {touchpoint}", "ze {touchpoint} bezoekt", {"touchpoint": "web.checkout"}),
    (
        "then",
        "every touchpoint agrees on the {fact}",
        "is elk contactpunt het eens over {fact}",
        {"fact": "order total"},
    ),
    ("then", "she paid {amount}", "heeft ze {amount} betaald", {"amount": "€ 12,00"}),
    (
        "then",
        "delivery is promised on {day}",
        "wordt bezorging beloofd op {day}",
        {"day": "Wednesday"},
    ),
]


def make_catalogue() -> Catalogue:
    catalogue = Catalogue()
    for number, (kind, en, nl, example) in enumerate(STEPS):
        for language, pattern in (("en", en), ("nl", nl)):
            catalogue.sentences.append(
                Sentence(kind, language, pattern, pattern.format(**example), f"step {number}", "test", key=number + 1)
            )
    return catalogue
