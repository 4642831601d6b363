# language: nl
@nightly @returns @agent @email
Functionaliteit: Een geweigerde retour
  Een retour die de winkel niet terugneemt, wordt in het retourportaal en door de
  klantenservice aan de telefoon op dezelfde manier en om dezelfde reden
  geweigerd. Een retour die wel kan, krijgt een mail met het retourlabel.

  Scenario: Te laat: de klantenservice en het portaal weigeren allebei
    Gegeven een klant
    En het is maandag 10:00
    Als ze een "headphones" bestelt in de webwinkel
    En er 20 dagen verstrijken
    En ze de klantenservice belt over haar bestelling
    En ze de bestelling probeert te retourneren via het retourportaal
    Dan wordt haar retour geweigerd omdat het te laat is
    En is elk contactpunt het eens over het retourbesluit

  Scenario: De mail met het retourlabel noemt het bedrag van het portaal
    Gegeven een klant in het segment "student"
    En het is dinsdag 10:00
    Als ze een "game-quest" bestelt in de webwinkel
    En er 2 dagen verstrijken
    En ze de bestelling retourneert via het retourportaal
    En ze de mail met het retourlabel leest
    Dan is elk contactpunt het eens over het retourbedrag
