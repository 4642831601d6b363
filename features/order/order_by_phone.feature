@nightly @agent @email @app @web
Feature: An order placed for her by an agent
  A customer who phones to order hears from the agent the order's total and
  delivery date; the confirmation mail, the app and her account then say the
  same.

  @gate
  Scenario: The agent's order, its mail, the app and her account agree
    Given a customer
    And it is Monday 10:00
    And she has an account and is logged in
    When she orders a "laptop-pro" by phone
    And she reads the order confirmation email
    And she looks the order up in the app
    And she checks the order in her account
    Then every touchpoint agrees on the order total
    And every touchpoint agrees on the delivery date
