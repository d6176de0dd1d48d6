"""tools/update_translations.py: compiles catalogues and finds tr() calls lupdate cannot see."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from tools.update_translations import hidden_messages, release
from ui.i18n import catalogue_path, current_language, switch_language

REPO = Path(__file__).resolve().parents[2]


def test_tr_inside_an_f_string_is_reported(tmp_path: Path) -> None:
    code = tmp_path / "ui" / "grid.py"
    code.parent.mkdir()
    code.write_text(
        'label = self.tr("Empty")\n'
        "text = f\"{key}\\n{name if defined else self.tr('Empty')}\"\n"
        'hint = f"{self.name}: " + self.tr("ready")\n',
        encoding="utf-8",
    )
    places = hidden_messages(tmp_path / "ui", root=tmp_path)
    assert places == ["ui/grid.py:2"]


def test_release_compiles_the_shipped_catalogue(tmp_path: Path) -> None:
    ts = tmp_path / "roomconsole_vi.ts"
    ts.write_bytes(catalogue_path("vi").read_bytes())
    release(tmp_path)
    qm = tmp_path / "roomconsole_vi.qm"
    assert qm.stat().st_size > 1000


def test_switching_without_catalogue_sources_still_switches(
    qapp: QApplication, tmp_path: Path
) -> None:
    switch_language(qapp, "en", tmp_path)
    assert current_language() == "en"
    assert QApplication.translate("MainWindow", "Room Console") == "Room Console"
