# language: nl
@nightly @web @app @agent
Functionaliteit: Bellen met de klantenservice over een bestelling
  Wie over haar bestelling belt, hoort van de medewerker wat de webwinkel en de
  app haar vertelden: dezelfde status, dezelfde bezorgdatum.

  Scenario: De medewerker vertelt aan de telefoon wat de app laat zien
    Gegeven een klant
    En het is woensdag 11:00
    Als ze een "headphones" bestelt in de webwinkel
    En ze de bestelling opzoekt in de app
    En ze de klantenservice belt over haar bestelling
    Dan ziet de medewerker haar bestelling
    En is elk contactpunt het eens over de bestelstatus
    En is elk contactpunt het eens over de bezorgdatum

  Scenario: De medewerker heeft het telefoonnummer dat ze bij het afrekenen opgaf
    Gegeven een klant in het segment "zakelijk"
    Als ze een "laptop-pro" bestelt in de webwinkel en haar telefoonnummer opgeeft
    Dan ziet de medewerker het telefoonnummer dat ze opgaf
