"""Synthetic customers: reproducible persons, unique mailboxes, segments and locales."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.core.customer import SEGMENTS, Customer, age_on, spoken_surname

TODAY = date(2026, 11, 23)


def test_the_same_seed_and_index_make_the_same_person():
    a = Customer.create(7, index=3, today=TODAY)
    b = Customer.create(7, index=3, today=TODAY)
    assert a == b and a.to_dict() == b.to_dict()
    assert Customer.create(7, index=4, today=TODAY).to_dict() != a.to_dict()
    assert Customer.create(8, index=3, today=TODAY).to_dict() != a.to_dict()


def test_mailboxes_are_unique_across_workers_and_runs_but_the_person_is_not():
    gw0 = Customer.create(7, index=0, worker="gw0", run_id="r1", today=TODAY)
    gw1 = Customer.create(7, index=0, worker="gw1", run_id="r1", today=TODAY)
    rerun = Customer.create(7, index=0, worker="gw0", run_id="r2", today=TODAY)
    assert gw0.name == gw1.name == rerun.name
    assert len({gw0.email, gw1.email, rerun.email}) == 3
    assert gw0.key.startswith(gw0.first_name.lower().split()[0][:3])


@settings(max_examples=30, deadline=None)
@given(
    indexes=st.lists(st.integers(0, 10_000), min_size=2, max_size=30, unique=True),
    workers=st.lists(st.sampled_from(["gw0", "gw1", "gw2", "gw3"]), min_size=1, max_size=4, unique=True),
)
def test_every_customer_of_a_run_has_its_own_mailbox(indexes, workers):
    emails = [Customer.create(1, index=i, worker=w, run_id="run", today=TODAY).email for i in indexes for w in workers]
    assert len(set(emails)) == len(emails)


def test_the_mailbox_template():
    customer = Customer.create(1, email_domain="Example.COM", email_template="qa+{key}@{domain}", today=TODAY)
    assert customer.email == f"qa+{customer.key}@example.com"


def test_the_password_is_secret_and_random():
    customer = Customer.create(7, today=TODAY)
    assert "password" not in customer.to_dict()
    assert customer.password not in repr(customer)
    assert len(customer.password) == 16
    assert customer.password != Customer.create(7, today=TODAY).password


@pytest.mark.parametrize("segment", sorted(SEGMENTS))
@pytest.mark.parametrize("locale", ["nl_NL", "en_GB"])
def test_segments_shape_the_person(segment, locale):
    customer = Customer.create(5, segment=segment, locale=locale, today=TODAY)
    low, high = SEGMENTS[segment].ages
    assert low <= customer.age <= high
    assert age_on(customer.birthdate, TODAY) == customer.age
    assert customer.interests == SEGMENTS[segment].interests
    assert "\n" not in customer.street and customer.city and customer.phone
    if SEGMENTS[segment].cities:
        assert customer.city in SEGMENTS[segment].cities[locale]
    if locale == "nl_NL":
        assert len(customer.postcode) == 7 and customer.postcode[4] == " "
    data = customer.to_dict()
    assert data["segment"] == segment and data["birthdate"] == customer.birthdate.isoformat()


def test_students_live_in_rooms_and_businesses_in_offices():
    assert " kamer " in Customer.create(2, segment="student", today=TODAY).street
    assert Customer.create(2, segment="student", locale="en_GB", today=TODAY).street.split()[-2] == "Flat"
    assert Customer.create(2, segment="business", locale="en_GB", today=TODAY).street[0].isdigit()


@given(
    age=st.integers(0, 100),
    today=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    seed=st.integers(0, 2**32),
)
def test_the_birthdate_makes_the_age_exact(age, today, seed):
    import random

    from journeys.core.customer import _born

    assert age_on(_born(age, today, random.Random(seed)), today) == age


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"segment": "astronaut"},
            "unknown segment 'astronaut': use one of student, young-professional, family",
        ),
        ({"locale": "xx_XX"}, "unknown locale 'xx_XX': use a Faker locale such as nl_NL or en_GB"),
    ],
)
def test_unknown_segments_and_locales(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Customer.create(1, **kwargs)


def test_born_on_a_leap_day_counts_from_the_28th():
    leap = date(2028, 2, 29)
    customer = Customer.create(3, segment="senior", today=leap)
    assert age_on(customer.birthdate, leap) == customer.age


def test_a_surname_with_a_prefix_is_written_as_she_is_called():
    assert spoken_surname("Bourgondië, van") == "van Bourgondië"
    assert spoken_surname("de Vries") == "de Vries"
    assert Customer.create(658, index=0).name == "Femke van Bourgondië"  # Faker has "Bourgondië, van"
