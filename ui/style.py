"""A clean, large, calm look: light background, big touch targets, one blue accent."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6fb2"

STYLE_SHEET = f"""
QWidget {{ font-size: 15px; color: #1d2630; }}
QMainWindow, #central, #repairPage {{ background: #eef2f5; }}
#siteTitle {{ font-size: 22px; font-weight: 600; }}
#trainingBadge {{
    background: #fff6e0; color: #5c4300; border: 1px solid #ecd08a; border-radius: 12px;
    padding: 3px 12px; margin-left: 14px; font-weight: 600;
}}
#keyHint {{ color: #5b6875; font-size: 13px; }}
QGroupBox {{
    background: #ffffff; border: 1px solid #d5dde5; border-radius: 10px;
    margin-top: 14px; padding: 10px 8px 8px 8px; font-weight: 600;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: #3b4856; }}
QPushButton {{
    background: #f7f9fb; border: 1px solid #b8c4cf; border-radius: 8px;
    padding: 6px 10px; min-height: 34px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:pressed, QPushButton:checked {{
    background: {ACCENT}; color: #ffffff; border-color: {ACCENT};
}}
QPushButton:disabled {{ color: #9aa5b1; background: #f1f3f5; border-color: #dde3e8; }}
#powerButton:checked {{ background: #f7f9fb; color: #1d2630; border: 2px solid #2e9d4f; }}
#cameraChoice[offline="true"] {{ border: 2px solid #d0392b; }}
#cameraChoice[standby="true"] {{ border: 1px dashed #5c6bc0; }}  /* same width: no shift */
#cameraChoiceLabel {{ font-size: 17px; font-weight: 600; color: #3b4856; }}
#cameraChoice {{ font-size: 17px; font-weight: 600; min-width: 150px; padding: 8px 18px; }}
#presetButton {{ font-size: 16px; font-weight: 600; text-align: center; }}
#presetButton[state="empty"] {{
    color: #8a96a3; font-weight: 400; border-style: dashed; background: #fbfcfd;
}}
#presetButton[state="active"] {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; }}
#presetButton[state="movedoff"] {{
    background: #fff6e0; border: 2px dashed #d9a21b; color: #5c4300;
}}
#presetCaption {{ color: #3b4856; font-size: 14px; padding: 2px 4px; }}
#cameraBanner {{
    border-radius: 8px; padding: 8px 12px; font-weight: 600;
    background: #fdecea; color: #8a1c12; border: 1px solid #f0b6b0;
}}
#cameraBanner[severity="connecting"] {{
    background: #eef4fb; color: #24476b; border-color: #c2d6ec;
}}
#cameraBanner[severity="online"] {{ background: #fff6e0; color: #5c4300; border-color: #ecd08a; }}
#previewPlaceholder {{
    background: #2b333b; border-radius: 10px; min-height: 140px;
}}
#previewPlaceholder QLabel {{ color: #aeb9c4; font-size: 16px; }}
QSlider::groove:horizontal {{ height: 8px; background: #d5dde5; border-radius: 4px; }}
QSlider::handle:horizontal {{
    background: {ACCENT}; width: 26px; margin: -9px 0; border-radius: 13px;
}}
QStatusBar {{ background: #ffffff; border-top: 1px solid #d5dde5; min-height: 34px; }}
QStatusBar::item {{ border: none; }}
#statusDot {{ font-size: 20px; color: #9aa5b1; }}
#statusDot[state="online"] {{ color: #2e9d4f; }}
#statusDot[state="warning"] {{ color: #d9a21b; }}
#statusDot[state="connecting"] {{ color: #7a8fa6; }}
#statusDot[state="offline"] {{ color: #d0392b; }}
#statusDot[state="standby"] {{ color: #5c6bc0; }}
#statusMessage {{ color: #8a1c12; font-weight: 600; padding-left: 12px; }}
#statusMessage[severity="info"] {{ color: #1f6a36; }}
#repairTitle {{ font-size: 24px; font-weight: 600; color: #8a1c12; }}
#repairValue {{ font-family: monospace; font-size: 15px; }}
#repairMessage {{ font-size: 16px; font-weight: 600; }}
QToolTip {{ font-size: 14px; padding: 6px; }}
"""


def apply_style(app: QApplication) -> None:
    """Use a font that has Vietnamese glyphs and the room console style sheet."""
    font = QFont()
    font.setFamilies(["Noto Sans", "DejaVu Sans", "Segoe UI", "Arial"])
    font.setPointSize(11)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
