/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/tree/v0.2.0/wit">{@code wasi:sockets}</a>, denied:
 * the host grants no network, so creating a socket and resolving a name answer {@code access-denied}.
 * Every interface is still defined in full, one class per interface, so that any guest that imports
 * sockets links and gets an error it can handle rather than a trap.
 */
package io.fssdk.runtime.wasi.sockets;
