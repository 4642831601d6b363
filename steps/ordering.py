"""Ordering, and reading what the company said about the order."""

from journeys import vocabulary


@vocabulary.when(en='she orders a "{sku}" on the web shop', nl='ze een "{sku}" bestelt in de webwinkel',
                 example={"sku": "tablet-10"})
def order_on_web(journey, sku):
    """Product page, cart, checkout with her own details, confirmation page."""
    journey.do("place order", sku=sku)


@vocabulary.when(en="she reads the order confirmation email", nl="ze de orderbevestiging in haar mail leest")
def read_confirmation_email(journey):
    """Waits for the confirmation email in her mailbox and reads it."""
    journey.visit("email.order_confirmation")


@vocabulary.when(en="she looks the order up in the app", nl="ze de bestelling opzoekt in de app")
def look_up_in_app(journey):
    """The app's order screen (the system's order API)."""
    journey.visit("app.order")
