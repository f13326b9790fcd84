# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The ``fs_api.Context`` an operator receives, over the WIT ``collector`` and ``kv`` imports."""

from typing import Dict, List, Tuple

from fs_api.context import Context
from fs_api.store import KvStore
from wit_world.imports import collector

from .kv import FSStore


def convert_config_to_dict(config: List[Tuple[str, str]]) -> Dict[str, str]:
    """The WIT config pairs as a dict; a later duplicate key wins, as in a Python dict literal."""
    return {str(k): str(v) for k, v in config}


class WitContext(Context):
    """One per ``fs-init``; stores are cached by name so a name always gives the same handle."""

    def __init__(self, config: Dict[str, str]):
        self._config = dict(config)
        self._stores: Dict[str, FSStore] = {}

    def emit(self, data: bytes, channel: int = 0) -> None:
        collector.emit(channel, bytes(data))

    def emit_watermark(self, watermark: int, channel: int = 0) -> None:
        collector.emit_watermark(channel, watermark)

    def getOrCreateKVStore(self, name: str) -> KvStore:
        store = self._stores.get(name)
        if store is None:
            store = FSStore(name)
            self._stores[name] = store
        return store

    def getConfig(self) -> Dict[str, str]:
        return dict(self._config)

    def close(self) -> None:
        """Drops every store handle this context opened."""
        stores, self._stores = self._stores, {}
        for store in stores.values():
            store.close()
