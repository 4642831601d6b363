@nightly @web @email @store
Feature: Click and collect
  A customer who orders online and collects in a store is told one pickup date
  and one store on the confirmation page, in the mail and by the store's own
  system, and the order is ready on that day.

  @gate
  Scenario: An order to collect is ready in the store on the day the mail promised
    Given a customer
    And it is Monday 10:00
    When she orders a "headphones" online for pickup at the Utrecht store
    And she reads the pickup confirmation email
    And 7 hours pass
    And she comes to the store to pick up her order
    Then every touchpoint agrees on the pickup date
    And every touchpoint agrees on the pickup store
    And the promised pickup date is kept
