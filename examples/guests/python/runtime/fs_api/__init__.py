# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The Python operator API of fssdk-java's Python guest runtime.

It mirrors the core of Function Stream's ``fs_api`` package name for name (``FSProcessorDriver``,
``Context``, ``KvStore``, ``KvIterator``, ``ComplexKey`` and the ``Kv*Error`` family), so an operator
written for Function Stream's Python runtime runs here unchanged. Function Stream's codecs and typed
state structures are not part of it (see examples/guests/NOTES.md).
"""

__version__ = "0.1.0"

from .context import Context
from .driver import FSProcessorDriver
from .store import (
    ComplexKey,
    KvError,
    KvIOError,
    KvIterator,
    KvNotFoundError,
    KvOtherError,
    KvStore,
)

__all__ = [
    "Context",
    "FSProcessorDriver",
    "KvError",
    "KvNotFoundError",
    "KvIOError",
    "KvOtherError",
    "ComplexKey",
    "KvIterator",
    "KvStore",
]
