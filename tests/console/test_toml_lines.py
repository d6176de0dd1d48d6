from __future__ import annotations

from console.config.toml_lines import key_lines, line_of

TEXT = """\
a = 1
multi = [
  [1, 2],
  "x = 3",
]
[site]
name = "x"  # [not a header]
"quoted key" = 2
[[cameras]]
id = "a"
limits.pan_speed_max = 3
position = { pan = 1 }
[[cameras.presets]]
number = 0
[[cameras.presets]]
number = 1
[[cameras]]
id = "b"
[[cameras.presets]]
number = 5
[cameras.limits]
replies = false
"""


def test_lines_of_keys_tables_and_array_elements() -> None:
    lines = key_lines(TEXT)
    assert lines[("a",)] == 1
    assert lines[("multi",)] == 2
    assert ("x",) not in lines  # inside a multi-line array
    assert lines[("site", "name")] == 7
    assert lines[("site", "quoted key")] == 8
    assert lines[("cameras", 0, "limits", "pan_speed_max")] == 11
    assert lines[("cameras", 0, "presets", 1, "number")] == 16
    assert lines[("cameras", 1, "id")] == 18
    assert lines[("cameras", 1, "presets", 0, "number")] == 20  # counter restarts per camera
    assert lines[("cameras", 1, "limits", "replies")] == 22


def test_nearest_ancestor_for_missing_or_inline_fields() -> None:
    lines = key_lines(TEXT)
    assert line_of(lines, ("cameras", 0, "position", "pan")) == 12
    assert line_of(lines, ("cameras", 1, "name")) == 17  # missing: the table header
    assert line_of(lines, ("nowhere",)) is None
