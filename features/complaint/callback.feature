@nightly @chat @agent @email @web
Feature: A promised call back
  When customer service promises to call back, someone calls back in time,
  and the customer's account shows it.

  Scenario: The agent's promise to call back is kept
    Given a customer
    And it is Monday 10:00
    When she orders a "laptop-pro" on the web shop
    And 2 days pass
    And she complains in the chat that she received the wrong item
    And an agent looks her up in the agent console
    And the agent offers to call her back
    Then she is called back within 24 hours
