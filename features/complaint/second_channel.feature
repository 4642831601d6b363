@nightly @chat @agent @email @web
Feature: A second complaint about the same order, on another channel
  A customer who complained in the chat and then phones about the same order
  is taken up where she left off: the agent adds the call to her case, under
  the case number the chat gave her, and nobody asks her again for what she
  gave.

  @gate
  Scenario: The phone call goes on with the case the chat opened
    Given a customer
    And it is Monday 10:00
    When she orders a "headphones" on the web shop
    And 2 days pass
    And she complains in the chat that she received the wrong item
    And she reads the complaint acknowledgement
    And she phones customer service about her complaint
    Then her complaint stays one case
    And she was not asked for her order number again
