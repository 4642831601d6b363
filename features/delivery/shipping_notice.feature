@nightly @web @email
Feature: The shipping notice
  When the parcel leaves the warehouse the customer gets a shipping notice with
  a track-and-trace code, addressed to where she asked it to be delivered.

  @gate
  Scenario: The shipping notice goes to the address given at checkout
    Given a customer
    And it is Monday 10:00
    When she orders a "laptop-pro" on the web shop
    And 1 day passes
    And she reads the shipping notice
    Then every touchpoint agrees on the delivery address
    And every touchpoint agrees on the order number
    And she has a track and trace code

  Scenario: The app and the account page use the same words for the order status
    Given a customer
    And it is Monday 10:00
    When she orders a "game-quest" on the web shop
    And 1 day passes
    And she checks the order in her account
    And she looks the order up in the app
    Then every touchpoint agrees on the order status
