@nightly @web @email @app
Feature: Cancelling an order before it ships
  She changes her mind the morning she ordered. Cancelled in her account, the
  order stops everywhere: the app says so too, she gets back what she paid, and
  no shipping notice follows.

  Scenario: An order cancelled in her account stops everywhere, and nothing ships
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" on the web shop
    And she cancels the order in her account
    Then her order is cancelled everywhere
    When she reads the cancellation email
    Then she gets back what she paid
    And she receives no shipping notice
