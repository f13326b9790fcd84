// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The peer half of the comparison: the same counter component, transpiled by jco 1.4.4 to JS + core
// wasm, run on node with an in-memory store, counting the same words in the same order as PeerMain.
// Measured the same way: a warm-up, then one-second windows; prints `RATE jco <median> <min> <max>`.
//
// Usage: node bench.mjs <transpiled-dir> <words.txt> [warmupSeconds] [windows]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, wordsFile, warmupArg = '8', windowsArg = '10'] = process.argv.slice(2);
const words = readFileSync(wordsFile, 'utf8').split('\n').filter((l) => l.trim() !== '')
  .map((w) => new TextEncoder().encode(w));

// Map keys must be strings to compare by content; latin1 maps each byte to one char, losslessly.
const text = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const ckey = (k) => [k.keyGroup, k.key, k.namespace].map((p) => text(p).length + ':' + text(p)).join('|');

class Iterator {
  constructor(entries) { this.entries = entries; this.next_ = 0; }
  hasNext() { return this.next_ < this.entries.length; }
  next() { return this.next_ < this.entries.length ? this.entries[this.next_++] : undefined; }
}

// The kv interface over JS Maps: byte keys in one map, complex keys (prefix -> user key -> value) in
// another, so the two key spaces never meet, as in fssdk-java's stores.
const stores = new Map();
class Store {
  constructor(name) {
    const n = name.trim();
    if (n === '') throw new Error('store name must not be blank');
    if (!stores.has(n)) stores.set(n, { bytes: new Map(), complex: new Map() });
    this.s = stores.get(n);
  }
  putState(key, value) { this.s.bytes.set(text(key), value); }
  getState(key) { return this.s.bytes.get(text(key)); }
  deleteState(key) { this.s.bytes.delete(text(key)); }
  listStates(start, end) {
    const lo = text(start); const hi = text(end);
    return [...this.s.bytes.keys()].filter((k) => k >= lo && (hi === '' || k < hi)).sort()
      .map((k) => Uint8Array.from(Buffer.from(k, 'latin1')));
  }
  group(key, create) {
    const p = ckey(key);
    if (create && !this.s.complex.has(p)) this.s.complex.set(p, new Map());
    return this.s.complex.get(p);
  }
  put(key, value) { this.group(key, true).set(text(key.userKey), value); }
  get(key) { return this.group(key, false)?.get(text(key.userKey)); }
  delete(key) { this.group(key, false)?.delete(text(key.userKey)); }
  merge(key, value) {
    const old = this.get(key) ?? new Uint8Array();
    this.put(key, Uint8Array.from([...old, ...value]));
  }
  deletePrefix(key) {
    const g = this.group(key, false); const prefix = text(key.userKey);
    if (g) for (const k of [...g.keys()]) if (k.startsWith(prefix)) g.delete(k);
  }
  listComplex(keyGroup, key, namespace, start, end) {
    const g = this.group({ keyGroup, key, namespace }, false);
    const lo = text(start); const hi = text(end);
    return g ? [...g.keys()].filter((k) => k >= lo && (hi === '' || k < hi)).sort()
      .map((k) => Uint8Array.from(Buffer.from(k, 'latin1'))) : [];
  }
  scanComplex(keyGroup, key, namespace) {
    const g = this.group({ keyGroup, key, namespace }, false);
    return new Iterator(g ? [...g.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [Uint8Array.from(Buffer.from(k, 'latin1')), v]) : []);
  }
}

let emitted = 0;
const imports = {
  'functionstream:core/collector': {
    emit: (target, data) => { emitted += data.byteLength; },
    emitWatermark: () => {},
  },
  'functionstream:core/kv': { Store, Iterator },
};

const { instantiate } = await import(pathToFileURL(resolve(join(outDir, 'counter.js'))).href);
const counter = await instantiate(
  (name) => WebAssembly.compile(readFileSync(join(outDir, name))), imports);
counter.fsInit([]);

let next = 0;
function window(nanos) {
  const start = process.hrtime.bigint();
  const end = start + BigInt(nanos);
  let count = 0; let now;
  do {
    for (let i = 0; i < 64; i++) {
      counter.fsProcess(0, words[next]);
      next = next + 1 === words.length ? 0 : next + 1;
    }
    count += 64;
    now = process.hrtime.bigint();
  } while (now < end);
  return count * 1e9 / Number(now - start);
}

window(Number(warmupArg) * 1e9);
const rates = [];
for (let i = 0; i < Number(windowsArg); i++) rates.push(window(1e9));
rates.sort((a, b) => a - b);
const mid = rates.length >> 1;
const median = rates.length % 2 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
if (emitted === 0) throw new Error('the counter emitted nothing');
console.log(`RATE jco ${median.toFixed(0)} ${rates[0].toFixed(0)} ${rates[rates.length - 1].toFixed(0)}`);
