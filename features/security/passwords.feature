@nightly @web
Feature: Her password keeps her account hers
  A password protects an account only when nobody can try passwords until one
  fits, and when the shop does not take one that every guessing list starts with.

  Scenario: Someone who guesses at her password is slowed down
    Given a customer
    And she has an account and is logged in
    When someone else tries 20 wrong passwords for her account and then the right one
    Then the shop slows them down

  Scenario: A password everyone guesses first is refused
    Given a customer
    When she chooses the password "12345678" for her new account
    Then the shop refuses it as too weak
