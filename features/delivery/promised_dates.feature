@nightly @web
Feature: Delivery dates the web shop promises
  The web shop never promises delivery on a Sunday, and always within two
  working days, whatever the hour she orders.

  Scenario: Ordered on Saturday evening, delivered on Monday, not on Sunday
    Given a customer
    And it is Saturday 19:00
    When she looks at a "headphones" on the web shop
    And she orders a "headphones" on the web shop
    Then the web shop does not promise delivery on a Sunday
    And the web shop promises delivery within 2 working days
