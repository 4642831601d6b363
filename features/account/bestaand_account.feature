# language: nl
@web
Functionaliteit: Een klant met een account
  Wie een account heeft en ingelogd bestelt, vindt haar bestelling in haar
  account terug zoals de winkel haar bevestigde, voor het bedrag dat ze betaalde.

  Scenario: Een ingelogde klant ziet in haar account wat ze betaalde
    Gegeven een klant in het segment "gezin"
    En ze heeft een account en is ingelogd
    Als ze een "tablet-10" bestelt in de webwinkel
    En ze de bestelling in haar account bekijkt
    Dan is elk contactpunt het eens over het totaalbedrag
    En toont haar account wat ze betaalde
