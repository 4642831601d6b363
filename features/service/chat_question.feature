@nightly @web @chat @app
Feature: Asking the chat where her order is
  The chat answers a question about her order with what the shop knows: the
  same status and the same delivery date as the confirmation and the app.

  @gate
  Scenario: The chat names the delivery date the shop promised
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" on the web shop
    And she asks in the chat where her order is
    And she looks the order up in the app
    And she checks the order in her account
    Then every touchpoint agrees on the delivery date
    And every touchpoint agrees on the order status
