"""Problem keys become plain sentences that name the device and say what to check."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from drivers.errors import Problem
from drivers.roles.base import Availability, DeviceStatus
from ui.messages import DeviceKind, availability_text, problem_text, status_text


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """tr() needs an application object."""


def test_camera_not_answering_names_the_cable_and_power() -> None:
    text = problem_text(Problem.NOT_ANSWERING, "Camera 2", DeviceKind.CAMERA)
    assert text == "Camera 2 is not answering — check the VISCA cable and the camera's power"


@pytest.mark.parametrize("kind", list(DeviceKind))
@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_has_a_sentence_naming_the_device(problem: Problem, kind: DeviceKind) -> None:
    text = problem_text(problem, "Mixer", kind)
    assert "Mixer" in text
    assert "_" not in text  # never a raw key such as not_answering
    assert len(text.split()) >= 4  # a sentence, not a code


def test_problems_read_differently() -> None:
    texts = {problem_text(p, "Mixer") for p in Problem}
    assert len(texts) == len(Problem)


def test_offline_status_explains_why_and_online_says_ready() -> None:
    offline = DeviceStatus(Availability.OFFLINE, Problem.PORT_MISSING, "ENOENT /dev/ttyUSB0")
    assert "USB adapter" in status_text(offline, "Camera 1", DeviceKind.CAMERA)
    assert "ENOENT" not in status_text(offline, "Camera 1", DeviceKind.CAMERA)  # detail: log only
    assert status_text(DeviceStatus(Availability.ONLINE), "Camera 1") == "Camera 1 is ready"
    one_way = DeviceStatus(Availability.ONLINE, warning=Problem.NOT_ANSWERING)
    assert "one way" in status_text(one_way, "Camera 1", DeviceKind.CAMERA)


def test_each_availability_has_a_short_word() -> None:
    words = {availability_text(a) for a in Availability}
    assert len(words) == len(Availability)
