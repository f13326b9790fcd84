# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The four-part key of the complex-key space (WIT ``kv.complex-key``)."""

from dataclasses import dataclass


@dataclass
class ComplexKey:
    """(key_group, key, namespace, user_key); the host encodes the first three unambiguously."""

    key_group: bytes
    key: bytes
    namespace: bytes
    user_key: bytes


__all__ = ["ComplexKey"]
