@nightly @web
Feature: The shop's pages and forms protect her
  Every page comes with the headers that keep it out of other sites' frames and
  scripts, and a form counts only when it was sent from the shop's own page.

  Scenario: Every page she sees comes with its security headers
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she checks the order in her account
    And she looks at her recommendations
    Then every page she saw protected her

  Scenario: A form sent from another site does nothing in her name
    Given a customer
    And she has an account and is logged in
    When a page on another site sends a chat message in her name
    Then the shop refuses the form from the other site
