@nightly @returns @agent @email
Feature: A return that is refused
  A return the shop cannot take back is refused the same way, for the same
  reason, in the returns portal and by customer service on the phone. A return
  it takes is confirmed by mail with the label and the amount the portal quoted.

  Scenario: Too late: refused in the portal and on the phone alike
    Given a customer
    And it is Monday 10:00
    When she orders a "headphones" on the web shop
    And 16 days pass
    And she tries to return the order through the returns portal
    And she phones customer service about her order
    Then her return is refused because it is too late
    And every touchpoint agrees on the return decision
    And every touchpoint agrees on the return deadline

  Scenario: A gift card cannot be returned
    Given a customer
    And it is Monday 10:00
    When she orders a "gift-card" on the web shop
    And 2 days pass
    And she tries to return the order through the returns portal
    And she phones customer service about her order
    Then her return is refused because it is not returnable
    And every touchpoint agrees on the return decision

  Scenario: The return label mail tells what the portal quoted
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" on the web shop
    And 3 days pass
    And she returns the order through the returns portal
    And she reads the return label email
    Then every touchpoint agrees on the refund amount
    And every touchpoint agrees on the return number
