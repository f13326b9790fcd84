// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Reads the wall clock (wasi:clocks/wall-clock) and writes to stdout (wasi:cli/stdout) from JS.
export function greet(name) {
  console.log(`greeting ${name}`);
  return `Hello, ${name}! It is ${new Date().toISOString()}.`;
}
