"""The Settings dialog's look: status colours, big form fields, the red mark of an error."""

SETTINGS_STYLE = """
#settingsStatus { border-radius: 6px; padding: 6px 10px; font-weight: 600; }
#settingsStatus[state="ok"] { background: #e6f4ea; color: #1f6a36; border: 1px solid #b7dfc3; }
#settingsStatus[state="error"] { background: #fdecea; color: #8a1c12; border: 1px solid #f0b6b0; }
#settingsNote { background: #fff6e0; color: #5c4300; border: 1px solid #ecd08a;
    border-radius: 6px; padding: 6px 10px; }
#settingsPath, #deviceWhere { color: #5b6875; font-size: 13px; }
#deviceResult[state="ok"] { color: #1f6a36; }
#deviceResult[state="error"] { color: #8a1c12; }
QPlainTextEdit { background: #ffffff; border: 1px solid #d5dde5; }
#settingsTabs QTabBar::tab { padding: 8px 16px; min-height: 26px; font-size: 15px; }
#formPage { background: #ffffff; }
#fieldLabel { color: #3b4856; font-size: 14px; }
#fieldError { color: #8a1c12; font-size: 13px; font-weight: 600; }
#itemTitle { font-weight: 600; font-size: 15px; }
#itemBox { background: #f7f9fb; border: 1px solid #d5dde5; border-radius: 8px; }
#itemBox[invalid="true"] { border: 2px solid #d0392b; }
#formPage QLineEdit {
    min-height: 32px; padding: 1px 6px; border: 1px solid #b8c4cf; border-radius: 6px;
    background: #ffffff;
}
#formPage QLineEdit:disabled { background: #f1f3f5; }
#formPage QComboBox:disabled { color: #9aa5b1; }
#moreButton { padding: 4px 8px; }
#formPage QAbstractSpinBox, #formPage QComboBox { min-height: 32px; }
#fieldFrame { border: 2px solid transparent; border-radius: 8px; }
#fieldFrame[invalid="true"] { border: 2px solid #d0392b; background: #fdecea; }
#formPage QCheckBox { min-height: 30px; spacing: 8px; }
#formPage QCheckBox:disabled, #formPage QLabel:disabled { color: #9aa5b1; }
#formPage QCheckBox::indicator { width: 22px; height: 22px; }
#addButton { font-weight: 600; }
"""
