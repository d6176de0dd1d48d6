"""A compiled Linguist catalogue changes the operator's messages; without one, English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from drivers.errors import Problem
from ui.i18n import (
    choose_language,
    compiled_catalogue,
    install_translator,
    save_language,
    saved_language,
)
from ui.messages import DeviceKind, problem_text

SOURCE = "{device} is not answering — check the VISCA cable and the camera's power"
VIETNAMESE = "{device} không phản hồi — kiểm tra cáp VISCA và nguồn của máy quay"
CATALOGUE = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Messages</name>
    <message>
        <source>{SOURCE}</source>
        <translation>{VIETNAMESE}</translation>
    </message>
</context>
</TS>
"""


def test_vietnamese_catalogue_translates_messages(qapp: QApplication, tmp_path: Path) -> None:
    ts = tmp_path / "roomconsole_vi.ts"
    ts.write_text(CATALOGUE.replace("'", "&apos;"), encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts)], check=True, capture_output=True, timeout=30)
    assert (tmp_path / "roomconsole_vi.qm").exists()
    translator = install_translator(qapp, "vi", tmp_path)
    assert translator is not None
    try:
        text = problem_text(Problem.NOT_ANSWERING, "Máy quay 2", DeviceKind.CAMERA)
        assert text == VIETNAMESE.format(device="Máy quay 2")
    finally:
        qapp.removeTranslator(translator)
    assert problem_text(Problem.NOT_ANSWERING, "Camera 2", DeviceKind.CAMERA).startswith(
        "Camera 2 is not answering"
    )


def test_no_catalogue_keeps_english(qapp: QApplication, tmp_path: Path) -> None:
    assert install_translator(qapp, "vi", tmp_path) is None


def test_vietnamese_unless_english_is_chosen_explicitly(tmp_path: Path) -> None:
    english_pc = {"LANG": "en_US.UTF-8"}  # operators' PCs often run an English-US Windows
    assert choose_language(environ=english_pc) == "vi"
    assert choose_language(profile="en", environ=english_pc) == "en"
    assert choose_language(saved="en", profile="vi", environ=english_pc) == "en"
    assert choose_language(saved="vi", environ={"ROOMCONSOLE_LANG": "en_GB"}) == "en"
    assert choose_language(saved="fr", profile="de", environ={"ROOMCONSOLE_LANG": ""}) == "vi"
    settings = tmp_path / "console.ini"
    assert saved_language(settings) is None
    save_language("en", settings)
    assert saved_language(settings) == "en"


def test_a_missing_or_stale_compiled_catalogue_is_compiled_at_start_up(
    qapp: QApplication, tmp_path: Path
) -> None:
    ts = tmp_path / "roomconsole_vi.ts"
    ts.write_text(CATALOGUE.replace("'", "&apos;"), encoding="utf-8")
    translator = install_translator(qapp, "vi", tmp_path)
    assert translator is not None
    qapp.removeTranslator(translator)
    qm = tmp_path / "roomconsole_vi.qm"
    first = qm.read_bytes()
    ts.write_text(ts.read_text(encoding="utf-8").replace("VISCA", "VISCA (RS-232)"), "utf-8")
    os.utime(ts, (qm.stat().st_mtime + 10, qm.stat().st_mtime + 10))
    assert compiled_catalogue("vi", tmp_path) == qm
    assert qm.read_bytes() != first
