"""Evidence file names and places; redaction of secrets."""

from __future__ import annotations

from journeys.evidence import EvidenceStore
from journeys.secrets import Secrets


def test_names_are_stable_numbered_per_channel_and_relative_to_the_reports_folder(tmp_path):
    store = EvidenceStore(tmp_path, "anna-3")
    assert store.save("web", "web.checkout", ".png", b"png") == "evidence/anna-3/web-01-web.checkout.png"
    assert store.save("email", "email.order_confirmation", "eml", b"x") == (
        "evidence/anna-3/email-01-email.order_confirmation.eml"
    )
    assert store.save("web", "web.order_confirmation", ".png", b"png") == (
        "evidence/anna-3/web-02-web.order_confirmation.png"
    )
    assert store.save("api", "app.order", ".json", "{}") == "evidence/anna-3/api-01-app.order.json"
    assert store.write_text("ledger.json", "{}") == "evidence/anna-3/ledger.json"
    assert (tmp_path / "evidence" / "anna-3" / "web-02-web.order_confirmation.png").read_bytes() == b"png"


def test_a_second_store_for_the_same_customer_does_not_overwrite(tmp_path):
    EvidenceStore(tmp_path, "anna-3").save("web", "web.product", ".png", b"first")
    assert EvidenceStore(tmp_path, "anna-3").save("web", "web.product", ".png", b"second") == (
        "evidence/anna-3/web-02-web.product.png"
    )


def test_unsafe_characters_never_leave_the_customer_folder(tmp_path):
    store = EvidenceStore(tmp_path, "../anna 3")
    path = store.save("web", "../../etc/passwd", ".png", b"x")
    assert path == "evidence/anna-3/web-01-etc-passwd.png"


def test_a_store_with_secrets_redacts_text(tmp_path):
    store = EvidenceStore(tmp_path, "anna-3", Secrets(["hunter22"]))
    store.write_text("note.txt", "password hunter22")
    assert (store.folder / "note.txt").read_text() == "password •••"


def test_redact_masks_every_secret_and_its_url_encoded_forms(monkeypatch):
    monkeypatch.setenv("SHOP_AGENT_PASSWORD", "p@ss word!")
    monkeypatch.delenv("SHOP_UNSET", raising=False)
    secrets = Secrets()
    secrets.add_env_names(["SHOP_AGENT_PASSWORD", "SHOP_UNSET"])
    secrets.add("tok-123456")
    text = "login p@ss word! / form p%40ss+word%21 / url p%40ss%20word%21 / header tok-123456"
    assert secrets.redact(text) == "login ••• / form ••• / url ••• / header •••"
    assert secrets.redact_bytes(b"x tok-123456 y") == "x ••• y".encode()


def test_short_or_empty_values_are_not_secrets():
    secrets = Secrets(["", "ab", None])  # type: ignore[list-item]
    assert len(secrets) == 0
    assert secrets.redact("ab cd") == "ab cd"


def test_a_longer_secret_containing_a_shorter_one_is_masked_whole():
    secrets = Secrets(["geheim", "supergeheim123"])
    assert secrets.redact("supergeheim123") == "•••"
