@nightly @chat @agent @email
Feature: A complaint about a wrong item
  A customer who received the wrong item complains in the chat. The agent who
  picks it up sees her order and her complaint, apologises and sends the right
  item; the company answers within 24 hours.

  @gate
  Scenario: Service recovery after a wrong delivery
    Given a customer
    And it is Monday 10:00
    When she orders a "headphones" on the web shop
    And 2 days pass
    And she complains in the chat that she received the wrong item
    And she reads the complaint acknowledgement
    And an agent looks her up in the agent console
    Then the agent sees her order and her complaint
    When the agent offers a replacement
    Then she receives an apology and a replacement
    And she was not asked for her order number again

  Scenario: A complaint is answered within 24 hours
    Given a customer
    And it is Monday 10:00
    When she orders a "headphones" on the web shop
    And 2 days pass
    And she complains in the chat that she received the wrong item
    Then her complaint is answered within 24 hours
