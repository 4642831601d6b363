# language: nl
@nightly @web @email @app
Functionaliteit: Een bestelling die in twee pakketten komt
  Een bestelling van twee artikelen wordt in twee pakketten verstuurd, elk met
  een eigen track-and-tracecode, bezorgdatum en verzendmail. De mail van elk
  pakket en de track-and-trace in de app vertellen hetzelfde, en elk pakket
  komt aan op de dag die de mail beloofde.

  Scenario: Koptelefoons en een game komen in twee pakketten, elk op de beloofde dag
    Gegeven een klant
    En het is maandag 10:00
    Als ze 2 "headphones" en een "game-quest" samen bestelt in de webwinkel
    En ze de verzendmail van elk pakket leest
    Dan komt elk pakket op de beloofde dag aan
