@nightly @web @email @app
Feature: Ordering with a discount code
  A customer who orders with the code WELKOM10 pays 10 % less, and every
  touchpoint says so: the checkout, the confirmation, the mail, the app and
  her account show the same total and the code's discount.

  @gate
  Scenario: The code's discount is on the confirmation, the mail, the app and her account
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" on the web shop with discount code "WELKOM10"
    And she reads the order confirmation email
    And she looks the order up in the app
    And she checks the order in her account
    Then every touchpoint agrees on the order total
    And every touchpoint shows the discount of her code
    And she was told the order total is € 296,10
    And her code took 10 % off
