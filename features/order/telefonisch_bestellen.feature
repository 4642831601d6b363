# language: nl
@nightly @agent @email @web
Functionaliteit: Telefonisch bestellen
  Een klant die belt om te bestellen, hoort van de medewerker het totaalbedrag
  en de bezorgdatum; de bevestigingsmail en haar account zeggen daarna
  hetzelfde.

  Scenario: De mail en haar account noemen wat de medewerker beloofde
    Gegeven een klant
    En het is maandag 10:00
    En ze heeft een account en is ingelogd
    Als ze de klantenservice belt om een "headphones" te bestellen
    En ze de bevestigingsmail leest
    En ze de bestelling in haar account bekijkt
    Dan is de bezorgdatum overal hetzelfde
    En is het totaalbedrag overal hetzelfde
