@nightly @web
Feature: Personal recommendations
  A personal account should feel personal: what it recommends suits who the
  customer is.

  Scenario Outline: Recommendations suit the customer's segment
    Given a customer in the "<segment>" segment
    When she orders a "game-quest" on the web shop
    And she looks at her recommendations
    Then her recommendations suit a <segment>

    Examples:
      | segment  |
      | student  |
      | senior   |
      | family   |
      | business |
