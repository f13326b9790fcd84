// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The Function Stream counter for the `processor` world, built with componentize-qjs (sync).
// It works on bytes, not JS strings, so its output is byte-identical with the C guest and the
// native Java counter: words are kept as "binary strings" (one char per byte), whose `<` order is
// the unsigned byte order, and JSON is escaped by hand the way Jackson's writeValueAsBytes does.
import * as kv from 'functionstream:core/kv@0.1.0';
import * as collector from 'functionstream:core/collector@0.1.0';

let store = null;
let prefix = '';          // binary string
let total = 0n;           // BigInt: counts are int64, beyond a Number's 2^53
let words = [];           // sorted binary strings
let entries = new Map();  // word -> { json: '"word":', count: BigInt }

const INT64_MIN = -(2n ** 63n), INT64_MAX = 2n ** 63n - 1n;
const HEX = '0123456789ABCDEF';

const isWs = (c) => c === 32 || (c >= 9 && c <= 13);  // space \t \n \v \f \r

function trim(s) {
    let a = 0, b = s.length;
    while (a < b && isWs(s.charCodeAt(a))) a++;
    while (b > a && isWs(s.charCodeAt(b - 1))) b--;
    return s.slice(a, b);
}

function bytesToBin(u8) {
    let s = '';
    for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode.apply(null, u8.subarray(i, i + 8192));
    return s;
}

function binToBytes(s) {
    const u8 = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
    return u8;
}

// WIT strings arrive as JS strings; the counter wants their UTF-8 bytes.
function utf8(str) {
    let s = '';
    for (const ch of str) {
        const c = ch.codePointAt(0);
        if (c < 0x80) s += ch;
        else if (c < 0x800) s += String.fromCharCode(0xC0 | c >> 6, 0x80 | c & 63);
        else if (c < 0x10000) s += String.fromCharCode(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
        else s += String.fromCharCode(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    }
    return s;
}

// Strict [+-]?[0-9]+ within int64, else 0 (a failed Long.parseLong in the Java counter).
function parseI64(s) {
    if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
    const v = BigInt(s);
    return v < INT64_MIN || v > INT64_MAX ? 0n : v;
}

const u = (c) => '\\u' + HEX[c >> 12 & 15] + HEX[c >> 8 & 15] + HEX[c >> 4 & 15] + HEX[c & 15];
const SHORT = { 0x22: '\\"', 0x5C: '\\\\', 0x0A: '\\n', 0x0D: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0C: '\\f' };

// Same rules as escape() in ../c/counter.c: Jackson's default byte output.
function escape(s) {
    let o = '';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xF0 && c <= 0xF4 && i + 3 < s.length && (s.charCodeAt(i + 1) & 0xC0) === 0x80
            && (s.charCodeAt(i + 2) & 0xC0) === 0x80 && (s.charCodeAt(i + 3) & 0xC0) === 0x80) {
            const cp = (c & 7) << 18 | (s.charCodeAt(i + 1) & 63) << 12
                     | (s.charCodeAt(i + 2) & 63) << 6 | (s.charCodeAt(i + 3) & 63);
            if (cp >= 0x10000 && cp <= 0x10FFFF) {
                o += u(0xD800 | (cp - 0x10000) >> 10) + u(0xDC00 | (cp - 0x10000) & 0x3FF);
                i += 3;
                continue;
            }
        }
        o += SHORT[c] || (c < 0x20 ? u(c) : s[i]);
    }
    return o;
}

// Binary search insert keeps `words` sorted, so a record never sorts the whole map.
function entryFor(w) {
    let e = entries.get(w);
    if (e) return e;
    let lo = 0, hi = words.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (words[mid] < w) lo = mid + 1; else hi = mid; }
    words.splice(lo, 0, w);
    e = { json: '"' + escape(w) + '":', count: 0n };
    entries.set(w, e);
    return e;
}

function reset() {
    if (store) store[Symbol.dispose]();
    store = null; prefix = ''; total = 0n; words = []; entries = new Map();
}

export function fsInit(config) {
    reset();
    store = new kv.Store('counter-store');
    for (const [k, v] of config) if (k === 'key_prefix') prefix = trim(utf8(v));  // last one wins
}

export function fsProcess(sourceId, data) {
    const w = trim(bytesToBin(data));
    if (w === '' || !store) return;
    total++;
    const key = binToBytes(prefix + w);
    const old = store.getState(key);  // throws on a store error: the export then traps
    let next = (old ? parseI64(bytesToBin(old)) : 0n) + 1n;
    if (next > INT64_MAX) next = INT64_MIN;  // wraps like a Java long
    const e = entryFor(w);
    e.count = next;
    store.putState(key, binToBytes(next.toString()));
    let out = '{"total_processed":' + total + ',"counter_map":{';
    for (let i = 0; i < words.length; i++) {
        const x = entries.get(words[i]);
        out += (i ? ',' : '') + x.json + x.count;
    }
    collector.emit(0, binToBytes(out + '}}'));
}

export function fsProcessWatermark(sourceId, watermark) {
    collector.emitWatermark(0, watermark);
}

export function fsTakeCheckpoint(checkpointId) {}

export function fsCheckHeartbeat() { return true; }

export function fsClose() { reset(); }

export function fsExec(className, modules) {}

export function fsCustom(payload) { return new Uint8Array(payload); }
