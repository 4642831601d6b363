@web @email @agent
Feature: A complaint in the helpdesk about an order from the shop
  The shop and the helpdesk are two systems with their own databases, logins
  and mail. The order number the customer cites in the helpdesk is the one the
  shop confirmed, and the helpdesk's agent must see that same number.

  Scenario: The helpdesk agent sees the order number the shop confirmed
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she complains about her order
    And she visits the touchpoint email.ticket_received
    And an agent opens her complaint
    Then every touchpoint agrees on the order number
    And every touchpoint agrees on the ticket reference
    And every touchpoint agrees on the answer-by date
    And helpdesk.desk_ticket knows her order number
