# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The operator base class (Function Stream's ``fs_api.driver``)."""

import abc

from .context import Context


class FSProcessorDriver(abc.ABC):
    """A stream operator. Subclass it and pass the source to the runtime's ``fs-exec``.

    Function Stream declares the seven callbacks abstract; here each has the default that Function
    Stream's Go ``BaseDriver`` gives, so a subclass overrides only what it needs. A subclass written for
    Function Stream, which overrides all of them, behaves the same. The eighth lifecycle step,
    ``fs-exec``, is the runtime's own: it loads the operator's source and instantiates this class.

    An exception raised by a callback fails the call: the host reports it with the Python traceback on
    the operator's stderr, discards the instance and starts a fresh one (re-running ``fs-exec`` and
    ``init``) on the next record. Function Stream's runtime logs and swallows it instead.
    """

    def init(self, ctx: Context, config: dict) -> None:
        """Called once per instance, after the class is loaded, with the ``init_config`` map."""

    def process(self, ctx: Context, source_id: int, data: bytes) -> None:
        """Called for each record of input ``source_id``."""

    def process_watermark(self, ctx: Context, source_id: int, watermark: int) -> None:
        """Called for each watermark of input ``source_id``."""

    def take_checkpoint(self, ctx: Context, checkpoint_id: int) -> None:
        """Called before the host checkpoints the stores."""

    def check_heartbeat(self, ctx: Context) -> bool:
        """``False`` makes the host discard this instance and start a fresh one."""
        return True

    def close(self, ctx: Context) -> None:
        """Called once, last."""

    def custom(self, payload: bytes) -> bytes:
        """A free-form request; by default the payload comes back unchanged."""
        return bytes(payload)


__all__ = ["FSProcessorDriver"]
