"""The reference shop's faults where one silo goes wrong, each modelled on a failure of the seed articles.

Each changes one seam where a real silo would go wrong (``/work/shared/seeds/000..004``): the mail builder
reading the wrong number, the app reading the carrier's estimate instead of the promise, the CRM fed only
by the store. ``refshop.faults`` adds the security faults and those only a crowd shows, and looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    """One named fault.

    Attributes:
        name: the name given to ``--fault``.
        experience: what the customer experiences, in one sentence.
        seeds: the seed article(s) the failure comes from (``"000"``..``"004"``).
        seam: where in the shop the fault lives (module and what it changes).
        touchpoints: where a journey can see it (touchpoint names).
        asvs: for a security fault, the OWASP ASVS 4.0.3 requirements it breaks.
    """

    name: str
    experience: str
    seeds: tuple[str, ...]
    seam: str
    touchpoints: tuple[str, ...]
    asvs: tuple[str, ...] = ()


SILO_FAULTS: tuple[Fault, ...] = (
    Fault(
        name="cutoff-ignored",
        experience="Ordered before 18:00 with 'morgen in huis' promised on the product page, "
        "checkout, confirmation and mail, but fulfilment plans the order a week later:"
        " the app, the account page and the actual delivery are a week late.",
        seeds=("003",),
        seam="orders.planned_date: web orders go into the store's weekly fulfilment batch",
        touchpoints=("web.product", "web.order_confirmation", "app.order", "web.account_order"),
    ),
    Fault(
        name="email-total-stale",
        experience="The order confirmation email shows the total before the discount (€ 349,00 instead of € 329,00).",
        seeds=("000",),
        seam="orders._confirm: the mail builder reads the cart subtotal, not the order total",
        touchpoints=("email.order_confirmation",),
    ),
    Fault(
        name="tracking-date-drift",
        experience="The app shows a different delivery date than checkout and the confirmation.",
        seeds=("000",),
        seam="web.api.app_delivery_date: the app reads the carrier's estimate (dispatch + 2 days)",
        touchpoints=("app.order",),
    ),
    Fault(
        name="store-vs-online",
        experience="The same product is delivered 2 days after buying it in the store, but 2 "
        "weeks after ordering it online.",
        seeds=("003",),
        seam="orders.online_delivery_date: online orders use the central warehouse's backorder "
        "lead time; the store's till ships from its own stock",
        touchpoints=("web.product", "store.lead_time", "store.order"),
    ),
    Fault(
        name="refund-not-replacement",
        experience="A wrong-item complaint that the agent answers with a replacement gets only a "
        "refund: no replacement, no apology.",
        seeds=("003",),
        seam="agent_actions._replacement: the back office books every remedy as a refund",
        touchpoints=("agent.console", "email.refund", "web.account_order"),
    ),
    Fault(
        name="agent-no-history",
        experience="The agent's 360° view shows neither the web order nor the earlier complaint; "
        "the customer has to tell everything again.",
        seeds=("000", "004"),
        seam="web.agent_console._history: the CRM is fed by the store system only",
        touchpoints=("agent.console",),
    ),
    Fault(
        name="asked-again",
        experience="The returns portal asks a logged-in customer again for the order number and email address.",
        seeds=("002",),
        seam="web.returns_portal.portal_customer: a separate app that ignores the shop session",
        touchpoints=("returns.portal",),
    ),
    Fault(
        name="irrelevant-offers",
        experience="Recommendations ignore the customer's profile: a student is offered a "
        "business lease and a senior phone.",
        seeds=("003",),
        seam="customers.recommendations: marketing's campaign list replaces the segment model",
        touchpoints=("web.account",),
    ),
    Fault(
        name="slow-portal",
        experience="Every page and answer of the returns portal takes more than 2 seconds.",
        seeds=("002",),
        seam="web.api.slow_returns_system: a synchronous call to the legacy returns system",
        touchpoints=("returns.portal",),
    ),
    Fault(
        name="refund-amount-differs",
        experience="The refund email (and the app) refund € 15,00 less than the returns portal quoted.",
        seeds=("000",),
        seam="returns.refund_amount: finance deducts a handling fee the portal does not know",
        touchpoints=("email.refund", "app.return"),
    ),
    Fault(
        name="refund-discount-twice",
        experience="A returned Tulp Tab 10 bought for € 329,00 is refunded € 309,00: the portal, the label mail"
        " and the refund mail all agree on the lower amount.",
        seeds=("000",),
        seam="returns.quote: the returns system takes the promotion off the price paid, which already had it off",
        touchpoints=("returns.quote", "email.refund"),
    ),
    Fault(
        name="cancel-not-passed-on",
        experience="She cancels her order in her account and is told it is cancelled and refunded, but the"
        " warehouse never hears: the app still follows the order, the shipping notice comes and so does the parcel.",
        seeds=("000",),
        seam="returns.cancel: the web shop marks its own copy cancelled; the warehouse's order is never told",
        touchpoints=("app.order", "email.shipping_notice"),
    ),
    Fault(
        name="phone-not-in-crm",
        experience="She gives her phone number at checkout; when she calls, the agent's screen says 'Telefoon:"
        " onbekend' and asks for it again.",
        seeds=("000", "002"),
        seam="web.agent_console.customer_view: the CRM is fed by the stores' tills, which never had the web"
        " shop's phone numbers",
        touchpoints=("web.checkout", "agent.customer"),
    ),
    Fault(
        name="account-total-before-discount",
        experience="Her account shows the order's price before the discount (€ 349,00) where the checkout, the"
        " confirmation and the mail charged her € 329,00.",
        seeds=("000",),
        seam="web.account.order: the order page reads the price list total, before any discount",
        touchpoints=("web.order_confirmation", "web.account_order"),
    ),
    Fault(
        name="address-dropped",
        experience="The shipping notice shows a different delivery address than the one given at "
        "checkout (the street is missing).",
        seeds=("000",),
        seam="fulfilment._ship: the carrier's address field drops the street",
        touchpoints=("email.shipping_notice",),
    ),
    Fault(
        name="no-track-trace-email",
        experience="The order ships, but the shipping notice with the track-and-trace code never arrives.",
        seeds=("003",),
        seam="fulfilment._ship: the carrier integration never notifies the customer",
        touchpoints=("email.shipping_notice",),
    ),
    Fault(
        name="complaint-unanswered",
        experience="A complaint is acknowledged with 'answer within 24 hours', but no answer ever comes.",
        seeds=("002", "004"),
        seam="cases.open_case: complaints land in a queue no team reads",
        touchpoints=("email.complaint_answer", "chat.case"),
    ),
    Fault(
        name="chat-forgets-order",
        experience="The chat asks for the order number the customer has just given.",
        seeds=("002", "000"),
        seam="cases.chat: the chat backend drops the widget's order number field",
        touchpoints=("chat",),
    ),
    Fault(
        name="chat-date-differs",
        experience="Asked in the chat where her order is, the chat names a delivery date a day later than the"
        " shop promised.",
        seeds=("000", "002"),
        seam="cases._first_reply: the chat reads the carrier's planning, a day behind the shop's promise",
        touchpoints=("chat.answer",),
    ),
    Fault(
        name="status-words-differ",
        experience="The account page still says 'In behandeling' when the app says the order is shipped or delivered.",
        seeds=("000",),
        seam="web.account.web_status: reads the warehouse's status, which stops at 'picked'",
        touchpoints=("web.account", "web.account_order"),
    ),
    Fault(
        name="callback-forgotten",
        experience="The agent promises a call back within 24 hours; nobody ever calls.",
        seeds=("002", "004"),
        seam="agent_actions._callback: the callback goes into a personal agenda, not the shared queue",
        touchpoints=("email.callback", "web.account_order"),
    ),
    Fault(
        name="refund-late",
        experience="The refund arrives after 8 working days instead of within 5.",
        seeds=("000",),
        seam="returns._receive: refunds wait for finance's fortnightly payment batch",
        touchpoints=("email.refund", "app.return"),
    ),
    Fault(
        name="pickup-date-unknown-in-store",
        experience="The confirmation and its mail say the click-and-collect order is ready on Monday; the "
        "store's system has it ready only on Tuesday, so she comes to the store for nothing.",
        seeds=("003",),
        seam="orders.store_pickup_date: web orders reach the store's system in a nightly batch, planned a day later",
        touchpoints=("web.pickup_confirmation", "email.pickup_confirmation", "store.pickup"),
    ),
    Fault(
        name="store-price-differs",
        experience="The till in the store asks € 5,00 more for an article than the web shop does.",
        seeds=("003",),
        seam="web.till.till_price: the stores' own price list, updated weekly, misses the online price",
        touchpoints=("web.product", "store.product"),
    ),
    Fault(
        name="phone-date-differs",
        experience="On the phone, customer service tells her a later delivery date than the confirmation "
        "and the mail gave her.",
        seeds=("000",),
        seam="web.agent_console.agent_date: the phone desk's CRM shows the warehouse's standard lead time "
        "(3 working days), not the promise",
        touchpoints=("phone.order", "agent.customer"),
    ),
    Fault(
        name="agent-return-policy-differs",
        experience="The returns portal refuses a return 14 days after delivery; customer service on the "
        "phone says it can still be returned.",
        seeds=("003", "000"),
        seam="web.agent_console.return_window_days: the console checks returns against the stores' old 30-day policy",
        touchpoints=("returns.verdict", "phone.order"),
    ),
    # -- moments the writers asked for (issue 18): a discount code, an agent's order, a second channel --
    Fault(
        name="mail-ignores-code",
        experience="She orders with discount code WELKOM10: the confirmation page takes 10 % off, but the"
        " confirmation mail shows the total without the code's discount, and no code.",
        seeds=("000",),
        seam="orders._confirm: the mail template predates discount codes and adds the code's discount back on",
        touchpoints=("web.order_confirmation", "email.order_confirmation"),
    ),
    Fault(
        name="agent-order-mail-date-differs",
        experience="She phones to order; the agent promises delivery tomorrow, as the console, the app and her"
        " account say, but the confirmation mail of the agent's order promises a date three working days out.",
        seeds=("000", "004"),
        seam="orders._confirm: the phone desk's orders are confirmed by the stores' mail, with their standard"
        " lead time",
        touchpoints=("phone.order", "email.order_confirmation"),
    ),
    Fault(
        name="phone-opens-new-case",
        experience="She complained in the chat and phones about the same order: the phone desk opens a new case"
        " with a new case number, and has to ask her order number again.",
        seeds=("004", "002"),
        seam="cases.phone_call: the phone desk's ticket system sees only the cases it opened itself",
        touchpoints=("chat.conversation", "phone.case"),
    ),
    Fault(
        name="parcel-left-behind",
        experience="She orders two products; they ship as two parcels, each with its own track-and-trace code"
        " and date. The first arrives; the second stays 'Onderweg' past its date, while her order says 'Bezorgd'.",
        seeds=("003", "000"),
        seam="parcels.deliver: the van is loaded by the order's one track-and-trace code, the first parcel's;"
        " the second parcel stays in the depot",
        touchpoints=("email.parcel_notice", "app.parcel"),
    ),
    Fault(
        name="parcel-date-differs",
        experience="Her order comes in two parcels: the shipping mail of the second names a delivery date a day"
        " later than the app's track and trace of that parcel (which is when it comes).",
        seeds=("000",),
        seam="parcels.ship: a second parcel's mail reads the supplier's estimate, a day after the carrier's date",
        touchpoints=("email.parcel_notice", "app.parcel"),
    ),
)
