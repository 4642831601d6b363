"""make_driver builds each channel's driver from a session and a journey."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from journeys.channels import make_driver
from journeys.channels.agent import BrowserAgentDriver
from journeys.channels.api import HttpApiDriver
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.chat import BrowserChatDriver
from journeys.channels.mail import CaptureMailbox, MailboxDriver, MailCapture
from journeys.channels.web import BrowserWebDriver
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ConfigError
from journeys.systems.map_files import load_map

MAP = """
system: shop
urls: {store: "http://pos.test"}
credentials:
  agent: {user_env: SHOP_AGENT_USER, password_env: SHOP_AGENT_PASSWORD}
touchpoints: {}
"""


@pytest.fixture
def parts(tmp_path):
    (tmp_path / "shop.yaml").write_text(MAP, encoding="utf-8")
    capture = MailCapture()
    browser = object()
    session = SimpleNamespace(
        map=load_map(tmp_path / "shop.yaml"),
        base_url="http://shop.test",
        browser_for=lambda settings: browser,
        browser_settings=BrowserSettings(),
        browserless=False,
        environ={},
        secrets=Secrets(),
        mail_capture=capture,
    )
    journey = SimpleNamespace(
        customer=SimpleNamespace(key="anna-1"),
        evidence=EvidenceStore(tmp_path, "anna-1"),
        browserless=None,
        browser_settings=None,
    )
    journey.web = make_driver("web", session, journey)
    journey.api = make_driver("api", session, journey)
    return session, journey


def test_each_channel_gets_its_driver(parts):
    session, journey = parts
    assert isinstance(journey.web, BrowserWebDriver) and journey.web.base_url == "http://shop.test"
    assert isinstance(journey.api, HttpApiDriver) and journey.api.channel_urls["store"] == "http://pos.test"
    agent = make_driver("agent", session, journey)
    assert isinstance(agent, BrowserAgentDriver) and agent.credentials["password_env"] == "SHOP_AGENT_PASSWORD"
    assert make_driver("store", session, journey).base_url == "http://pos.test"
    mail = make_driver("email", session, journey)
    assert isinstance(mail, MailboxDriver) and isinstance(mail.mailbox, CaptureMailbox)
    chat = make_driver("chat", session, journey)
    assert isinstance(chat, BrowserChatDriver) and chat.web is journey.web


def test_an_unknown_channel_is_a_config_error(parts):
    session, journey = parts
    with pytest.raises(ConfigError, match="no driver for channel 'fax'"):
        make_driver("fax", session, journey)
