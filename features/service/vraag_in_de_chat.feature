# language: nl
@nightly @web @chat
Functionaliteit: Een vraag in de chat
  Wie in de chat vraagt waar haar bestelling blijft, hoort dezelfde datum als
  op de bevestiging. Een gewone vraag is geen klacht.

  Scenario: De chat noemt de ophaaldatum die de winkel beloofde
    Gegeven een klant in het segment "zakelijk"
    En het is dinsdag 09:30
    Als ze een "headphones" online bestelt om op te halen in de winkel in Utrecht
    En ze in de chat vraagt waar haar bestelling blijft
    En ze de afhaalbevestiging in haar mail leest
    Dan is de ophaaldatum overal hetzelfde

  Scenario: Een vraag zonder bestelling
    Gegeven een klant
    Als ze in de chat vraagt: "Kan ik ook met iDEAL betalen?"
    En ze een "game-quest" bestelt in de webwinkel
    Dan werd ze niet opnieuw naar haar e-mailadres gevraagd
