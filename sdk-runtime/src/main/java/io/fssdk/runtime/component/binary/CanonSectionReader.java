package io.fssdk.runtime.component.binary;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes the canonical section (8) and Binary.md's {@code canon} and {@code canonopt} (Canonical
 * Definitions). Only {@code lift}, {@code lower} and {@code resource.new/drop/rep} decode; every other
 * built-in is rejected by its name without reading its immediates.
 */
final class CanonSectionReader {
    private static final String ASYNC = "component-model async";
    private static final String ERROR_CONTEXT = "component-model error-context";
    private static final String THREADS = "component-model threads";
    private static final String SHARED = "webassembly shared-everything threads";

    private CanonSectionReader() {
    }

    /** Decodes a canonical section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "canonical definitions", CanonSectionReader::read);
    }

    /** Reads one {@code canon}. */
    static Canon read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("canonical definition");
        switch (b) {
            case 0x00: {
                expectFuncSort(r, "canon lift");
                int coreFunc = r.index("core func index");
                CanonOptions options = options(r);
                return new Canon.Lift(coreFunc, options, r.index("type index"));
            }
            case 0x01: {
                expectFuncSort(r, "canon lower");
                int func = r.index("func index");
                return new Canon.Lower(func, options(r));
            }
            case 0x02:
                return new Canon.ResourceNew(r.index("resource type index"));
            case 0x03:
                return new Canon.ResourceDrop(r.index("resource type index"));
            case 0x04:
                return new Canon.ResourceRep(r.index("resource type index"));
            default: {
                Optional<String> name = builtinName(b);
                if (name.isEmpty()) {
                    throw r.badByte(offset, b, "canonical definition");
                }
                throw r.unsupported(offset, "`" + name.get() + "` canonical built-in", proposal(b));
            }
        }
    }

    /** The second byte of lift and lower is the {@code func} sort, the only one allowed. */
    private static void expectFuncSort(BinaryReader r, String what) {
        int offset = r.offset();
        int b = r.u8(what);
        if (b != 0x00) {
            throw r.badByte(offset, b, what + " sort (must be 0x00)");
        }
    }

    /** Reads {@code opts}, folding them into one value; a repeated or conflicting option is an error. */
    static CanonOptions options(BinaryReader r) {
        int count = r.count(Limits.MAX_CANON_OPTIONS, "canonical options");
        StringEncoding encoding = null;
        OptionalInt memory = OptionalInt.empty();
        OptionalInt realloc = OptionalInt.empty();
        OptionalInt postReturn = OptionalInt.empty();
        for (int i = 0; i < count; i++) {
            int offset = r.offset();
            int b = r.u8("canonical option");
            switch (b) {
                case 0x00, 0x01, 0x02 -> {
                    StringEncoding next = b == 0x00 ? StringEncoding.UTF8
                            : b == 0x01 ? StringEncoding.UTF16 : StringEncoding.LATIN1_UTF16;
                    if (encoding != null) {
                        throw r.errorAt(offset, "string encoding `" + next.text() + "` conflicts with `"
                                + encoding.text() + "`");
                    }
                    encoding = next;
                }
                case 0x03 -> memory = once(r, offset, memory, "memory", "core memory index");
                case 0x04 -> realloc = once(r, offset, realloc, "realloc", "core func index");
                case 0x05 -> postReturn = once(r, offset, postReturn, "post-return", "core func index");
                case 0x06 -> throw r.unsupported(offset, "`async` canonical option", ASYNC);
                case 0x07 -> throw r.unsupported(offset, "`callback` canonical option", ASYNC);
                case 0x08 -> throw r.unsupported(offset, "`core-type` canonical option", "component-model gc");
                case 0x09 -> throw r.unsupported(offset, "`gc` canonical option", "component-model gc");
                default -> throw r.badByte(offset, b, "canonical option");
            }
        }
        return new CanonOptions(encoding == null ? StringEncoding.UTF8 : encoding, memory, realloc, postReturn);
    }

    private static OptionalInt once(BinaryReader r, int offset, OptionalInt seen, String option, String what) {
        if (seen.isPresent()) {
            throw r.errorAt(offset, "duplicate canonical option `" + option + "`");
        }
        return OptionalInt.of(r.index(what));
    }

    /** The name of a non-MVP built-in, or empty for an unknown opcode. */
    static Optional<String> builtinName(int b) {
        return Optional.ofNullable(switch (b) {
            case 0x05 -> "task.cancel";
            case 0x06 -> "subtask.cancel";
            case 0x07 -> "resource.drop async";
            case 0x08 -> "backpressure.set";
            case 0x09 -> "task.return";
            case 0x0a -> "context.get";
            case 0x0b -> "context.set";
            case 0x0c -> "thread.yield";
            case 0x0d -> "subtask.drop";
            case 0x0e -> "stream.new";
            case 0x0f -> "stream.read";
            case 0x10 -> "stream.write";
            case 0x11 -> "stream.cancel-read";
            case 0x12 -> "stream.cancel-write";
            case 0x13 -> "stream.drop-readable";
            case 0x14 -> "stream.drop-writable";
            case 0x15 -> "future.new";
            case 0x16 -> "future.read";
            case 0x17 -> "future.write";
            case 0x18 -> "future.cancel-read";
            case 0x19 -> "future.cancel-write";
            case 0x1a -> "future.drop-readable";
            case 0x1b -> "future.drop-writable";
            case 0x1c -> "error-context.new";
            case 0x1d -> "error-context.debug-message";
            case 0x1e -> "error-context.drop";
            case 0x1f -> "waitable-set.new";
            case 0x20 -> "waitable-set.wait";
            case 0x21 -> "waitable-set.poll";
            case 0x22 -> "waitable-set.drop";
            case 0x23 -> "waitable.join";
            case 0x24 -> "backpressure.inc";
            case 0x25 -> "backpressure.dec";
            case 0x26 -> "thread.index";
            case 0x27 -> "thread.new-indirect";
            case 0x28 -> "thread.resume-later";
            case 0x29 -> "thread.suspend";
            case 0x2a -> "thread.suspend-then-resume";
            case 0x2b -> "thread.yield-then-resume";
            case 0x2c -> "thread.suspend-then-promote";
            case 0x2d -> "thread.yield-then-promote";
            case 0x40 -> "thread.spawn-ref";
            case 0x41 -> "thread.spawn-indirect";
            case 0x42 -> "thread.available-parallelism";
            default -> null;
        });
    }

    private static String proposal(int b) {
        if (b >= 0x1c && b <= 0x1e) {
            return ERROR_CONTEXT;
        }
        if (b >= 0x40) {
            return SHARED;
        }
        if (b >= 0x26) {
            return THREADS;
        }
        return ASYNC;
    }
}
