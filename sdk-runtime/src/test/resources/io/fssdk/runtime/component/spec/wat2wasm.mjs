// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Converts every N.wat in a directory to N.wasm with jco's wasm-tools `parse` API, in one node process;
// a text the tool rejects gets N.err holding the tool's message instead.
// Usage: node wat2wasm.mjs /path/to/jco-binary dir
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [jco, dir] = process.argv.slice(2);
if (!dir) {
    console.error('usage: wat2wasm.mjs jco-binary dir');
    process.exit(2);
}
// jco's bin is a link to .../@bytecodealliance/jco/dist/jco.js; its wasm-tools API lives in jco-transpile,
// hoisted next to jco or nested inside it.
const jcoPackage = dirname(dirname(realpathSync(jco)));
const api = [
    join(jcoPackage, '..', 'jco-transpile', 'dist', 'wasm-tools.js'),
    join(jcoPackage, 'node_modules', '@bytecodealliance', 'jco-transpile', 'dist', 'wasm-tools.js'),
].find(existsSync);
if (!api) {
    console.error(`jco-transpile's wasm-tools.js not found near ${jcoPackage}`);
    process.exit(3);
}
const { parse } = await import(pathToFileURL(api).href);
for (const name of readdirSync(dir).filter((n) => n.endsWith('.wat')).sort()) {
    const base = join(dir, name.slice(0, -4));
    try {
        writeFileSync(base + '.wasm', await parse(readFileSync(join(dir, name), 'utf8')));
    } catch (e) {
        writeFileSync(base + '.err', String(e && e.message !== undefined ? e.message : e));
    }
}
