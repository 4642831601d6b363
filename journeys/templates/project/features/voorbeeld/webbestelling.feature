# language: nl
# Een voorbeeldreis, geschreven door `journeys init`: dezelfde reis als
# features/example/web_order.feature, in het Nederlands. De eerste regel
# zegt dat dit bestand Nederlands is. @order is een eigen tag van dit project,
# geregistreerd in pyproject.toml ([tool.journeys] tags).
@order @web @email @app
Functionaliteit: Bestellen in de webwinkel
  Wie online bestelt, ziet op de bevestigingspagina, in de bevestigingsmail
  en in de app hetzelfde totaalbedrag.

  Scenario: Een tablet besteld op het web wordt overal hetzelfde bevestigd
    Gegeven een klant
    Als ze een "tablet-10" bestelt in de webwinkel
    En ze de orderbevestiging in haar mail leest
    En ze de bestelling opzoekt in de app
    Dan is elk contactpunt het eens over het totaalbedrag
    En is het totaalbedrag hoogstens € 500,00
