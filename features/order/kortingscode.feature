# language: nl
@nightly @web @email @app
Functionaliteit: Bestellen met een kortingscode
  Wie met de code WELKOM10 bestelt, betaalt 10 % minder, en dat staat overal:
  bij het afrekenen, op de bevestiging, in de mail en in de app staan hetzelfde
  totaalbedrag en de korting van de code.

  Scenario: De korting van de code staat overal
    Gegeven een klant
    En het is maandag 10:00
    Als ze een "headphones" bestelt in de webwinkel met kortingscode "WELKOM10"
    En ze de orderbevestiging in haar mail leest
    En ze haar bestelling in de app bekijkt
    Dan is het totaalbedrag overal hetzelfde
    En staat de korting van haar code op elk contactpunt
    En gaf haar code 10 % korting
