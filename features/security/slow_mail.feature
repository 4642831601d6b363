@nightly @web @email
Feature: A slow mail server never keeps her waiting
  The confirmation mail goes out after the page has answered: however long the
  mail server takes, her order is confirmed at once, and the mail still comes.

  Scenario: Her order is confirmed at once while the mail server is slow
    Given a customer
    When she orders a "tablet-10" on the web shop while the mail server is slow
    Then her order is confirmed within 3 seconds
    When she reads the order confirmation email
    Then every touchpoint agrees on the order number
