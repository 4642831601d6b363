"""Tasks of Tulp Helpdesk: a complaint on its web form, and its desk agent opening the ticket."""

from __future__ import annotations

from journeys.systems.tasks import task


@task("file complaint")
def file_complaint(journey, message: str = "Mijn bestelling is niet wat ik bestelde.") -> None:
    """The complaint form, citing the order number the shop gave her; then her ticket page."""
    customer = journey.customer
    journey.visit("helpdesk.complaint_form")
    given = {"name": customer.name, "email": customer.email, "order_number": journey.memory["order_number"]}
    journey.web.fill({**given, "message": message})
    for what, value in given.items():
        journey.gave(what, value, "helpdesk.complaint_form")
    with journey.waiting("helpdesk.ticket"):
        journey.web.click("file-complaint")
    seen = journey.read("helpdesk.ticket")
    journey.memory["ticket_reference"] = str(seen["ticket.reference"].raw)


@task("agent opens complaint")
def agent_opens_complaint(journey) -> None:
    """The desk agent (logged in by the map's login block) finds her ticket by her e-mail address."""
    desk = journey.staff("desk_agent")
    desk.goto(f"/desk/tickets?q={journey.customer.email}")
    desk.click(journey.memory["ticket_reference"])
    journey.read("helpdesk.desk_ticket")
