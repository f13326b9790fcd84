# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""``fs_api`` stores and iterators over the WIT ``kv`` imports."""

from typing import List, Optional, Tuple

from componentize_py_types import Err
from fs_api.store import (ComplexKey, KvError, KvIOError, KvIterator, KvNotFoundError, KvOtherError,
                          KvStore)
from wit_world.imports import kv


def _api_error(err: Err) -> KvError:
    """The ``fs_api`` error for a WIT ``kv.error`` raised by a binding."""
    value = err.value
    if isinstance(value, kv.Error_NotFound):
        return KvNotFoundError("not found")
    if isinstance(value, kv.Error_IoError):
        return KvIOError(value.value)
    if isinstance(value, kv.Error_Other):
        return KvOtherError(value.value)
    return KvOtherError(repr(value))


def _wit_key(key: ComplexKey) -> kv.ComplexKey:
    return kv.ComplexKey(bytes(key.key_group), bytes(key.key), bytes(key.namespace), bytes(key.user_key))


class FSIterator(KvIterator):
    """A ``kv.iterator`` handle; closing it drops the handle, which ends the host's scan."""

    def __init__(self, raw: kv.Iterator):
        self._raw = raw

    def has_next(self) -> bool:
        try:
            return self._raw.has_next()
        except Err as e:
            raise _api_error(e) from None

    def next(self) -> Optional[Tuple[bytes, bytes]]:
        try:
            return self._raw.next()
        except Err as e:
            raise _api_error(e) from None

    def close(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            raw.__exit__(None, None, None)


class FSStore(KvStore):
    """A ``kv.store`` handle. Not-found from a get is ``None``, as in Function Stream's runtime."""

    def __init__(self, name: str):
        self._name = name
        self._raw = kv.Store(name)

    def put_state(self, key: bytes, value: bytes) -> None:
        try:
            self._raw.put_state(bytes(key), bytes(value))
        except Err as e:
            raise _api_error(e) from None

    def get_state(self, key: bytes) -> Optional[bytes]:
        try:
            return self._raw.get_state(bytes(key))
        except Err as e:
            error = _api_error(e)
            if isinstance(error, KvNotFoundError):
                return None
            raise error from None

    def delete_state(self, key: bytes) -> None:
        try:
            self._raw.delete_state(bytes(key))
        except Err as e:
            raise _api_error(e) from None

    def list_states(self, start_inclusive: bytes, end_exclusive: bytes) -> List[bytes]:
        try:
            return self._raw.list_states(bytes(start_inclusive), bytes(end_exclusive))
        except Err as e:
            raise _api_error(e) from None

    def put(self, key: ComplexKey, value: bytes) -> None:
        try:
            self._raw.put(_wit_key(key), bytes(value))
        except Err as e:
            raise _api_error(e) from None

    def get(self, key: ComplexKey) -> Optional[bytes]:
        try:
            return self._raw.get(_wit_key(key))
        except Err as e:
            error = _api_error(e)
            if isinstance(error, KvNotFoundError):
                return None
            raise error from None

    def delete(self, key: ComplexKey) -> None:
        try:
            self._raw.delete(_wit_key(key))
        except Err as e:
            raise _api_error(e) from None

    def merge(self, key: ComplexKey, value: bytes) -> None:
        try:
            self._raw.merge(_wit_key(key), bytes(value))
        except Err as e:
            raise _api_error(e) from None

    def delete_prefix(self, key: ComplexKey) -> None:
        try:
            self._raw.delete_prefix(_wit_key(key))
        except Err as e:
            raise _api_error(e) from None

    def list_complex(self, key_group: bytes, key: bytes, namespace: bytes,
                     start_inclusive: bytes, end_exclusive: bytes) -> List[bytes]:
        try:
            return self._raw.list_complex(bytes(key_group), bytes(key), bytes(namespace),
                                          bytes(start_inclusive), bytes(end_exclusive))
        except Err as e:
            raise _api_error(e) from None

    def scan_complex(self, key_group: bytes, key: bytes, namespace: bytes) -> KvIterator:
        try:
            return FSIterator(self._raw.scan_complex(bytes(key_group), bytes(key), bytes(namespace)))
        except Err as e:
            raise _api_error(e) from None

    def close(self) -> None:
        """Drops the handle; the host keeps the store itself open."""
        raw, self._raw = self._raw, None
        if raw is not None:
            raw.__exit__(None, None, None)
