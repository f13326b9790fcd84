// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The jco peer host: components transpiled by jco 1.4.4 to JS + core wasm (run.sh does that), run on
// node with the kv interface over JS Maps. It serves the line protocol every peer host speaks (see
// io.fssdk.benchmarks.PeerHost): LOAD / RUN / CHECK / UNLOAD / QUIT on stdin, one reply line each.
// LOAD's path is the transpiled directory, holding component.js: for a processor it was transpiled
// with `--instantiation async` (we pass the imports); for a greeter without (it imports the WASI shim).
//
// Usage: node --experimental-wasm-extended-const bench.mjs --serve
import { readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

// Map keys must be strings to compare by content; latin1 maps each byte to one char, losslessly.
const text = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const bytes = (s) => Uint8Array.from(Buffer.from(s, 'latin1'));
const ckey = (k) => [k.keyGroup, k.key, k.namespace].map((p) => text(p).length + ':' + text(p)).join('|');
const range = (keys, start, end) => {
  const lo = text(start); const hi = text(end);
  return [...keys].filter((k) => k >= lo && (hi === '' || k < hi)).sort().map(bytes);
};

// The processor world's imports for one instance: fresh stores, and a collector that keeps the last
// record. Byte keys and complex keys live in separate maps, so the two key spaces never meet.
function makeHost() {
  const stores = new Map();
  const out = { last: new Uint8Array(), bytes: 0 };
  class Iterator {
    constructor(entries) { this.entries = entries; this.next_ = 0; }
    hasNext() { return this.next_ < this.entries.length; }
    next() { return this.next_ < this.entries.length ? this.entries[this.next_++] : undefined; }
  }
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
    listStates(start, end) { return range(this.s.bytes.keys(), start, end); }
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
      return g ? range(g.keys(), start, end) : [];
    }
    scanComplex(keyGroup, key, namespace) {
      const g = this.group({ keyGroup, key, namespace }, false);
      return new Iterator(g ? [...g.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [bytes(k), v]) : []);
    }
  }
  const imports = {
    'functionstream:core/collector': {
      emit: (target, data) => { out.bytes += data.byteLength; out.last = data; },
      emitWatermark: () => {},
    },
    'functionstream:core/kv': { Store, Iterator },
  };
  return { imports, out };
}

function inputs(spec) {
  if (spec.startsWith('words:')) {
    return readFileSync(spec.slice(6), 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((w) => new TextEncoder().encode(w));
  }
  if (spec === 'payload64') return [new Uint8Array(64).fill(0x78)];
  if (spec.startsWith('text:')) return [new TextEncoder().encode(spec.slice(5))];
  throw new Error(`unknown input ${spec}`);
}

// One loaded workload: `one()` processes the next input, cycling.
async function instantiate(kind, dir, ins) {
  const url = pathToFileURL(resolve(join(dir, 'component.js'))).href;
  if (kind === 'greeter') {
    // Imported afresh per load; the shim's WASI state is per module instance anyway.
    const mod = await import(`${url}?${Date.now()}`);
    const names = ins.map((i) => new TextDecoder().decode(i));
    const out = { last: new Uint8Array(), bytes: 0 };
    let next = 0;
    return {
      out,
      one() {
        const s = mod.greet(names[next]);
        next = next + 1 === names.length ? 0 : next + 1;
        out.bytes += s.length; out.last = new TextEncoder().encode(s);
      },
    };
  }
  if (kind !== 'processor') throw new Error(`unknown kind ${kind}`);
  const { instantiate: inst } = await import(url);
  const host = makeHost();
  const p = await inst((name) => WebAssembly.compile(readFileSync(join(dir, name))), host.imports);
  p.fsInit([]);
  let next = 0;
  return {
    out: host.out,
    one() {
      p.fsProcess(0, ins[next]);
      next = next + 1 === ins.length ? 0 : next + 1;
    },
  };
}

const loaded = new Map();
const ms = (a, b) => (Number(b - a) / 1e6).toFixed(1);

async function answer(line) {
  const p = line.split(' ');
  const id = p[1] ?? '-';
  try {
    switch (p[0]) {
      case 'LOAD': {
        const [, , kind, dir] = p; const spec = p.slice(4).join(' ');
        const ins = inputs(spec);
        // jco compiles core modules lazily inside instantiate: compile and instantiation are one step here.
        const t0 = process.hrtime.bigint();
        const w = await instantiate(kind, dir, ins);
        const t1 = process.hrtime.bigint();
        w.one();
        const t2 = process.hrtime.bigint();
        loaded.set(id, { kind, dir, ins, w });
        return `LOADED ${id} ${ms(t0, t1)} 0.0 ${ms(t1, t2)}`;
      }
      case 'RUN': {
        const { w } = loaded.get(id) ?? (() => { throw new Error('not loaded'); })();
        const start = process.hrtime.bigint();
        const end = start + BigInt(Number(p[2]) * 1e6);
        // Batches start at one record and double up to 64 while under 100 µs, as in every host.
        let count = 0; let batch = 1; let now = start;
        do {
          const before = now;
          for (let i = 0; i < batch; i++) w.one();
          count += batch;
          now = process.hrtime.bigint();
          if (batch < 64 && now - before < 100000n) batch *= 2;
        } while (now < end);
        return `RATE ${id} ${(count * 1e9 / Number(now - start)).toFixed(1)} ${count}`;
      }
      case 'CHECK': {
        const l = loaded.get(id) ?? (() => { throw new Error('not loaded'); })();
        l.w = await instantiate(l.kind, l.dir, l.ins);
        for (let i = 0; i < Number(p[2]); i++) l.w.one();
        return `LAST ${id} ${new TextDecoder().decode(l.w.out.last)}`;
      }
      case 'UNLOAD':
        loaded.delete(id);
        return `UNLOADED ${id}`;
      default:
        throw new Error(`bad command: ${line}`);
    }
  } catch (e) {
    return `ERROR ${id} ${String(e?.stack ?? e).split('\n').slice(0, 2).join(' ')}`;
  }
}

if (process.argv[2] !== '--serve') {
  console.error('usage: node --experimental-wasm-extended-const bench.mjs --serve');
  process.exit(2);
}
// Guests' own stdout (the WASI shim writes it to process.stdout) is discarded, as the other hosts do;
// replies go straight to fd 1.
process.stdout.write = () => true;
const reply = (s) => writeSync(1, `${s}\n`);
reply(`READY node-${process.version}`);
const rl = createInterface({ input: process.stdin, terminal: false });
for await (const line of rl) {
  if (line === 'QUIT') break;
  reply(await answer(line));
}
process.exit(0);
