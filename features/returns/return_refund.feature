@nightly @returns @email
Feature: Returning a product
  A delivered order can be returned within 14 days through the returns portal.
  The portal knows a logged-in customer, quotes the refund, and the refund that
  arrives is the amount quoted, what she paid, within 5 working days.

  @gate
  Scenario: A return is refunded as quoted, without asking again what the shop knows
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" on the web shop
    And 3 days pass
    And she returns the order through the returns portal
    Then she was not asked for her order number again
    And she was not asked for her email again
    And the returns portal answered within 2 seconds
    When 5 days pass
    And she reads the refund email
    Then every touchpoint agrees on the refund amount
    And she gets back what she paid
    And the promised refund is kept
