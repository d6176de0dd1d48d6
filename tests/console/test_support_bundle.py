"""The support bundle: everything a technician needs, and no secret at all."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from console.access import hash_pin
from console.config import CameraProfile, RoomProfile, SiteProfile
from console.eventlog import install_logging
from console.services.precheck_report import CheckItem, CheckKind, CheckReport, Finding, Verdict
from console.support_bundle import (
    REMOVED,
    collect_versions,
    default_bundle_path,
    is_secret_key,
    redact,
    scrub_text,
    write_support_bundle,
)

PIN_HASH = hash_pin("86420")
SECRETS = ("hunter2", "86420", "s3cr3t-token", "sip-pass-77", "api-xyz-123", PIN_HASH)


def read_bundle(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}


def assert_no_secrets(files: dict[str, str]) -> None:
    for name, text in files.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into {name}"
        assert "scrypt$" not in text, name


def integrated_profile() -> dict[str, object]:
    """A profile as the integrated RoomProfile will dump it, with every kind of secret."""
    room = RoomProfile(
        site=SiteProfile(name="UBND xã Tân Lập", contact="Anh Minh, 0912 345 678"),
        cameras=[CameraProfile(id="cam1", name="Máy quay chính", connection="tcp:127.0.0.1:5678")],
    )
    data = room.model_dump(mode="json")
    data["technician_pin_hash"] = PIN_HASH
    data["codec"] = {"driver": "cisco-xapi", "host": "127.0.0.1", "password": "hunter2"}
    data["bridges"] = [
        {
            "id": "tinh",
            "dial_string": "sip:room:sip-pass-77@127.0.0.1",
            "pin_required": True,
            "pin": "86420",
        }
    ]
    data["services"] = {"api_key": "api-xyz-123", "auth": {"token": "s3cr3t-token"}}
    return data


def test_bundle_has_everything_and_no_secrets(tmp_path: Path) -> None:
    setup = install_logging(log_dir=tmp_path / "logs")
    log = logging.getLogger("console.test_bundle")
    try:
        log.warning("%s: login failed with password=hunter2", "Codec")
        log.info("dialling sip:room:sip-pass-77@127.0.0.1")
        log.info("profile saved: technician_pin_hash = %s", PIN_HASH)
        log.info("%s: bridge pin: 86420 typed", "Codec")
        log.warning("%s: không phản hồi", "Máy quay chính")
    finally:
        setup.uninstall()
    report = CheckReport(
        1.0,
        2.0,
        (
            CheckItem(CheckKind.CAMERA, "Máy quay chính", Verdict.PASS),
            CheckItem(
                CheckKind.BRIDGE_PATH,
                "127.0.0.1",
                Verdict.FAIL,
                Finding.BRIDGE_UNREACHABLE,
                detail="token=s3cr3t-token",
            ),
        ),
    )
    target = tmp_path / "out" / "bundle.zip"
    written = write_support_bundle(
        target,
        profile=integrated_profile(),
        log_files=setup.log_files(),
        event_log=setup.event_log,
        last_check=report,
        site="UBND xã Tân Lập",
        now=dt.datetime(2026, 11, 23, 7, 0),
    )
    assert written == target and not target.with_name("bundle.zip.part").exists()
    files = read_bundle(target)
    assert set(files) == {
        "manifest.json",
        "versions.json",
        "profile.json",
        "logs/roomconsole.log",
        "events.json",
        "last-precheck.json",
    }
    assert_no_secrets(files)
    profile = json.loads(files["profile.json"])
    assert profile["site"]["contact"] == "Anh Minh, 0912 345 678"  # whom to call stays
    assert profile["cameras"][0]["name"] == "Máy quay chính"
    assert profile["codec"] == {"driver": "cisco-xapi", "host": "127.0.0.1", "password": REMOVED}
    assert profile["bridges"][0]["pin_required"] is True  # a flag is not a secret
    assert profile["technician_pin_hash"] == REMOVED
    assert "Máy quay chính: không phản hồi" in files["logs/roomconsole.log"]
    events = json.loads(files["events.json"])
    assert any(e["device"] == "Máy quay chính" and e["severity"] == "warning" for e in events)
    check = json.loads(files["last-precheck.json"])
    assert check["verdict"] == "fail"
    assert check["items"][1]["advice"] == "check_network"
    manifest = json.loads(files["manifest.json"])
    assert manifest["created"] == "2026-11-23T07:00:00"
    assert manifest["site"] == "UBND xã Tân Lập"


def test_raw_profile_file_and_saved_check_are_scrubbed(tmp_path: Path) -> None:
    raw = tmp_path / "room.toml"
    raw.write_text(
        '[site]\nname = "Hội trường"\n[codec]\npassword = "hunter2"\n'
        f'technician_pin_hash = "{PIN_HASH}"\n[[bridges]]\npin = 86420\n',
        encoding="utf-8",
    )
    saved = tmp_path / "last-precheck.json"
    saved.write_text(json.dumps({"verdict": "pass", "detail": "api_key=api-xyz-123"}))
    files = read_bundle(write_support_bundle(tmp_path / "b.zip", profile=raw, last_check=saved))
    assert "profile.toml" in files and "Hội trường" in files["profile.toml"]
    assert_no_secrets(files)
    assert json.loads(files["last-precheck.json"])["verdict"] == "pass"
    missing = read_bundle(write_support_bundle(tmp_path / "c.zip", profile=tmp_path / "none.toml"))
    assert set(missing) == {"manifest.json", "versions.json"}


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("pin", True),
        ("PIN", True),
        ("sip_password", True),
        ("api-key", True),
        ("auth.token", True),
        ("client_secret", True),
        ("pin_hash", True),
        ("spinner", False),
        ("keyring", False),
        ("join_camera_preset", False),
        ("mapping", False),
        ("name", False),
    ],
)
def test_secret_field_names(name: str, secret: bool) -> None:
    assert is_secret_key(name) is secret


def test_redact_and_scrub_keep_ordinary_text() -> None:
    assert redact({"pin": "", "token": None}) == {"pin": "", "token": None}
    assert scrub_text("Cam 1: stopping: moved off the preset") == (
        "Cam 1: stopping: moved off the preset"
    )
    assert scrub_text("https://admin:hunter2@127.0.0.1/x") == f"https://admin:{REMOVED}@127.0.0.1/x"


def test_versions_and_default_path() -> None:
    versions = collect_versions()
    assert versions["python"] == sys.version.split()[0]
    # the installed package's upstream version (Debian 12 ships 1.0.0, Debian 13 1.1.0)
    package = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "baresip"], capture_output=True, text=True, check=True
    ).stdout
    assert versions["baresip"] == re.sub(r"^\d+:", "", package).split("-")[0]
    assert versions["libvlc"] is not None and versions["libvlc"][0].isdigit()
    assert versions["room_console"]
    path = default_bundle_path("UBND xã Tân Lập", dt.datetime(2026, 11, 23, 7, 5))
    assert path.name == "roomconsole-support-ubnd-x-t-n-l-p-20261123-0705.zip"
