# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The context an operator's callbacks receive (Function Stream's ``fs_api.context``)."""

import abc
from typing import Dict

from .store import KvStore


class Context(abc.ABC):
    """What an operator may do from a callback: emit records and watermarks, open stores, read config."""

    @abc.abstractmethod
    def emit(self, data: bytes, channel: int = 0) -> None:
        """Emits ``data`` to output ``channel`` (the WIT ``target-id``)."""

    @abc.abstractmethod
    def emit_watermark(self, watermark: int, channel: int = 0) -> None:
        """Emits a watermark (an unsigned 64-bit value) to output ``channel``."""

    @abc.abstractmethod
    def getOrCreateKVStore(self, name: str) -> KvStore:
        """The store called ``name``; the same name gives the same store. The host trims the name."""

    @abc.abstractmethod
    def getConfig(self) -> Dict[str, str]:
        """A copy of the ``init_config`` the operator was initialised with."""


__all__ = ["Context"]
