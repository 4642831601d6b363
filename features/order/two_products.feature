@web @email @app
Feature: An order of two different articles
  Two different articles in one order: the confirmation page, the mail and the
  app tell one total, the sum of both.

  Scenario: A tablet and a game in one order cost the sum of both, everywhere
    Given a customer
    When she orders a "tablet-10" and a "game-quest" together on the web shop
    And she reads the order confirmation email
    And she looks the order up in the app
    Then she was told the order total is € 388,99
    And every touchpoint agrees on the order number
