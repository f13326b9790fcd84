# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""Keyed state: stores, complex keys, iterators and their errors (Function Stream's ``fs_api.store``)."""

from .complexkey import ComplexKey
from .error import KvError, KvIOError, KvNotFoundError, KvOtherError
from .iterator import KvIterator
from .store import KvStore

__all__ = [
    "KvError",
    "KvNotFoundError",
    "KvIOError",
    "KvOtherError",
    "ComplexKey",
    "KvIterator",
    "KvStore",
]
