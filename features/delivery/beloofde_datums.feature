# language: nl
@nightly @web
Functionaliteit: Bezorgdatums die de webwinkel belooft
  De webwinkel belooft nooit bezorging op zondag, en altijd binnen twee
  werkdagen, hoe laat ze ook bestelt.

  Abstract Scenario: Nooit op zondag, altijd binnen twee werkdagen
    Gegeven een klant
    En het is <moment>
    Als ze een "game-quest" bestelt in de webwinkel
    Dan belooft de webwinkel geen bezorging op zondag
    En belooft de webwinkel bezorging binnen 2 werkdagen

    Voorbeelden:
      | moment         |
      | vrijdag 18:30  |
      | zaterdag 17:00 |
