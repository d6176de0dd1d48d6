"""The technician PIN gate: hashed storage, constant-time check, lock after wrong guesses."""

from __future__ import annotations

import pytest

from console.access import (
    AccessResult,
    Mode,
    TechnicianGate,
    check_pin_hash,
    hash_pin,
    verify_pin,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


def test_hash_is_salted_and_never_contains_the_pin(stored: str) -> None:
    assert stored.startswith("scrypt$")
    assert "2468" not in stored
    assert hash_pin("2468") != stored  # a fresh salt every time
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
    same_salt = hash_pin("2468", salt=b"0123456789abcdef")
    assert same_salt == hash_pin("2468", salt=b"0123456789abcdef")


@pytest.mark.parametrize(
    "pin", ["123", "12a4", "", "1234567890123", "\uff11\uff12\uff13\uff14", "1234\n"]
)
def test_pin_must_be_4_to_12_ascii_digits(pin: str) -> None:
    with pytest.raises(ValueError):
        hash_pin(pin)


@pytest.mark.parametrize(
    "damaged",
    [
        "2468",
        "scrypt$16384$8$1$$",
        "md5$1$1$1$YQ==$YQ==",
        "scrypt$1000$8$1$YQ==$YQ==",
        "scrypt$16384$8$1$not base64!$YQ==",
    ],
)
def test_damaged_hashes_are_rejected(damaged: str) -> None:
    with pytest.raises(ValueError):
        check_pin_hash(damaged)
    with pytest.raises(ValueError):
        TechnicianGate(damaged)


def test_right_pin_enters_technician_mode_and_leave_returns(stored: str) -> None:
    gate = TechnicianGate(stored)
    modes: list[Mode] = []
    gate.mode.subscribe(modes.append)
    assert gate.mode.value is Mode.OPERATOR
    assert gate.try_pin("2468").result is AccessResult.GRANTED
    assert gate.mode.value is Mode.TECHNICIAN
    gate.leave()
    assert modes == [Mode.TECHNICIAN, Mode.OPERATOR]


def test_wrong_pins_lock_the_gate_with_growing_waits(stored: str) -> None:
    clock = FakeClock()
    gate = TechnicianGate(stored, clock=clock, free_attempts=3, lockout=30, max_lockout=100)
    assert [gate.try_pin("0000").attempts_left for _ in range(2)] == [2, 1]
    third = gate.try_pin("0000")
    assert third.result is AccessResult.LOCKED and third.retry_after == 30
    # while locked even the right PIN is refused, and does not count
    clock.now += 29
    locked = gate.try_pin("2468")
    assert locked.result is AccessResult.LOCKED
    assert locked.retry_after == pytest.approx(1)
    assert gate.mode.value is Mode.OPERATOR
    clock.now += 1
    assert gate.try_pin("1111").retry_after == 60  # doubled
    clock.now += 60
    assert gate.try_pin("1111").retry_after == 100  # capped
    clock.now += 100
    assert gate.try_pin("2468").result is AccessResult.GRANTED
    gate.leave()
    assert gate.try_pin("0000").result is AccessResult.DENIED  # a success resets the count
    assert gate.retry_after() == 0


def test_no_pin_set_lets_in_and_asks_for_one_and_set_pin_needs_technician_mode() -> None:
    gate = TechnicianGate(None)
    with pytest.raises(PermissionError):
        gate.set_pin("9753")
    assert gate.try_pin("").result is AccessResult.NO_PIN_SET
    assert gate.mode.value is Mode.TECHNICIAN
    new_hash = gate.set_pin("9753")
    assert new_hash is not None and verify_pin("9753", new_hash)
    gate.leave()
    assert gate.try_pin("9753").result is AccessResult.GRANTED
    with pytest.raises(ValueError):
        gate.set_pin("12")


def test_a_pin_that_cannot_be_stored_leaves_the_gate_as_it_was() -> None:
    gate = TechnicianGate(hash_pin("2468"))
    gate.try_pin("2468")

    def read_only(pin_hash: str | None) -> None:
        raise PermissionError(13, "Permission denied")

    with pytest.raises(PermissionError):
        gate.set_pin("1357", store=read_only)
    gate.leave()
    assert gate.try_pin("2468").result is AccessResult.GRANTED
