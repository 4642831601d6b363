# language: nl
@nightly @chat @agent @email
Functionaliteit: Dezelfde klacht via een tweede kanaal
  Een klant die in de chat klaagde en daarna over dezelfde bestelling belt,
  hoeft niet opnieuw te beginnen: de medewerker zet het gesprek bij haar zaak,
  onder het zaaknummer uit de chat.

  Scenario: Het telefoontje komt bij de zaak uit de chat
    Gegeven een klant
    En het is maandag 10:00
    Als ze een "laptop-pro" bestelt in de webwinkel
    En er 2 dagen verstrijken
    En ze over haar bestelling klaagt: "Het scherm heeft een barst"
    En ze de klantenservice belt over haar klacht
    Dan is het zaaknummer overal hetzelfde
    En loopt haar klacht door in dezelfde zaak
