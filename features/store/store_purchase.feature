@nightly @store @email @web
Feature: Buying in the store
  A customer who buys in the store takes the article home with a receipt: the
  till and the digital receipt tell the same order number and total, and the
  store asks the price the web shop asks.

  Scenario: A purchase at the till is on the receipt as it was rung up
    Given a customer
    When she buys a "headphones" in the store
    And she reads the receipt email
    Then every touchpoint agrees on the order number
    And every touchpoint agrees on the order total
    And she was told the order total is € 89,00

  @gate
  Scenario: The store asks the price the web shop asks
    Given a customer
    When she looks at a "game-quest" on the web shop
    And she asks the store the price of a "game-quest"
    Then the web shop and the store ask the same price
