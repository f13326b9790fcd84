# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""The fssdk-java word counter as a Function Stream Python operator.

It is the same operator as the native Java counter (examples/src/main/java/io/fssdk/examples/
CounterOperator.java), the C component (examples/guests/c/counter.c) and the Go one
(examples/guests/go/main.go), and emits the same bytes:

* input and key_prefix are trimmed of ASCII whitespace only, working on the raw bytes (so input that
  is not UTF-8 is counted as it is, never replaced);
* the count is read from store "counter-store" under key_prefix + word; a stored count is a strict
  decimal int64 ([+-]?[0-9]+), anything else counts as 0, and the new count wraps at the int64 maximum;
* every record emits {"total_processed":N,"counter_map":{...}} on target 0, total_processed first,
  keys in unsigned byte order, escaped as Jackson's writeValueAsBytes escapes them (json.dumps would
  escape every non-ASCII character and sort nothing).

Run it with `--python examples/guests/python/counter.py` (see README.md).
"""

import re
from typing import Dict

from fs_api import Context, FSProcessorDriver

STORE_NAME = "counter-store"
_WS = b" \t\n\x0b\x0c\r"
_DECIMAL = re.compile(rb"[+-]?[0-9]+\Z")
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_SHORT = {0x22: b'\\"', 0x5C: b"\\\\", 0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t", 0x08: b"\\b", 0x0C: b"\\f"}


def parse_count(stored: bytes) -> int:
    """A strict signed decimal within int64, else 0 (like a failed Long.parseLong)."""
    if not _DECIMAL.match(stored):
        return 0
    n = int(stored)
    return n if _INT64_MIN <= n <= _INT64_MAX else 0


def _is_cont(b: int) -> bool:
    return b & 0xC0 == 0x80


def escape(s: bytes) -> bytes:
    """A JSON string as Jackson's byte output writes it (see examples/guests/NOTES.md, pitfall 1)."""
    out = bytearray(b'"')
    i, n = 0, len(s)
    while i < n:
        b = s[i]
        if 0xF0 <= b <= 0xF4 and i + 3 < n and _is_cont(s[i + 1]) and _is_cont(s[i + 2]) and _is_cont(s[i + 3]):
            cp = (b & 7) << 18 | (s[i + 1] & 63) << 12 | (s[i + 2] & 63) << 6 | (s[i + 3] & 63)
            if 0x10000 <= cp <= 0x10FFFF:
                cp -= 0x10000
                out += b"\\u%04X\\u%04X" % (0xD800 | cp >> 10, 0xDC00 | cp & 0x3FF)
                i += 4
                continue
        short = _SHORT.get(b)
        if short is not None:
            out += short
        elif b < 0x20:
            out += b"\\u%04X" % b
        else:
            out.append(b)
        i += 1
    out.append(0x22)
    return bytes(out)


class CounterProcessor(FSProcessorDriver):
    """Counts words, one per record, and emits the running totals of this instance."""

    def __init__(self) -> None:
        self._store = None
        self._key_prefix = b""
        self._total_processed = 0
        self._counter_map: Dict[bytes, int] = {}
        self._escaped: Dict[bytes, bytes] = {}

    def init(self, ctx: Context, config: dict):
        self._store = ctx.getOrCreateKVStore(STORE_NAME)
        self._key_prefix = config.get("key_prefix", "").encode("utf-8").strip(_WS)
        self._total_processed = 0
        self._counter_map = {}
        self._escaped = {}

    def process(self, ctx: Context, source_id: int, data: bytes):
        word = bytes(data).strip(_WS)
        if not word or self._store is None:
            return
        self._total_processed += 1
        key = self._key_prefix + word
        stored = self._store.get_state(key)
        current = parse_count(stored) if stored is not None else 0
        count = current + 1 if current < _INT64_MAX else _INT64_MIN
        self._counter_map[word] = count
        if word not in self._escaped:
            self._escaped[word] = escape(word) + b":"
        self._store.put_state(key, b"%d" % count)
        ctx.emit(self._json(), 0)

    def process_watermark(self, ctx: Context, source_id: int, watermark: int):
        ctx.emit_watermark(watermark, 0)

    def take_checkpoint(self, ctx: Context, checkpoint_id: int):
        return None

    def check_heartbeat(self, ctx: Context) -> bool:
        return True

    def close(self, ctx: Context):
        self._store = None
        self._counter_map = {}
        self._escaped = {}
        self._total_processed = 0
        self._key_prefix = b""

    def custom(self, payload: bytes) -> bytes:
        return bytes(payload)

    def _json(self) -> bytes:
        escaped = self._escaped
        body = b",".join(escaped[w] + b"%d" % self._counter_map[w] for w in sorted(self._counter_map))
        return b'{"total_processed":%d,"counter_map":{%s}}' % (self._total_processed, body)
