"""Security: the doors that are hers stay shut to everyone else, and a slow back office never holds her up.

A step tries a door as someone who is not the customer would: a script that
guesses her password, a copy of her session cookie after she logged out, a
page on another site that sends a form with her browser (the tools are
``journeys.channels.outsider``). What the system answered goes on the ledger
for rule *refused*, each page's security headers for rule *protected*
(``journeys.core.rules.protection``), and the time her order took for rule
*answered within*. The system's tasks say where its login, logout and forms
are; the map's ``web.form_answer`` reads a refusal from whichever page it is on.
"""

from weakref import WeakKeyDictionary

from journeys.channels import outsider
from journeys.core.records import Provenance
from journeys.core.rules import protection
from journeys.errors import ChannelError, StepError
from journeys.messages import say
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Beveiliging: wat van haar is, blijft dicht voor anderen, en een trage achterkant houdt haar niet op."

_ANSWER = "web.form_answer"  # the map's touchpoint for whichever page a form was answered with
_REFUSAL = "form.refusal"  # its fact: why the system refused, when it did
_SLOW_MAIL_SECONDS = 3.5  # a busy mail server: longer than a customer should wait, well within a page's 5 s

_SESSIONS: WeakKeyDictionary = WeakKeyDictionary()  # journey -> the copy of her cookies kept at logout


def _where(journey, touchpoint, channel, evidence=()):
    step = journey.step
    shown = tuple(str(journey.system.reports_dir / path) for path in evidence)
    return Provenance(
        touchpoint, channel, step.text if step else None, step.location if step else None, journey.now(), shown
    )


def _answered(journey, web, fact, touchpoint):
    """Record the try at ``touchpoint`` as the page ``web`` is on answered it: refused when it shows a refusal."""
    reading = web.read(journey.touchpoint(_ANSWER), screenshot=True)
    refusal = reading.raw.get(_REFUSAL)
    answer = refusal or f"went on to {outsider.path_of(reading.url)}"
    where = _where(journey, touchpoint, journey.touchpoint(touchpoint).channel, reading.evidence)
    protection.tried(journey.ledger, fact, where, answer, refused=bool(refusal))


def _someone_else(journey):
    return outsider.someone_else(journey.system, journey)


@vocabulary.when(
    en="she logs out",
    nl=("ze uitlogt", "ze zich afmeldt"),
    doc_nl=(
        "Ze logt uit (de taak `log out` van het systeem). Eerst wordt een kopie van haar sessie bewaard: die"
        " heeft ook wie haar cookie in handen kreeg (een gedeelde computer, een gelekt logbestand)."
    ),
    needs=("task:log out",),
    requires=("logged in",),
    gives=("logged out", "-logged in"),
)
def log_out(journey):
    """She logs out (the system's task `log out`). A copy of her session is kept first, as anyone who got
    hold of her cookie has it (a shared computer, a leaked log)."""
    _SESSIONS[journey] = outsider.session_of(journey.web)
    journey.do("log out")


@vocabulary.then(
    en=("her account cannot be opened with her old session", "her old session no longer opens her account"),
    nl=(
        "kan niemand haar account nog openen met haar oude sessie",
        "opent haar oude sessie haar account niet meer",
        "wordt haar account niet meer geopend met haar oude sessie",
    ),
    doc_nl=(
        "Regel *geweigerd*: iemand anders probeert haar accountpagina met de kopie van haar sessie van voor het"
        " uitloggen; de pagina mag niets van haar tonen."
    ),
    needs=("web.account",),
    requires=("logged out",),
    # What the page showed was shown to someone else, not to her; and it is no try of the privacy rule's
    # (another customer at her order), which "nobody else was shown her order" needs.
    gives=("old session tried",),
)
def old_session_opens_nothing(journey):
    """Rule *refused*: someone else tries her account page with the copy of her session from before she
    logged out; the page must show nothing of hers."""
    copy = _SESSIONS.get(journey)
    if copy is None:
        raise StepError(say("step.not_logged_out"))
    other = _someone_else(journey)
    account = journey.touchpoint("web.account")
    try:
        other.use_session(copy)
        other.visit(account)
        reading = other.read(account, screenshot=True)  # the page as evidence, whatever it showed
    except ChannelError as exc:  # not her account page at all (an error page, a login without its heading)
        where = _where(journey, account.name, account.channel)
        protection.tried(journey.ledger, "old.session", where, str(exc), refused=True)
    else:
        shown = [fact for fact, raw in reading.raw.items() if raw]
        answer = f"her account page opened, showing her {', '.join(shown)}" if shown else ""
        answer = answer or f"sent to {outsider.path_of(reading.url)}"
        where = _where(journey, account.name, account.channel, reading.evidence)
        protection.tried(journey.ledger, "old.session", where, answer, refused=not shown)
    finally:
        other.close()
    journey.ledger.add(protection.refused(journey.ledger, "old.session"))


@vocabulary.when(
    en=(
        "someone else tries {n:d} wrong passwords for her account and then the right one",
        "someone tries {n:d} wrong passwords for her account and then the right one",
    ),
    nl=(
        "iemand anders {n:d} verkeerde wachtwoorden voor haar account probeert en daarna het juiste",
        "iemand {n:d} verkeerde wachtwoorden voor haar account probeert en daarna het juiste",
    ),
    doc_nl=(
        "Iemand anders (een script, met eigen cookies) probeert bij het inloggen haar e-mailadres met zoveel"
        " verkeerde wachtwoorden, en daarna met het juiste: een gelukstreffer. Het antwoord daarop komt in het"
        " grootboek."
    ),
    example={"n": "20"},
    needs=("task:someone else logs in", "web.login", _ANSWER),
    requires=("logged in",),
    gives=("password guessed",),
)
def someone_guesses_password(journey, n):
    """Someone else (a script with cookies of its own) tries her e-mail address at the login with that many
    wrong passwords, then with the right one: a lucky guess. The answer to it goes on the ledger."""
    other = _someone_else(journey)
    try:
        for attempt in range(1, n + 1):
            journey.do("someone else logs in", web=other, password=f"Geraden-{attempt}-{journey.customer.key}")
        journey.do("someone else logs in", web=other, password=journey.customer.password)
        _answered(journey, other, "guessed.password", "web.login")
    finally:
        other.close()


@vocabulary.then(
    en=("the shop slows them down", "the shop keeps them out of her account"),
    nl=(
        "houdt de winkel die ander buiten haar account",
        "blokkeert de winkel het inloggen na te veel pogingen",
        "remt de winkel het raden af",
    ),
    doc_nl=(
        "Regel *geweigerd*: na zoveel verkeerde pogingen weigert de winkel het inloggen, zelfs met het juiste"
        " wachtwoord."
    ),
    requires=("password guessed",),
)
def guessing_slowed_down(journey):
    """Rule *refused*: after that many wrong tries the shop refuses to log them in, even with the right password."""
    journey.ledger.add(protection.refused(journey.ledger, "guessed.password"))


@vocabulary.when(
    en='she chooses the password "{password}" for her new account',
    nl=(
        'ze het wachtwoord "{password}" kiest voor haar nieuwe account',
        'ze voor haar nieuwe account het wachtwoord "{password}" kiest',
    ),
    doc_nl=(
        "Ze maakt een account aan met dat wachtwoord (de taak `choose password`); het antwoord komt in het grootboek."
    ),
    example={"password": "12345678"},
    needs=("task:choose password", "web.checkout", _ANSWER),
    requires=("start",),
    gives=("password chosen",),
)
def choose_password(journey, password):
    """She makes an account with that password (the system's task `choose password`); the answer goes on the ledger."""
    journey.do("choose password", password=password)
    _answered(journey, journey.web, "chosen.password", "web.checkout")
    if "leave checkout" in journey.system.tasks:  # a refused checkout leaves nothing for a later order
        journey.do("leave checkout")


@vocabulary.then(
    en=("the shop refuses it as too weak", "the password is refused as too weak"),
    nl=("weigert de winkel het als te zwak", "wordt het wachtwoord geweigerd als te zwak"),
    doc_nl="Regel *geweigerd*: de winkel nam het gekozen wachtwoord niet aan.",
    requires=("password chosen",),
)
def password_refused(journey):
    """Rule *refused*: the shop did not take the password she chose."""
    journey.ledger.add(protection.refused(journey.ledger, "chosen.password"))


@vocabulary.when(
    en="a page on another site sends a chat message in her name",
    nl=(
        "een pagina op een andere site namens haar een chatbericht verstuurt",
        "een andere site namens haar een chatbericht verstuurt",
    ),
    doc_nl=(
        "Een pagina van een andere site verstuurt het chatformulier met haar eigen, ingelogde browser, zonder"
        " het formuliertoken van de chatpagina; het antwoord van de winkel komt in het grootboek."
    ),
    needs=("task:send chat message from another site", "chat.conversation", _ANSWER),
    requires=("logged in",),
    gives=("form from elsewhere",),
)
def chat_from_another_site(journey):
    """A page of another site sends the chat form with her own, logged-in browser, without the chat page's
    form token; the shop's answer goes on the ledger."""
    if not journey.identified:
        raise StepError(say("step.not_logged_in"))
    journey.do("send chat message from another site", message="Gestuurd door een andere site")
    _answered(journey, journey.web, "form.from_another_site", "chat.conversation")


@vocabulary.then(
    en=("the shop refuses the form from the other site", "a form sent from another site is refused"),
    nl=("weigert de winkel het formulier van de andere site", "wordt het formulier van de andere site geweigerd"),
    doc_nl="Regel *geweigerd*: de winkel deed niet wat het formulier van de andere site vroeg.",
    requires=("form from elsewhere",),
)
def other_site_refused(journey):
    """Rule *refused*: the shop did not do what the other site's form asked."""
    journey.ledger.add(protection.refused(journey.ledger, "form.from_another_site"))


@vocabulary.then(
    en=("every page she saw protected her", "every page she saw came with its security headers"),
    nl=("was elke pagina die ze zag beveiligd", "kwam elke pagina die ze zag met beveiligingsheaders"),
    doc_nl=(
        "Regel *beschermd*: elke pagina van de webwinkel die haar browser kreeg, had de beveiligingsheaders"
        " (Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy)."
    ),
    requires=("page seen",),
)
def pages_protected(journey):
    """Rule *protected*: every page of the web shop her browser was sent came with the security headers
    (Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy)."""
    visited = [journey.touchpoint(v.touchpoint) for v in journey.ledger.visits if v.channel == "web"]
    seen = set()
    for url, _status, headers in outsider.pages_of(journey.web, journey.system.base_url):
        name = outsider.touchpoint_of(url, visited)
        key = (name, tuple(sorted(k.lower() for k in headers)))
        if key not in seen:
            seen.add(key)
            protection.page_sent(journey.ledger, _where(journey, name, "web"), headers)
    journey.ledger.add(protection.protected(journey.ledger))


@vocabulary.when(
    en='she orders {quantity} "{sku}" on the web shop while the mail server is slow',
    nl=(
        'ze {quantity} "{sku}" bestelt in de webwinkel terwijl de mailserver traag is',
        'ze in de webwinkel {quantity} "{sku}" bestelt terwijl de mailserver traag is',
    ),
    doc_nl=(
        "Ze bestelt zoals altijd, terwijl de mailserver van de winkel over elke mail aan haar 3,5 seconde doet (de"
        " SMTP-opvang van de harness speelt die trage server); de stap wacht tot haar bevestigingsmail erdoor is."
    ),
    example={"quantity": "a", "sku": "tablet-10"},
    example_nl={"quantity": "een", "sku": "tablet-10"},
    needs=("task:place order", "web.order_confirmation"),
    requires=("no:order",),
    gives=(
        *("order", "online order", "delivery order", "one product", "not shipped", "logged in", "page seen"),
        "slow mail order",
    ),
)
def order_with_slow_mail(journey, quantity, sku):
    """She orders as ever, while the shop's mail server takes 3.5 seconds over each mail to her (the harness's
    SMTP capture plays that slow server); the step waits until her confirmation mail has come through."""
    capture = getattr(journey.system, "mail_capture", None)
    email = journey.customer.email
    with outsider.slow_mail(capture, _SLOW_MAIL_SECONDS, to=email, timeout=_SLOW_MAIL_SECONDS + 10):
        journey.do("place order", sku=sku, quantity=params.quantity(quantity))


@vocabulary.then(
    en=("her order is confirmed within {n:d} seconds", "her order was confirmed within {n:d} seconds"),
    nl=(
        "wordt haar bestelling binnen {n:d} seconden bevestigd",
        "werd haar bestelling binnen {n:d} seconden bevestigd",
    ),
    doc_nl=(
        "Regel *antwoord binnen*: na 'Bestelling plaatsen' stond de bevestiging binnen zoveel seconden op haar scherm."
    ),
    example={"n": "3"},
    needs=("web.order_confirmation",),
    requires=("slow mail order",),
)
def order_confirmed_within(journey, n):
    """Rule *answered within*: after placing the order, the confirmation was on her screen within that many seconds."""
    journey.answered_within("web.order_confirmation", n)
