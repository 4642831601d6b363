# An example journey, written by `journeys init`. It runs against the
# reference shop that ships with journeys (no --system needed): `journeys run`.
# Every step is in the catalogue (`journeys steps`); the last one is this
# project's own, in steps/my_steps.py.
# @gate puts it in the release gate (`journeys run --gate`); @order is this
# project's own tag, registered in pyproject.toml ([tool.journeys] tags).
@gate @order @web @email @app
Feature: Ordering on the web shop
  A customer who orders online is told the same order total on the
  confirmation page, in the confirmation email and in the app.

  Scenario: A tablet ordered on the web is confirmed the same way everywhere
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she reads the order confirmation email
    And she looks the order up in the app
    Then every touchpoint agrees on the order total
    And the order total is at most € 500,00
