# language: nl
@nightly @web
Functionaliteit: Uitloggen is echt uitloggen
  Wie uitlogt, sluit haar account af. Ook iemand die een kopie van haar
  sessiecookie heeft (een gedeelde computer, een gelekt logbestand), komt er
  daarna niet meer mee in.

  Scenario: Na het uitloggen opent haar oude sessie niets meer
    Gegeven een klant
    En ze heeft een account en is ingelogd
    Als ze uitlogt
    Dan kan niemand haar account nog openen met haar oude sessie
