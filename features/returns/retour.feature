# language: nl
@nightly @returns @email
Functionaliteit: Een product retourneren
  Een bezorgde bestelling kan binnen 14 dagen retour via het retourportaal. Het
  portaal kent een ingelogde klant en de terugbetaling is het bedrag dat het
  portaal noemde: wat ze betaalde.

  Scenario: Een retour wordt terugbetaald zoals beloofd
    Gegeven een klant in het segment "senior"
    En het is maandag 10:00
    Als ze een "tablet-10" bestelt in de webwinkel
    En er 3 dagen verstrijken
    En ze de bestelling retourneert via het retourportaal
    Dan is haar niet opnieuw naar haar e-mailadres gevraagd
    En antwoordde het retourportaal binnen 2 seconden
    Als er 5 dagen verstrijken
    En ze de mail over haar terugbetaling leest
    Dan is elk contactpunt het eens over de terugbetaling
    En krijgt ze terug wat ze betaalde
    En ze wordt op tijd terugbetaald
