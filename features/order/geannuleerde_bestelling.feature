# language: nl
@nightly @web @email @app
Functionaliteit: Een bestelling annuleren voordat ze verzonden is
  Ze bedenkt zich nog dezelfde ochtend. Geannuleerd in haar account, stopt de
  bestelling overal: ook de app zegt het, ze krijgt terug wat ze betaalde en er
  komt geen verzendbericht meer.

  Scenario: Een bestelling die ze in haar account annuleert, stopt overal
    Gegeven een klant in het segment "student"
    En het is maandag 09:30
    Als ze een "student-laptop" bestelt in de webwinkel
    En ze in haar account de bestelling annuleert
    Dan zegt elk contactpunt dat haar bestelling geannuleerd is
    Als ze de annuleringsmail leest
    Dan krijgt ze terug wat ze betaalde
    En krijgt ze geen verzendbericht
