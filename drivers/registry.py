"""Find drivers by name so a profile can pick them; a missing library is a clear message.

Each driver family registers a factory under a short name (``"visca-serial"``, ``"x32"``,
``"baresip"`` ...). Factories import their optional libraries lazily and raise
``DeviceUnavailable`` when one is missing, so the console starts anyway.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from drivers.errors import DeviceUnavailable
from drivers.roles.base import Device

Factory = Callable[..., Device]

# name -> "module:callable"; modules are imported only when that driver is used.
_BUILTIN: dict[str, str] = {
    # VISCA cameras: one factory, the connection string picks the link
    "visca-serial": "drivers.visca.camera:create_camera",
    "visca-ip": "drivers.visca.camera:create_camera",
    "visca-tcp": "drivers.visca.camera:create_camera",
    "visca-udp": "drivers.visca.camera:create_camera",
}
_FACTORIES: dict[str, Factory] = {}


def register(name: str, target: str | Factory) -> None:
    """Register a factory, either a callable or a lazy ``"module:attribute"`` reference."""
    if isinstance(target, str):
        _BUILTIN[name] = target
    else:
        _FACTORIES[name] = target


def names() -> list[str]:
    """All registered driver names, sorted."""
    return sorted(set(_BUILTIN) | set(_FACTORIES))


def factory(name: str) -> Factory:
    """Return the factory for ``name``; ``DeviceUnavailable`` if unknown or missing a library."""
    if name in _FACTORIES:
        return _FACTORIES[name]
    target = _BUILTIN.get(name)
    if target is None:
        raise DeviceUnavailable(f"unknown driver {name!r}; known: {', '.join(names())}")
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise DeviceUnavailable(f"driver {name!r} needs a library that is missing: {exc}") from exc
    made: Factory = getattr(module, attribute)
    _FACTORIES[name] = made
    return made


def create(driver: str, /, **kwargs: Any) -> Device:
    """Build a device with the named driver."""
    return factory(driver)(**kwargs)


register("x32", "drivers.x32.mixer:create_x32")
register("xair", "drivers.x32.mixer:create_xair")
register("baresip", "drivers.baresip.codec:BaresipCodec")
register("cisco-xapi", "drivers.cisco.codec:create_cisco")
register("poly-telnet", "drivers.poly.codec:create_poly")
