@nightly @web @store
Feature: One promise, whichever channel
  The same product, delivered at home, has the same lead time whether it is
  ordered in the store or on the web shop.

  @gate
  Scenario Outline: The web shop and the store promise the same delivery date
    Given a customer
    And it is Wednesday 11:00
    When she looks at a "<sku>" on the web shop
    And she asks the store when a "<sku>" would be delivered
    Then the web shop and the store promise the same delivery date

    Examples:
      | sku        |
      | game-quest |
      | tablet-10  |
