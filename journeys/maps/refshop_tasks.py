"""Tasks of the reference shop: how a customer orders, has an account, cancels and returns there.

Each task is a plain function registered under the name the steps use. It
drives the journey's channels (never Playwright or HTTP directly), records
what the customer gave, and reads facts through the touchpoint map. The map
names this module and its siblings: customer service (``refshop_service_tasks``)
and what someone else tries (``refshop_security_tasks``).
"""

from journeys.systems.tasks import task


@task("look at product")
def look_at_product(journey, sku: str) -> None:
    journey.visit("web.product", sku=sku)


@task("place order")
def place_order(journey, sku: str, quantity: int = 1) -> None:
    """Product page, cart, checkout with the customer's own details, confirmation."""
    _into_cart(journey, sku, quantity)
    journey.visit("web.checkout")
    _fill_checkout(journey, "web.checkout")
    _place(journey, "web.order_confirmation")


def _into_cart(journey, sku: str, quantity: int) -> None:
    journey.memory.setdefault("first_sku", sku)  # what she returns, if she does: her order's first article
    journey.visit("web.product", sku=sku)
    journey.web.fill({"quantity": str(quantity)})
    journey.web.click("add-to-cart")


def _place(journey, confirmation: str) -> None:
    """Place the order from the filled checkout and read its confirmation page."""
    with journey.waiting(confirmation):
        journey.web.click("place-order")
    seen = journey.read(confirmation)
    journey.logged_in(confirmation)  # the checkout made her account and logged her in
    # The order is hers and the company's from now on: it knows its number.
    journey.memory["order_number"] = str(seen["order.number"].raw)
    journey.gave("order_number", str(seen["order.number"].raw), confirmation)
    _remember_order_code(journey)


def _remember_order_code(journey) -> None:
    """Keep the order's code from the confirmation page: the app and a guest's returns need it.

    A secret (it opens her order to whoever holds it): masked in evidence and
    messages, and left off the ledger, so an outsider in a privacy step does
    not know it either.
    """
    code = journey.web.text_of("order-token")
    journey.system.secrets.add(code)
    journey.memory["order_token"] = code


@task("place order with code")
def place_order_with_code(journey, sku: str, code: str, quantity: int = 1) -> None:
    """As `place order`, with a discount code applied at the checkout first: the checkout is read with it."""
    _into_cart(journey, sku, quantity)
    journey.web.goto("/checkout")
    journey.web.fill({"discount_code": code})
    with journey.waiting("web.checkout"):
        journey.web.click("apply-code")
    journey.read("web.checkout")
    _fill_checkout(journey, "web.checkout")
    _place(journey, "web.order_confirmation")


@task("place order of several")
def place_order_of_several(journey, items: list[tuple[str, int]]) -> None:
    """Every article but the last into the cart from its product page; the last as `place order` does,
    on through the checkout."""
    *first, (sku, quantity) = items
    for each, count in first:
        _into_cart(journey, each, count)
    place_order(journey, sku, quantity)


@task("ask store lead time")
def ask_store_lead_time(journey, sku: str) -> None:
    journey.visit("store.lead_time", sku=sku)


@task("ask store price")
def ask_store_price(journey, sku: str) -> None:
    """The shop assistant scans the article at the till: its price."""
    journey.visit("store.product", sku=sku)


@task("buy in store")
def buy_in_store(journey, sku: str, store: str = "utrecht") -> None:
    """At the till she gives her name and e-mail address for the digital receipt, pays and takes the
    article home. The receipt's order number is the order she holds from now on."""
    journey.gave("name", journey.customer.name, "store.sale")
    journey.gave("email", journey.customer.email, "store.sale")
    seen = journey.visit("store.sale", sku=sku, store=_store_code(store))
    journey.memory["order_number"] = str(seen["order.number"].raw)


@task("order for pickup")
def order_for_pickup(journey, sku: str, store: str, quantity: int = 1) -> None:
    """Product page, cart, checkout choosing to collect it in ``store`` (click and collect), confirmation."""
    _into_cart(journey, sku, quantity)
    journey.visit("web.checkout")
    _fill_checkout(journey, "web.checkout")
    journey.web.fill({"fulfilment": "pickup", "store": _store_code(store)})
    _place(journey, "web.pickup_confirmation")


def _store_code(store: str) -> str:
    """The shop's code for a store a writer names by its city ("Utrecht" -> ``utrecht``)."""
    return store.strip().lower()


def _fill_checkout(journey, touchpoint: str) -> None:
    """The checkout form with her own details (and a password for her new account)."""
    details = _details(journey.customer)
    journey.web.fill({**details, **_account(journey.customer, journey.customer.password)})
    for what, value in details.items():
        journey.gave(what, value, touchpoint)


def _details(customer) -> dict[str, str]:
    """What she fills in at a checkout about herself: name, e-mail address, address, phone number."""
    return {
        "name": customer.name,
        "email": customer.email,
        "street": customer.street,
        "postcode": customer.postcode,
        "city": customer.city,
        "phone": customer.phone,
    }


def _account(customer, password: str) -> dict[str, str]:
    """What a first checkout's account is made with: her password, birthdate and whether she buys for a
    business (the shop's offers follow them)."""
    business = "yes" if customer.segment == "business" else "no"
    return {"password": password, "birthdate": customer.birthdate.isoformat(), "business": business}


@task("log in")
def log_in(journey) -> None:
    """The login page with her e-mail address and password (an existing account's, or her new one's)."""
    journey.web.goto("/login")
    journey.web.fill({"email": journey.customer.email, "password": journey.customer.password})
    journey.web.click("login")
    journey.logged_in("web.login")


@task("create account")
def create_account(journey) -> None:
    """The shop makes an account at a customer's first checkout: she orders a game, with a password.

    Nothing is recorded: this is how she came to have an account, before the journey.
    """
    _first_checkout(journey, journey.customer.password)


def _first_checkout(journey, password: str) -> None:
    """A game through the checkout with her details and ``password``, nothing recorded on the ledger."""
    journey.web.goto("/product/game-quest")
    journey.web.click("add-to-cart")
    journey.web.goto("/checkout")
    journey.web.fill({**_details(journey.customer), **_account(journey.customer, password)})
    journey.web.click("place-order")


@task("cancel order")
def cancel_order(journey) -> None:
    """Her order's page in her account, its cancel button, and the page it comes back to."""
    journey.web.goto(f"/account/orders/{journey.memory['order_number']}")
    with journey.waiting("web.account_order"):
        journey.web.click("cancel-order")
    journey.ledger.clock_moved()  # her order is another from now: what it showed before is compared apart
    journey.read("web.account_order")


@task("look at return options")
def look_at_return_options(journey) -> None:
    """The returns portal, logged in: what it says about returning her order, and why not."""
    journey.visit("returns.verdict")


@task("return order")
def return_order(journey) -> None:
    """The returns portal: the first item of her order, quote, confirm, label."""
    with journey.waiting("returns.portal"):
        journey.web.goto("/returns")
    journey.read("returns.portal")
    if "order_number" in journey.asked("returns.portal"):
        # The portal wants her order number and e-mail again: she gives them, as customers do,
        # with the order's code from her confirmation mail.
        journey.web.fill(
            {
                "order_number": journey.memory["order_number"],
                "email": journey.customer.email,
                "token": journey.memory["order_token"],
            }
        )
        with journey.waiting("returns.portal"):
            journey.web.click("find-order")
    if "first_sku" in journey.memory:  # her order's article, not one of a replacement the shop sent since
        journey.web.fill({"item": f"{journey.memory['order_number']}:{journey.memory['first_sku']}"})
    with journey.waiting("returns.quote"):
        journey.web.click("get-quote")
    journey.read("returns.quote")
    with journey.waiting("returns.confirmation"):
        journey.web.click("confirm-return")
    seen = journey.read("returns.confirmation")
    journey.memory["return_number"] = str(seen["return.number"].raw)
