/**
 * A WebAssembly component-model engine on Chicory: parse, validate, link and run WASI Preview 2
 * components, with the full synchronous canonical ABI. It knows nothing of operators.
 */
package io.fssdk.runtime.component;
