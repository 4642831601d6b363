"""Tasks of the reference shop's customer service: the chat, the phone and the agent's console."""

import re
import time

from journeys.systems.tasks import task


@task("phone about order")
def phone_about_order(journey) -> None:
    """She calls customer service and gives her order number; the agent logs in and opens the order."""
    journey.agent.login()
    journey.gave("order_number", journey.memory["order_number"], "phone.order")
    journey.visit("phone.order")


@task("agent looks up customer")
def agent_looks_up_customer(journey) -> None:
    """The agent logs in, searches her e-mail address and opens her 360° view."""
    _open_her_page(journey)
    journey.read("agent.customer")


def _open_her_page(journey) -> None:
    """The console's page of her, whatever screen the agent was on (logged in once)."""
    agent = journey.agent
    if not agent.logged_in:
        agent.login()
    agent.goto(f"/agent/?q={journey.customer.email}")
    agent.click(journey.customer.name)


@task("agent offers replacement")
def agent_offers_replacement(journey) -> None:
    _agent_offers(journey, "replacement")


@task("agent offers callback")
def agent_offers_callback(journey) -> None:
    _agent_offers(journey, "callback")


def _agent_offers(journey, remedy: str) -> None:
    """On her page of the console (after a phone call too), the agent fills in her order and case and
    offers ``remedy`` (its button)."""
    _open_her_page(journey)
    journey.agent.fill(
        {"order_number": journey.memory["order_number"], "case_number": journey.memory.get("case_number", "")}
    )
    journey.agent.click(remedy)


@task("agent places order")
def agent_places_order(journey, sku: str, quantity: int = 1) -> None:
    """She phones to order and gives her e-mail address; the agent opens her page in the console, places
    the order for her (to her address) and reads its order page out to her. Its code (for the app) comes
    with the confirmation mail."""
    journey.gave("email", journey.customer.email, "phone.order")
    _open_her_page(journey)
    journey.agent.fill({"sku": sku, "quantity": str(quantity)})
    with journey.waiting("phone.order"):
        journey.agent.click("order-for-her")
    journey.memory["order_number"] = journey.agent.text_of("order-number")  # the page's readers need it
    journey.read("phone.order")
    _code_from_mail(journey, journey.memory["order_number"])


def _code_from_mail(journey, order_number: str, wait: float = 30.0) -> None:
    """The order's code, from its confirmation mail (not recorded: she reads the mail in a step of her own).

    A secret, kept as `_remember_order_code` keeps it; none when no mail comes in time (the app then
    cannot be asked, and her reading the mail is where a missing mail is reported)."""
    mailbox, deadline = journey.mail.mailbox, time.monotonic() + wait
    while time.monotonic() < deadline:
        for message in mailbox.messages(journey.customer.email):
            found = re.search(r"Bestelcode[^:]*:\s*(\S+)", message.text) if order_number in message.subject else None
            if found:
                journey.system.secrets.add(found.group(1))
                journey.memory["order_token"] = found.group(1)
                return
        mailbox.wait(deadline - time.monotonic())


@task("complain by phone")
def complain_by_phone(journey, message: str) -> None:
    """She phones about the order she complained about and gives its number; the agent opens the order,
    notes what she says, and goes on with the case the console puts it in (read: its number, what it asks)."""
    order_number = journey.memory["order_number"]
    if not journey.agent.logged_in:
        journey.agent.login()
    journey.gave("order_number", order_number, "phone.case")
    journey.agent.goto(f"/agent/orders/{order_number}")
    journey.agent.fill({"message": message})
    with journey.waiting("phone.case"):
        journey.agent.click("note-call")
    journey.read("phone.case")


@task("complain in chat")
def complain_in_chat(journey, message: str) -> None:
    """The chat widget with her order number: a complaint. A customer who is not logged in (she bought
    at the till) gives her e-mail address too."""
    order_number = journey.memory["order_number"]
    journey.web.goto("/chat?new=1")
    given = (
        {"order_number": order_number}
        if journey.identified
        else {"order_number": order_number, "email": journey.customer.email}
    )
    journey.web.fill({"kind": "complaint", **given})
    for what, value in given.items():
        journey.gave(what, value, "chat.conversation")
    journey.chat.say(message, send="chat-send")
    seen = journey.read("chat.conversation")
    journey.memory["case_number"] = str(seen["case.number"].raw)


@task("ask in chat")
def ask_in_chat(journey, message: str) -> None:
    """A question about her order in the chat widget, its number given; the chat's answer (what it says of
    her order) is read."""
    _ask(journey, message, "chat.answer", {"order_number": journey.memory["order_number"]})


@task("ask a question in chat")
def ask_a_question_in_chat(journey, message: str) -> None:
    """A question of her own in the chat widget, about no order; the answer is kept."""
    _ask(journey, message, "chat.reply", {})


def _ask(journey, message: str, touchpoint: str, given: dict[str, str]) -> None:
    """A question in the chat; a customer who is not logged in gives her e-mail address too."""
    journey.web.goto("/chat?new=1")
    if not journey.identified:
        given = {**given, "email": journey.customer.email}
    journey.web.fill({"kind": "question", **given})
    for what, value in given.items():
        journey.gave(what, value, touchpoint)
    journey.chat.say(message, send="chat-send")
    journey.read(touchpoint)
