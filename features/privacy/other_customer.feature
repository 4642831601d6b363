@gate @web @app
Feature: Her order is hers
  Order numbers run in sequence and an e-mail address is no secret. Whoever
  knows both, but is not the customer, sees nothing of her order: not in the
  app, not with any other door the shop offers.

  Scenario: Another customer cannot see her order in the app
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she looks the order up in the app
    And another customer looks up her order in the app
    Then nobody else was shown her order

  Scenario: Another customer cannot order in her name through the till
    Given a customer
    When she orders a "game-quest" on the web shop
    And another customer orders in her name through the store's till
    Then nobody else was shown anything of hers
