"""The reference shop's own rules: steps of this project, beside the bundled catalogue.

The bundled steps hold a shop to telling one story; what the story must be is
the shop's business. Here: its discount code takes a share off what she pays
(`WELKOM10`: 10 %), a rule no catalogue can know. `journeys run`, `pytest`,
`journeys steps`, `journeys lint` and the editor find this module because it is
in steps/ (docs/own-steps.md); it is not part of the journeys package.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from journeys import Journey, Money, Observation, StepError, Violation, params, show, then


def read_percent(text: str) -> Decimal:
    """A share written as "10 %" or "10%" (a comma or a point before decimals), as a fraction."""
    number = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        share = Decimal(number) / 100
    except InvalidOperation:
        raise StepError(f"'{text}' is not a percentage: write it as 10 %") from None
    if not 0 < share < 1:
        raise StepError(f"'{text}' is not a share of a price: write one between 0 % and 100 %")
    return share


params.define("percent", read_percent, en="a percentage, e.g. 10 %", nl="een percentage, bijv. 10 %")

# Each line of an order is rounded to the cent on its own, so the whole may be a cent or two off the share.
ROUNDING = Decimal("0.02")


@then(
    en="her code took {percent} off",
    nl="gaf haar code {percent} korting",
    example={"percent": "10 %"},
    requires=("shown:order.code_discount",),  # a touchpoint showed what her code took off (lint holds a journey to it)
)
def code_took_its_share(journey: Journey, percent: str) -> None:
    """Every touchpoint that showed her code's discount beside the order total showed it as this share of
    what she would have paid without the code."""
    share = read_percent(percent)
    pairs = [
        (discount, total)
        for discount in journey.ledger.observations_of("order.code_discount")
        if discount.readable and (total := _total_beside(journey, discount))
    ]
    if not pairs:
        raise StepError(
            "no touchpoint showed her code's discount beside the order total yet: visit one before this step"
        )
    wrong = [
        (discount, total)
        for discount, total in pairs
        if abs(discount.value.amount - _expected(discount, total, share).amount) > ROUNDING
    ]
    if wrong:
        journey.ledger.add(
            [
                Violation(
                    rule="code_share",
                    fact="order.code_discount",
                    title=f"her code did not take {percent} off",
                    observations=tuple(seen for pair in wrong for seen in pair),
                    detail="; ".join(
                        f"{d.touchpoint}: {show('money', d.value)} off a total of {show('money', t.value)},"
                        f" expected {show('money', _expected(d, t, share))}"
                        for d, t in wrong
                    ),
                    heading="CodeShare",
                )
            ]
        )


def _total_beside(journey: Journey, discount: Observation) -> Observation | None:
    """The order total the discount's touchpoint showed on the same visit: the last one seen before it."""
    beside = [t for t in journey.ledger.observations_of("order.total", touchpoint=discount.touchpoint) if t.readable]
    before = [t for t in beside if t.seq <= discount.seq] or beside
    return before[-1] if before else None  # observations come in the order they were seen


def _expected(discount: Observation, total: Observation, share: Decimal) -> Money:
    return Money(((total.value.amount + discount.value.amount) * share).quantize(Decimal("0.01")), total.value.currency)
