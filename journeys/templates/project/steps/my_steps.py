"""This project's own steps (written by `journeys init`; see docs/own-steps.md).

Every module in steps/ is imported by `journeys run`, `pytest`, `journeys
steps` and `journeys lint`: a step declared here is in the catalogue beside
the bundled ones, and wins over a bundled step with the same sentence.
"""

from __future__ import annotations

from journeys import Journey, StepError, Violation, params, show, then


@then(
    en="the order total is at most {amount}",
    nl="is het totaalbedrag hoogstens {amount}",
    example={"amount": "€ 500,00"},
    # What must have happened before it: a touchpoint she visited showed the order total. `journeys lint`
    # and the editor (`journeys lsp`) hold a journey to it; see journeys.vocabulary.moments for the words.
    requires=("shown:order.total",),
)
def order_total_at_most(journey: Journey, amount: str) -> None:
    """Every touchpoint that showed the order total showed at most this amount."""
    # {amount} is a typed parameter (by its name): `journeys lint` checks the
    # value in the feature file, and params.amount reads it as money.
    limit = params.amount(amount)
    seen = [o for o in journey.ledger.observations_of("order.total") if o.problem is None]
    if not seen:
        # A mistake in the journey, not in the system: stop the journey here.
        raise StepError("no touchpoint showed the order total yet: visit one before this step")
    too_high = [o for o in seen if o.value.currency != limit.currency or o.value.amount > limit.amount]
    if too_high:
        # A finding about the system: a violation, reported with the others at the journey's end.
        journey.ledger.add(
            [
                Violation(
                    rule="at_most",
                    fact="order.total",
                    title=f"order total above {show('money', limit)}",
                    observations=tuple(too_high),
                    detail=f"expected: at most {show('money', limit)}",
                    heading="TooExpensive",
                )
            ]
        )
