# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The ``processor`` world's exports, driving a user operator loaded from source by ``fs-exec``.

The contract is Function Stream's Python runtime's: the host first calls ``fs-exec(class-name,
modules)`` with the operator's modules as (module name, UTF-8 source) pairs, in dependency order; each
is executed as a fresh module and registered in ``sys.modules``, so later ones can import earlier ones.
The class is looked up in the last module first, then in the others, and instantiated with no
arguments. Then ``fs-init`` builds the context and calls ``init``, and the other exports call the
callback of the same name.

Two deliberate differences from Function Stream's runtime:

* An empty class name picks the one ``FSProcessorDriver`` subclass defined in the last module (what
  Function Stream's client finds with ``inspect`` before uploading), so a host can run a ``.py`` file
  without knowing its class.
* An exception from a callback is not swallowed: it propagates, the component traps, and the host
  reports a typed error and restarts the instance (re-running ``fs-exec`` and ``fs-init``), so no record
  fails silently.

Only modules imported while the component was built can be imported at run time (there is no file
system), so the common standard-library modules are imported below, at build time.
"""

import importlib.util
import sys
from typing import List, Optional, Tuple

# Build-time imports for user code (see the module docs). Keep this list in examples/guests/NOTES.md.
import abc  # noqa: F401
import base64  # noqa: F401
import bisect  # noqa: F401
import collections  # noqa: F401
import dataclasses  # noqa: F401
import datetime  # noqa: F401
import enum  # noqa: F401
import functools  # noqa: F401
import hashlib  # noqa: F401
import heapq  # noqa: F401
import itertools  # noqa: F401
import json  # noqa: F401
import math  # noqa: F401
import re  # noqa: F401
import string  # noqa: F401
import struct  # noqa: F401
import time  # noqa: F401
import typing  # noqa: F401

import wit_world
from fs_api.driver import FSProcessorDriver

from .context import WitContext, convert_config_to_dict

_DRIVER: Optional[FSProcessorDriver] = None
_CONTEXT: Optional[WitContext] = None


def _find_class(class_name: str, loaded: List[Tuple[str, object]]):
    """The operator class: by name (last module first), or the only driver subclass of the last module."""
    if class_name:
        for _, module in reversed(loaded):
            cls = getattr(module, class_name, None)
            if cls is not None:
                return cls
        raise RuntimeError(f"class '{class_name}' not found in modules {[n for n, _ in loaded]}")
    last_name, last = loaded[-1]
    found = [obj for obj in vars(last).values()
             if isinstance(obj, type) and issubclass(obj, FSProcessorDriver) and obj is not FSProcessorDriver
             and obj.__module__ == last_name]
    if len(found) != 1:
        raise RuntimeError(f"module '{last_name}' defines {len(found)} FSProcessorDriver subclasses "
                           "(give the class name)")
    return found[0]


def fs_exec(class_name: str, modules: List[Tuple[str, bytes]]) -> None:
    """Loads the modules from source and instantiates the operator class."""
    global _DRIVER
    if not modules:
        raise ValueError("fs-exec: no modules given")
    loaded = []
    for module_name, source in modules:
        try:
            text = bytes(source).decode("utf-8")
        except UnicodeDecodeError as e:
            raise ValueError(f"module '{module_name}' is not UTF-8: {e}") from None
        spec = importlib.util.spec_from_loader(module_name, loader=None)
        module = importlib.util.module_from_spec(spec)
        # Registered before running, as the import system does, so the module can refer to itself.
        sys.modules[module_name] = module
        # The operator's code runs inside the WebAssembly sandbox; executing it is the point.
        exec(compile(text, f"<{module_name}>", "exec"), module.__dict__)  # noqa: S102
        loaded.append((module_name, module))
    cls = _find_class(class_name, loaded)
    if not (isinstance(cls, type) and issubclass(cls, FSProcessorDriver)):
        raise TypeError(f"'{class_name}' is not a subclass of FSProcessorDriver")
    _DRIVER = cls()


def _driver() -> FSProcessorDriver:
    if _DRIVER is None:
        raise RuntimeError("no operator loaded: call fs-exec before this export")
    return _DRIVER


def _context() -> WitContext:
    if _CONTEXT is None:
        raise RuntimeError("operator not initialised: call fs-init before this export")
    return _CONTEXT


class WitWorld(wit_world.WitWorld):
    """The exports of the ``processor`` world."""

    def fs_init(self, config: List[Tuple[str, str]]) -> None:
        global _CONTEXT
        if _CONTEXT is not None:
            _CONTEXT.close()
        cfg = convert_config_to_dict(config)
        _CONTEXT = WitContext(cfg)
        _driver().init(_CONTEXT, dict(cfg))

    def fs_process(self, source_id: int, data: bytes) -> None:
        _driver().process(_context(), source_id, data)

    def fs_process_watermark(self, source_id: int, watermark: int) -> None:
        _driver().process_watermark(_context(), source_id, watermark)

    def fs_take_checkpoint(self, checkpoint_id: int) -> None:
        _driver().take_checkpoint(_context(), checkpoint_id)

    def fs_check_heartbeat(self) -> bool:
        if _DRIVER is None or _CONTEXT is None:
            return False
        return bool(_DRIVER.check_heartbeat(_CONTEXT))

    def fs_close(self) -> None:
        global _DRIVER, _CONTEXT
        driver, ctx = _DRIVER, _CONTEXT
        _DRIVER, _CONTEXT = None, None
        try:
            if driver is not None and ctx is not None:
                driver.close(ctx)
        finally:
            if ctx is not None:
                ctx.close()

    def fs_exec(self, class_name: str, modules: List[Tuple[str, bytes]]) -> None:
        fs_exec(class_name, modules)

    def fs_custom(self, payload: bytes) -> bytes:
        return bytes(_driver().custom(payload))


__all__ = ["WitWorld"]
