# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""Store errors, one class per case of the WIT ``kv.error`` variant."""


class KvError(Exception):
    """A store operation failed."""


class KvNotFoundError(KvError):
    """WIT ``not-found``."""


class KvIOError(KvError):
    """WIT ``io-error``: the backend failed to read or write."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class KvOtherError(KvError):
    """WIT ``other``: any other failure, with the host's message."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


__all__ = ["KvError", "KvNotFoundError", "KvIOError", "KvOtherError"]
