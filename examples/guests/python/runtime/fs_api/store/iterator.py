# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""A streaming scan over one (key_group, key, namespace) prefix (WIT ``kv.iterator``)."""

import abc
from typing import Optional, Tuple


class KvIterator(abc.ABC):
    """(user_key, value) pairs in unsigned byte order of user_key, from a consistent snapshot."""

    @abc.abstractmethod
    def has_next(self) -> bool:
        """Whether ``next`` has a pair to give."""

    @abc.abstractmethod
    def next(self) -> Optional[Tuple[bytes, bytes]]:
        """The next pair, or ``None`` at the end."""

    def close(self) -> None:
        """Ends the scan early; the host closes it anyway when the instance goes away."""


__all__ = ["KvIterator"]
