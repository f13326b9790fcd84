/**
 * <a href="https://github.com/WebAssembly/wasi-io/tree/v0.2.0/wit">{@code wasi:io}</a>: errors, pollables
 * and byte streams, the plumbing every other WASI package uses. One class per interface
 * ({@link io.fssdk.runtime.wasi.io.IoError}, {@link io.fssdk.runtime.wasi.io.Poll},
 * {@link io.fssdk.runtime.wasi.io.Streams}); the host side of a stream or pollable is a
 * {@link io.fssdk.runtime.wasi.io.HostInputStream}, {@link io.fssdk.runtime.wasi.io.HostOutputStream} or
 * {@link io.fssdk.runtime.wasi.io.HostPollable}.
 */
package io.fssdk.runtime.wasi.io;
