# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""A named key-value store (WIT ``kv.store``). Every method raises a ``KvError`` on failure."""

import abc
from typing import List, Optional

from .complexkey import ComplexKey
from .iterator import KvIterator


class KvStore(abc.ABC):
    """Byte keys and complex keys live in separate key spaces of the same store."""

    @abc.abstractmethod
    def put_state(self, key: bytes, value: bytes) -> None:
        """Sets ``key`` to ``value``."""

    @abc.abstractmethod
    def get_state(self, key: bytes) -> Optional[bytes]:
        """The value of ``key``, or ``None``."""

    @abc.abstractmethod
    def delete_state(self, key: bytes) -> None:
        """Removes ``key``; absent keys are fine."""

    @abc.abstractmethod
    def list_states(self, start_inclusive: bytes, end_exclusive: bytes) -> List[bytes]:
        """Byte keys in [start, end) in unsigned order; an empty end means no upper bound."""

    @abc.abstractmethod
    def put(self, key: ComplexKey, value: bytes) -> None:
        """Sets a complex key."""

    @abc.abstractmethod
    def get(self, key: ComplexKey) -> Optional[bytes]:
        """The value of a complex key, or ``None``."""

    @abc.abstractmethod
    def delete(self, key: ComplexKey) -> None:
        """Removes a complex key."""

    @abc.abstractmethod
    def merge(self, key: ComplexKey, value: bytes) -> None:
        """Appends ``value`` to the current value (absent counts as empty)."""

    @abc.abstractmethod
    def delete_prefix(self, key: ComplexKey) -> None:
        """Removes every entry of the prefix whose user_key starts with ``key.user_key``."""

    @abc.abstractmethod
    def list_complex(self, key_group: bytes, key: bytes, namespace: bytes,
                     start_inclusive: bytes, end_exclusive: bytes) -> List[bytes]:
        """User keys of the prefix in [start, end); an empty end means no upper bound."""

    @abc.abstractmethod
    def scan_complex(self, key_group: bytes, key: bytes, namespace: bytes) -> KvIterator:
        """A streaming scan of the prefix."""


__all__ = ["KvStore"]
