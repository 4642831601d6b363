# language: nl
@nightly @web @email @store @agent
Functionaliteit: Online bestellen, ophalen in de winkel
  Wie online bestelt en in de winkel ophaalt, hoort overal dezelfde ophaaldatum:
  op de bevestigingspagina, in de mail, van de klantenservice en van het systeem
  van de winkel. Op die dag ligt de bestelling klaar.

  Scenario: Na de middag besteld, de volgende dag op te halen
    Gegeven een klant
    En het is dinsdag 14:00
    Als ze een "game-quest" online bestelt om op te halen in de winkel in Amsterdam
    En ze de afhaalbevestiging in haar mail leest
    En ze de klantenservice belt over haar bestelling
    En er 3 uur verstrijken
    En ze haar bestelling in de winkel komt ophalen
    Dan is elk contactpunt het eens over de ophaaldatum
    En is elk contactpunt het eens over het totaalbedrag
    En wordt de beloofde ophaaldatum gehaald
