@nightly @web @app
Feature: Ordered before 18:00, delivered tomorrow
  The web shop promises next-day delivery for orders placed before 18:00, never
  on Sunday. The promise on the page is the promise the customer holds the
  company to: the app must show it and the parcel must arrive by then.

  @gate
  Scenario: An order on Friday afternoon arrives on the promised day
    Given a customer
    And it is Friday 17:45
    When she orders a "tablet-10" on the web shop
    And she looks the order up in the app
    Then every touchpoint agrees on the delivery date
    And the promised delivery date is kept

  Scenario Outline: The cut-off decides the delivery day
    Given a customer
    And it is <moment>
    When she orders a "headphones" on the web shop
    Then the web shop promises delivery on <day>
    And the promised delivery date is kept

    Examples:
      | moment          | day      |
      | Tuesday 17:59   | Wednesday |
      | Tuesday 18:01   | Thursday |
      | Saturday 19:00  | Monday   |
