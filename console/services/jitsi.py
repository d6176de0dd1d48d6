"""Build the Jitsi Meet URL that joins a room directly from the system browser.

Limits: the browser is outside the console's control, so there are no call statistics, no
remote mute and no hang-up; the call panel shows "opened in browser" only.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

from drivers.dialstring import InvalidDialString


def jitsi_url(room_url: str, display_name: str, language: str = "vi") -> str:
    """Return ``room_url`` with the pre-join screen off, a display name and the UI language."""
    parts = urlsplit(room_url)
    if parts.scheme != "https" or not parts.hostname or parts.fragment or parts.query:
        raise InvalidDialString("a Jitsi room must be an https://host/room URL")
    # Jitsi reads hash parameters as JSON values: strings are quoted JSON, then URL-encoded.
    options = [
        ("config.prejoinConfig.enabled", "false"),
        ("config.prejoinPageEnabled", "false"),  # older Jitsi releases
        ("userInfo.displayName", json.dumps(display_name, ensure_ascii=False)),
        ("config.defaultLanguage", json.dumps(language)),
    ]
    fragment = "&".join(f"{key}={quote(value, safe='')}" for key, value in options)
    return f"{room_url}#{fragment}"
