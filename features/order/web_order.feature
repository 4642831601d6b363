@gate @web @email @app
Feature: Ordering on the web shop
  A customer who orders online is told the same order number, total and
  delivery date on the confirmation page, in the confirmation email and in the app.

  Scenario: A tablet ordered on the web is confirmed the same way everywhere
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she reads the order confirmation email
    And she looks the order up in the app
    Then every touchpoint agrees on the order number
    And every touchpoint agrees on the order total
    And every touchpoint agrees on the delivery date

  Scenario: Two games ordered on the web cost twice the price, everywhere
    Given a customer
    When she orders 2 "game-quest" on the web shop
    And she reads the order confirmation email
    And she looks the order up in the app
    Then she was told the order total is € 119,98
