# language: nl
@nightly @chat @agent @email
Functionaliteit: Een klacht over een verkeerd artikel
  Een klant die het verkeerde artikel kreeg, klaagt in de chat. De medewerker
  die de klacht oppakt, ziet haar bestelling en haar klacht, biedt excuses aan
  en stuurt het juiste artikel; de klant hoeft niets opnieuw te vertellen.

  Scenario: Herstel na een verkeerde levering
    Gegeven een klant
    En het is maandag 10:00
    Als ze een "headphones" bestelt in de webwinkel
    En er 2 dagen verstrijken
    En ze in de chat klaagt dat ze het verkeerde artikel heeft ontvangen
    En een medewerker haar opzoekt in de klantenservicetool
    Dan ziet de medewerker haar bestelling en haar klacht
    Als de medewerker een vervangend artikel aanbiedt
    Dan krijgt ze excuses en een vervangend artikel
    En is haar niet opnieuw naar haar bestelnummer gevraagd
