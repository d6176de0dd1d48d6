import json
from urllib.parse import unquote, urlsplit

import pytest

from console.services.jitsi import jitsi_url
from drivers.dialstring import InvalidDialString


def _params(url: str) -> dict[str, str]:
    fragment = urlsplit(url).fragment
    return dict(part.split("=", 1) for part in fragment.split("&"))


def test_url_disables_prejoin_and_sets_name_and_language() -> None:
    url = jitsi_url("https://meet.example.org/PhongHop", 'Phòng họp "A" & B')
    assert url.startswith("https://meet.example.org/PhongHop#")
    params = _params(url)
    assert params["config.prejoinConfig.enabled"] == "false"
    assert json.loads(unquote(params["userInfo.displayName"])) == 'Phòng họp "A" & B'
    assert json.loads(unquote(params["config.defaultLanguage"])) == "vi"
    assert "\n" not in url and " " not in url


@pytest.mark.parametrize(
    "bad", ["http://meet.example.org/x", "https:///x", "https://h/x#a=b", "https://h/x?jwt=1"]
)
def test_only_plain_https_room_urls(bad: str) -> None:
    with pytest.raises(InvalidDialString):
        jitsi_url(bad, "Room")
