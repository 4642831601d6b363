"""Tasks of the reference shop for the security steps (issue 15): what someone else tries, and what a
careless customer does."""

from journeys.channels import outsider
from journeys.channels.base import Reading
from journeys.channels.json_reading import read_jsonpath
from journeys.core.rules.own_data import OTHER
from journeys.maps.refshop_tasks import _first_checkout
from journeys.systems.tasks import task


@task("other customer orders in store")
def other_customer_orders_in_store(journey) -> None:
    """Someone who is not one of the shop's tills (no store key) books an order in her name through
    the till's API, with her name and e-mail address alone; what the answer shows of her is recorded."""
    tp = journey.touchpoint("store.order")
    order = {"store": "utrecht", "sku": "headphones", "quantity": 1}
    answer = journey.api.request(
        "POST", tp.request.path, json={**order, "name": journey.customer.name, "email": journey.customer.email}
    )
    raw = {fact: read_jsonpath(reader, answer) for fact, reader in tp.facts.items()}
    journey.observe(Reading(tp.name, tp.channel, tp.request.path, raw), about=OTHER)


@task("log out")
def log_out(journey) -> None:
    """The logout page's button (logging out is a form post, with its token)."""
    journey.web.goto("/logout")
    journey.web.click("logout")
    journey.logged_out("web.logout")  # from now on the shop does not know who she is


@task("someone else logs in")
def someone_else_logs_in(journey, web, password: str) -> None:
    """Someone who is not her, on ``web`` (their own client), tries her e-mail address with ``password``."""
    web.goto("/login")
    web.fill({"email": journey.customer.email, "password": password})
    web.click("login")


@task("choose password")
def choose_password(journey, password: str) -> None:
    """A new customer's first checkout (a game) with ``password`` for the account it makes; she ends on
    the shop's answer: the confirmation, or the checkout saying why it would not."""
    _first_checkout(journey, password)


@task("leave checkout")
def leave_checkout(journey) -> None:
    """After a first checkout the shop refused (her password), she takes its game out of her cart, as a
    customer who gives up does: an order she places later is hers alone."""
    if not journey.web.current_url.split("?")[0].endswith("/checkout"):
        return  # it went through: nothing is left in her cart
    journey.web.goto("/cart")
    journey.web.click("remove-from-cart")


@task("send chat message from another site")
def chat_message_from_another_site(journey, message: str) -> None:
    """A page on another site sends the chat form with her browser: a question in her name, without
    the chat page's form token. She ends on the shop's answer."""
    outsider.post_from_elsewhere(journey.web, "/chat", {"kind": "question", "message": message})
