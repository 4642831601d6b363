# language: nl
@nightly @store @email @agent @web
Functionaliteit: Kopen in de winkel
  Wie in de winkel koopt, neemt het artikel mee met een kassabon. De kassa, de
  kassabon en de klantenservice noemen hetzelfde bestelnummer en totaalbedrag,
  en de winkel vraagt dezelfde prijs als de webwinkel.

  Scenario: Een aankoop aan de kassa, nagebeld bij de klantenservice
    Gegeven een klant
    Als ze een "tablet-10" bekijkt in de webwinkel
    En ze een "tablet-10" koopt in de winkel
    En ze de kassabon in haar mail leest
    En ze de klantenservice belt over haar bestelling
    Dan ziet de medewerker haar bestelling
    En is elk contactpunt het eens over het totaalbedrag
    En is elk contactpunt het eens over de bestelstatus
    En vragen de webwinkel en de winkel dezelfde prijs

  Scenario: De winkel vraagt dezelfde prijs als de webwinkel
    Gegeven een klant
    Als ze in de winkel vraagt wat een "headphones" kost
    En ze een "headphones" bekijkt in de webwinkel
    Dan vragen de webwinkel en de winkel dezelfde prijs
