"""Questions are judged by meaning: a form field is recorded as the thing it asks for."""

from __future__ import annotations

import pytest

from journeys.core.fields import meaning_of, words_of


@pytest.mark.parametrize(
    ("field", "meaning"),
    [
        ("email", "email"),
        ("e-mail", "email"),
        ("E-mailadres", "email"),
        ("submitter_email", "email"),
        ("submitterEmail", "email"),
        ("email_address", "email"),
        ("phone", "phone"),
        ("tel", "phone"),
        ("phone_number", "phone"),
        ("telefoonnummer", "phone"),
        ("postcode", "postcode"),
        ("zip", "postcode"),
        ("postal_code", "postcode"),
        ("order_number", "order_number"),
        ("orderNumber", "order_number"),
        ("order.number", "order_number"),
        ("bestelnummer", "order_number"),
        ("name", "name"),
        ("full_name", "name"),
        ("address", "street"),
        ("username", "username"),  # a login's user name is not her name
        ("first_name", "first_name"),
        ("city", "city"),
        ("Ticket reference", "ticket_reference"),
    ],
)
def test_common_field_names_mean_what_they_say(field, meaning):
    assert meaning_of(field) == meaning


def test_the_maps_own_fields_win():
    declared = {"ref": "ticket reference", "email": "work email"}
    assert meaning_of("ref", declared) == "ticket_reference"
    assert meaning_of("email", declared) == "work_email"
    assert meaning_of("submitter_email", declared) == "email"


def test_words_of_a_field_name():
    assert words_of("submitterE-mail") == ["submitter", "email"]
    assert words_of("Order-Number") == ["order", "number"]


def test_titles_use_the_declared_words_only_while_said():
    import contextvars

    from journeys.core.rules.fact_kinds import say_facts, stop_saying, words

    token = say_facts({"ticket.due": "due date"})
    assert words("ticket.due") == "due date" and words("order.total") == "order total"
    contextvars.copy_context().run(stop_saying, token)  # another context cannot undo it: no error
    assert words("ticket.due") == "due date"
    stop_saying(token)
    assert words("ticket.due") == "ticket due"
