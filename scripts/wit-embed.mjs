// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Embeds a WIT world into a core module with jco's wasm-tools JS API. The jco 1.35 CLI cannot do
// this: `jco embed -n` ignores the world and `--wit DIR` fails with "os error 44".
// Usage: node wit-embed.mjs core.wasm world.wit world-name out.wasm [utf8|utf16|compact-utf16]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [core, wit, world, out, encoding] = process.argv.slice(2);
if (!out) {
    console.error('usage: wit-embed.mjs core.wasm world.wit world-name out.wasm [encoding]');
    process.exit(2);
}
const home = process.env.FSSDK_JCO_HOME || '/opt/jco';
// npm normally hoists jco's dependency jco-transpile; look inside jco too in case it did not.
const api = [
    'node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js',
    'node_modules/@bytecodealliance/jco/node_modules/@bytecodealliance/jco-transpile/dist/wasm-tools.js',
].map((p) => join(home, p)).find(existsSync);
if (!api) throw new Error(`jco-transpile not found under ${home}`);
const { componentEmbed } = await import(pathToFileURL(api).href);

// witSource (not witPath) because the tools' WASI shim has no preopened directories.
const embedded = await componentEmbed({
    binary: new Uint8Array(readFileSync(core)),
    witSource: readFileSync(wit, 'utf8'),
    world,
    stringEncoding: encoding || 'utf8',
});
writeFileSync(out, embedded);
