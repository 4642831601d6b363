@nightly @web @email @app
Feature: An order that comes in two parcels
  An order of two articles ships as two parcels, each with its own
  track-and-trace code, delivery date and shipping mail. Each parcel's mail
  and its track and trace in the app tell the same story, and each parcel
  arrives by the day its mail promised.

  Scenario: A tablet and a game come as two parcels, each on its promised day
    Given a customer
    And it is Monday 10:00
    When she orders a "tablet-10" and a "game-quest" together on the web shop
    And she reads the shipping mail of each parcel
    Then every parcel arrives by its promised date
