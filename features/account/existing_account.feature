@web
Feature: A customer with an account
  A customer who has an account and logs in before she orders finds her order
  in her account as the shop confirmed it.

  Scenario: A logged-in customer finds her order in her account as confirmed
    Given a customer
    And she has an account and is logged in
    When she orders a "tablet-10" on the web shop
    And she checks the order in her account
    Then every touchpoint agrees on the order number
    And every touchpoint agrees on the order total
    And every touchpoint agrees on the delivery date
    And her account shows what she paid
