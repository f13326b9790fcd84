/**
 * <a href="https://github.com/WebAssembly/wasi-filesystem/tree/v0.2.0/wit">{@code wasi:filesystem}</a>:
 * the whole {@code descriptor} API and the preopens, confined to the granted directories.
 *
 * <p><b>Confinement.</b> A path is never handed to the host's resolver. {@link
 * io.fssdk.runtime.wasi.filesystem.PathResolver} walks it one component at a time from the descriptor's
 * place under its preopen's real path: absolute paths are refused, {@code ..} only pops a component
 * already walked (never past the preopen), and every symbolic link met on the way is expanded by hand
 * with the same rules, an absolute target being refused. The resulting host path has no symbolic links
 * left in it except, when the operation does not follow them, its last component, and every host call on
 * it uses {@link java.nio.file.LinkOption#NOFOLLOW_LINKS}. Escapes answer {@code not-permitted}; changes
 * under a read-only preopen answer {@code read-only}.
 */
package io.fssdk.runtime.wasi.filesystem;
