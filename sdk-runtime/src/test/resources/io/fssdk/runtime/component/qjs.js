// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// QuickJS guest of qjs.wit, built by componentize-qjs in sync mode with WASI stubbed out.
import host from 'test:qjs/host';

let greetings = 0;  // module state survives across calls of one instance

export function greet(name) {
    greetings++;
    host.log(`greet #${greetings}`);
    return `Hello, ${name}!`;
}

export function sum(xs) {
    let total = 0;
    for (const x of xs) total = (total + x) | 0;  // wraps like an s32
    return total;
}

// A top-level result: return the ok value, throw the err value.
export function describe(n) {
    if (n === undefined || n === null) throw 'nothing';
    return n % 2 === 0 ? `${n} is even` : `${n} is odd`;
}
