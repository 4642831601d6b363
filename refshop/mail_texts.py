"""The texts of every mail the shop sends: subject and plain-text body.

Lines a reader (or the harness) looks for have the form ``Label: value``:
``Bestelnummer:``, ``Totaal:``, ``Bezorgdatum:``, ``Bezorgadres:``,
``Ophaaldatum:``, ``Afhaalwinkel:``, ``Winkel:``, ``Track & trace:``, ``Pakket:``,
``Terugbetaling:``, ``Zaaknummer:``, ``Kortingscode WELKOM10:``. No other line starts
with those labels.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from refshop.formats import day, euro, moment

GREETING_END = "Met vriendelijke groet,\nTulp Electronics klantenservice"


def address_line(order: sqlite3.Row) -> str:
    return f"{order['street']}, {order['postcode']} {order['city']}"


def _lines(lines: Sequence[sqlite3.Row]) -> str:
    return "\n".join(
        f"  {ln['quantity']} x {ln['name']}  {euro(Decimal(ln['unit_price']) * ln['quantity'])}" for ln in lines
    )


def order_confirmation(
    order: sqlite3.Row,
    lines: Sequence[sqlite3.Row],
    shown_total: Decimal,
    base_url: str,
    store_name: str | None = None,
    *,
    with_code: bool = True,
    promised: date | None = None,
) -> tuple[str, str]:
    """``Bevestiging van je bestelling RS-10001``; with its discount code's line (``with_code``), and the
    delivery date the order promised unless another is given (``promised``)."""
    ref = order["ref"]
    if order["fulfilment"] == "pickup":
        where = f"Ophaaldatum: {day(date.fromisoformat(order['pickup_date']))}\nAfhaalwinkel: {store_name}"
    else:
        when = promised or date.fromisoformat(order["promised_date"])
        where = f"Bezorgdatum: {day(when)}\nBezorgadres: {address_line(order)}"
    body = f"""Hallo {order["name"]},

Bedankt voor je bestelling bij Tulp Electronics.

Bestelnummer: {ref}
Artikelen:
{_lines(lines)}
Korting: {euro(order["discount"])}
{_code_line(order) if with_code else ""}Totaal: {euro(shown_total)}
{where}

Je bestelling volgen: {base_url}/account/orders/{ref}
Bestelcode (voor de app, geef hem aan niemand): {order["access_token"]}
Retourneren zonder in te loggen: {base_url}/returns?order_number={ref}&token={order["access_token"]}

{GREETING_END}
"""
    return f"Bevestiging van je bestelling {ref}", body


def _code_line(order: sqlite3.Row) -> str:
    """``Kortingscode WELKOM10: € 32,90`` and a line break, for an order with a code."""
    return f"Kortingscode {order['discount_code']}: {euro(order['code_discount'])}\n" if order["discount_code"] else ""


def receipt(order: sqlite3.Row, lines: Sequence[sqlite3.Row], store_name: str) -> tuple[str, str]:
    """``Kassabon voor bestelling RS-10001``: what she bought at the till and took home."""
    ref = order["ref"]
    body = f"""Hallo {order["name"]},

Bedankt voor je aankoop in {store_name}. Dit is je digitale kassabon.

Bestelnummer: {ref}
Artikelen:
{_lines(lines)}
Korting: {euro(order["discount"])}
Totaal: {euro(order["total"])}
Winkel: {store_name}

Retourneren kan binnen 14 dagen, in de winkel of via het retourportaal.

{GREETING_END}
"""
    return f"Kassabon voor bestelling {ref}", body


def shipping_notice(order: sqlite3.Row, address: str, base_url: str) -> tuple[str, str]:
    """``Je bestelling RS-10001 is verzonden``."""
    ref = order["ref"]
    body = f"""Hallo {order["name"]},

Goed nieuws: je bestelling is onderweg.

Bestelnummer: {ref}
Track & trace: {order["track_and_trace"]}
Bezorgdatum: {day(date.fromisoformat(order["planned_date"]))}
Bezorgadres: {address}

Je bestelling volgen: {base_url}/account/orders/{ref}

{GREETING_END}
"""
    return f"Je bestelling {ref} is verzonden", body


def parcel_notice(order: sqlite3.Row, parcel: sqlite3.Row, count: int, when: date, base_url: str) -> tuple[str, str]:
    """``Je bestelling RS-10001: pakket 2 van 2 is verzonden``: one parcel of an order of several."""
    ref, number = order["ref"], parcel["number"]
    body = f"""Hallo {order["name"]},

Je bestelling komt in {count} pakketten. Pakket {number} is onderweg.

Bestelnummer: {ref}
Pakket: {number} van {count}
Artikel: {parcel["item"]}
Track & trace: {parcel["track_and_trace"]}
Bezorgdatum: {day(when)}
Bezorgadres: {address_line(order)}

Je bestelling volgen: {base_url}/account/orders/{ref}

{GREETING_END}
"""
    return f"Je bestelling {ref}: pakket {number} van {count} is verzonden", body


def return_label(
    order: sqlite3.Row,
    return_number: str,
    item: str,
    quote: Decimal,
    label_url: str,
    deadline: date,
) -> tuple[str, str]:
    """``Retourlabel voor bestelling RS-10001``."""
    ref = order["ref"]
    body = f"""Hallo {order["name"]},

Je retour is aangemeld. Print het retourlabel en breng het pakket naar een PostNL-punt.

Bestelnummer: {ref}
Retournummer: {return_number}
Artikel: {item}
Retourbedrag: {euro(quote)}
Retourlabel: {label_url}
Opsturen voor: {day(deadline)}

Na ontvangst betalen we het retourbedrag binnen 5 werkdagen terug.

{GREETING_END}
"""
    return f"Retourlabel voor bestelling {ref}", body


def refund(order: sqlite3.Row, amount: Decimal, reason: str, return_number: str | None = None) -> tuple[str, str]:
    """``Terugbetaling voor bestelling RS-10001``."""
    ref = order["ref"]
    extra = f"Retournummer: {return_number}\n" if return_number else ""
    body = f"""Hallo {order["name"]},

{reason}

Bestelnummer: {ref}
{extra}Terugbetaling: {euro(amount)}

Het bedrag staat binnen 2 werkdagen op je rekening.

{GREETING_END}
"""
    return f"Terugbetaling voor bestelling {ref}", body


def cancellation(order: sqlite3.Row, refunded: Decimal) -> tuple[str, str]:
    """``Je bestelling RS-10001 is geannuleerd``."""
    ref = order["ref"]
    body = f"""Hallo {order["name"]},

Je hebt je bestelling geannuleerd. We versturen niets en betalen je terug wat je betaalde.

Bestelnummer: {ref}
Terugbetaling: {euro(refunded)}

Het bedrag staat binnen 2 werkdagen op je rekening.

{GREETING_END}
"""
    return f"Je bestelling {ref} is geannuleerd", body


def complaint_acknowledgement(
    name: str, case_number: str, message: str, due: datetime, order_ref: str | None
) -> tuple[str, str]:
    """``We hebben je klacht ontvangen (C-1001)``."""
    extra = f"Bestelnummer: {order_ref}\n" if order_ref else ""
    body = f"""Hallo {name},

Wat vervelend dat je niet tevreden bent. We hebben je klacht ontvangen.

Zaaknummer: {case_number}
{extra}Je klacht: {message}
Antwoord uiterlijk: {moment(due)}

{GREETING_END}
"""
    return f"We hebben je klacht ontvangen ({case_number})", body


def complaint_answer(name: str, case_number: str, answer: str, order_ref: str | None) -> tuple[str, str]:
    """``Antwoord op je klacht (C-1001)``."""
    extra = f"Bestelnummer: {order_ref}\n" if order_ref else ""
    body = f"""Hallo {name},

{answer}

Zaaknummer: {case_number}
{extra}
{GREETING_END}
"""
    return f"Antwoord op je klacht ({case_number})", body


def replacement(order: sqlite3.Row, new_order: sqlite3.Row) -> tuple[str, str]:
    """``Vervangend product voor bestelling RS-10001`` (with the apology)."""
    body = f"""Hallo {order["name"]},

Onze excuses: bij je bestelling is iets misgegaan. We sturen je kosteloos een
vervangend product.

Bestelnummer: {order["ref"]}
Vervangende bestelling: {new_order["ref"]}
Bezorgdatum: {day(date.fromisoformat(new_order["promised_date"]))}
Bezorgadres: {address_line(new_order)}

{GREETING_END}
"""
    return f"Vervangend product voor bestelling {order['ref']}", body


def apology(order: sqlite3.Row, voucher: str, value: Decimal) -> tuple[str, str]:
    """``Onze excuses voor bestelling RS-10001``."""
    body = f"""Hallo {order["name"]},

Onze excuses voor wat er met je bestelling is misgegaan. Als goedmaker krijg je
een cadeaubon.

Bestelnummer: {order["ref"]}
Cadeaubon: {voucher}
Waarde: {euro(value)}

{GREETING_END}
"""
    return f"Onze excuses voor bestelling {order['ref']}", body


def callback(name: str, order_ref: str | None, due: datetime) -> tuple[str, str]:
    """``We bellen je terug`` (about an order when there is one)."""
    about = f" over bestelling {order_ref}" if order_ref else ""
    extra = f"Bestelnummer: {order_ref}\n" if order_ref else ""
    body = f"""Hallo {name},

Je hebt met onze klantenservice afgesproken dat we je terugbellen.

{extra}Terugbellen uiterlijk: {moment(due)}

{GREETING_END}
"""
    return f"We bellen je terug{about}", body
