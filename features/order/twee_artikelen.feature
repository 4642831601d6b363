# language: nl
@web @email @app
Functionaliteit: Een bestelling van twee verschillende artikelen
  Twee verschillende artikelen in één bestelling: de bevestigingspagina, de mail
  en de app noemen één totaalbedrag.

  Scenario: Twee koptelefoons en een game in één bestelling
    Gegeven een klant
    Als ze 2 "headphones" en een "game-quest" samen bestelt in de webwinkel
    En ze de orderbevestiging in haar mail leest
    En ze de bestelling opzoekt in de app
    Dan is elk contactpunt het eens over het totaalbedrag
    En is elk contactpunt het eens over het bestelnummer
