# language: nl
@web @email @agent
Functionaliteit: Een klacht bij de helpdesk over een bestelling uit de webwinkel

  Scenario: De medewerker van de helpdesk ziet het bestelnummer dat de webwinkel bevestigde
    Gegeven een klant
    Als ze een "tablet-10" bestelt in de webwinkel
    En ze over haar bestelling klaagt
    En ze het contactpunt email.ticket_received bezoekt
    En een medewerker haar klacht opent
    Dan is elk contactpunt het eens over het bestelnummer
    En is elk contactpunt het eens over het ticketnummer
    En kent helpdesk.desk_ticket haar bestelnummer
