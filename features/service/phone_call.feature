@nightly @web @email @agent
Feature: Phoning customer service about an order
  A customer who phones about her order hears from the agent what the web shop
  and its mail told her: the same delivery date and total. The agent sees her
  order without her having complained first.

  @gate
  Scenario: On the phone the agent tells the delivery date the confirmation gave
    Given a customer
    And it is Monday 10:00
    When she orders a "laptop-pro" on the web shop
    And she reads the order confirmation email
    And she phones customer service about her order
    Then the agent sees her order
    And every touchpoint agrees on the delivery date
    And every touchpoint agrees on the order total

  Scenario: The agent's 360° view shows her order, without a complaint
    Given a customer
    When she orders a "game-quest" on the web shop
    And an agent looks her up in the agent console
    Then the agent sees her order

  Scenario: The agent has the phone number she gave at checkout
    Given a customer
    When she orders a "headphones" on the web shop and gives her phone number
    And she phones customer service about her order
    Then the agent sees the phone number she gave
