# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The Python twin of examples/guests/c/misbehave.c, for the host's failure tests.

It counts each input in store "misbehave" under the raw input and emits "<input>=<count>", except for
the commands: "trap" raises before touching the store (the runtime lets the exception trap the call),
"loop" spins forever, "grow" allocates until memory runs out, and "unhealthy" makes only the next
heartbeat report False.
"""

from fs_api import Context, FSProcessorDriver


class Misbehave(FSProcessorDriver):
    def __init__(self) -> None:
        self._store = None
        self._unhealthy = False

    def init(self, ctx: Context, config: dict):
        self._store = ctx.getOrCreateKVStore("misbehave")

    def process(self, ctx: Context, source_id: int, data: bytes):
        command = bytes(data)
        if command == b"trap":
            raise RuntimeError("misbehave: trap requested")
        if command == b"loop":
            while True:
                pass
        if command == b"grow":
            hoard = []
            while True:
                hoard.append(bytearray(1 << 20))
        if command == b"unhealthy":
            self._unhealthy = True
            return
        stored = self._store.get_state(command)
        count = int(stored) + 1 if stored is not None else 1
        self._store.put_state(command, b"%d" % count)
        ctx.emit(command + b"=%d" % count, 0)

    def check_heartbeat(self, ctx: Context) -> bool:
        healthy, self._unhealthy = not self._unhealthy, False
        return healthy
