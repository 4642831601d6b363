# language: nl
@gate @web @email @app
Functionaliteit: Bestellen in de webwinkel
  Wie online bestelt, krijgt op de bevestigingspagina, in de bevestigingsmail en
  in de app hetzelfde bestelnummer, totaalbedrag en dezelfde bezorgdatum te zien.

  Scenario: Een tablet besteld op het web wordt overal hetzelfde bevestigd
    Gegeven een klant
    Als ze een "tablet-10" bestelt in de webwinkel
    En ze de orderbevestiging in haar mail leest
    En ze de bestelling opzoekt in de app
    Dan is elk contactpunt het eens over het bestelnummer
    En is elk contactpunt het eens over het totaalbedrag
    En is elk contactpunt het eens over de bezorgdatum
