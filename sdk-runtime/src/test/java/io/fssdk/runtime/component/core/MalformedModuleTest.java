package io.fssdk.runtime.component.core;

import static io.fssdk.runtime.component.core.ModuleBytes.CODE;
import static io.fssdk.runtime.component.core.ModuleBytes.FUNCTION;
import static io.fssdk.runtime.component.core.ModuleBytes.I32;
import static io.fssdk.runtime.component.core.ModuleBytes.IMPORT;
import static io.fssdk.runtime.component.core.ModuleBytes.TYPE;
import static io.fssdk.runtime.component.core.ModuleBytes.body;
import static io.fssdk.runtime.component.core.ModuleBytes.bytes;
import static io.fssdk.runtime.component.core.ModuleBytes.concat;
import static io.fssdk.runtime.component.core.ModuleBytes.func;
import static io.fssdk.runtime.component.core.ModuleBytes.module;
import static io.fssdk.runtime.component.core.ModuleBytes.params;
import static io.fssdk.runtime.component.core.ModuleBytes.section;
import static io.fssdk.runtime.component.core.ModuleBytes.u32;
import static io.fssdk.runtime.component.core.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.MalformedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sad paths: whatever the bytes, {@link TypeUnifier} fails with a {@link MalformedException} naming the
 * module and an offset, and never with anything else. Each broken module comes second, after a module
 * with its types the other way round, so that it is decoded in full rather than passed through.
 */
class MalformedModuleTest {
    private static final List<String> FIXTURES = List.of("mvp", "tail-call", "simd", "relaxed-simd", "threads",
            "legacy-eh", "imports", "many-types", "memories", "eh", "eh-all-ref", "func-refs");
    /** () -> () and (i32) -> i32, the reverse of {@link #TYPES}. */
    private static final byte[] FIRST = module(section(TYPE, vec(func(params()), func(params(I32), I32))));
    private static final byte[] TYPES = section(TYPE, vec(func(params(I32), I32), func(params())));

    private record Case(String name, byte[] module, String message) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("bad magic", bytes(0, 0x61, 0x73, 0x6e, 1, 0, 0, 0), "bad magic number"),
                new Case("version 2", bytes(0, 0x61, 0x73, 0x6d, 2, 0, 0, 0), "unsupported core module version"),
                new Case("short preamble", bytes(0, 0x61, 0x73), "unexpected end in the preamble"),
                new Case("unknown section", module(TYPES, section(14, bytes())), "unknown section id 14"),
                new Case("section past the end", module(bytes(TYPE, 0x20, 1)), "exceeds the remaining"),
                new Case("duplicate type section", module(TYPES, TYPES), "duplicate type section"),
                new Case("bad type form", module(section(TYPE, vec(bytes(0x61, 0, 0)))), "bad type form 0x61"),
                new Case("bad value type", module(section(TYPE, vec(bytes(0x60, 1, 0x00, 0)))), "bad value type 0x00"),
                new Case("count too large", module(section(TYPE, concat(u32(1000), func(params())))),
                        "count 1000 exceeds"),
                new Case("integer too large", module(section(TYPE, bytes(0x80, 0x80, 0x80, 0x80, 0x10))),
                        "integer too large"),
                new Case("function type index", withFunction(0x0b, 7), "type index 7 out of range"),
                new Case("call_indirect type index", withBody(0x41, 0, 0x11, 5, 0, 0x0b), "type index 5 out of range"),
                new Case("block type index", withBody(0x02, 9, 0x0b, 0x0b), "type index 9 out of range"),
                new Case("bad block type", withBody(0x02, 0x50, 0x0b, 0x0b), "bad block type"),
                new Case("bad heap type", withBody(0xd0, 0x50, 0x1a, 0x0b), "bad heap type"),
                new Case("bad local type", withLocals(bytes(1, 1, 0x00), 0x0b), "bad value type 0x00"),
                new Case("unknown opcode", withBody(0xc5, 0x0b), "unknown opcode 0xc5"),
                new Case("unknown 0xfc opcode", withBody(0xfc, 18, 0x0b), "unknown opcode 0xfc 18"),
                new Case("unassigned simd opcode", withBody(0xfd, 0x9a, 0x01, 0x0b), "unknown opcode 0xfd 154"),
                new Case("simd opcode past the end", withBody(0xfd, 0x94, 0x02, 0x0b), "unknown opcode 0xfd 276"),
                new Case("unknown atomic opcode", withBody(0xfe, 4, 0x0b), "unknown opcode 0xfe 4"),
                new Case("overlong integer", withBody(0x10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b),
                        "integer representation too long"),
                new Case("overlong constant", withBody(0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1a, 0x0b),
                        "integer representation too long"),
                new Case("bytes after the end", withBody(0x0b, 0x01), "function body has 1 bytes left over"),
                new Case("delegate outside try", withBody(0x18, 0x00, 0x0b), "delegate outside a try block"),
                new Case("bad catch clause", withBody(0x1f, 0x40, 1, 0x07, 0, 0x0b, 0x0b),
                        "bad catch clause kind 0x07"),
                new Case("bad import kind", module(TYPES, section(IMPORT, vec(bytes(1, 'm', 1, 'n', 0x05)))),
                        "bad import kind 0x05"),
                new Case("bad limits", module(TYPES, section(IMPORT, vec(bytes(1, 'm', 1, 'n', 0x02, 0x10, 1)))),
                        "bad limits flags 0x10"),
                new Case("bad element flags", module(TYPES, section(9, vec(bytes(8)))), "bad element segment flags 8"),
                new Case("section shorter than its content", module(TYPES, bytes(FUNCTION, 2, 2, 0),
                        section(CODE, vec(body(0x0b)))), "count 2 exceeds the remaining 1 bytes"));
    }

    @TestFactory
    Stream<DynamicTest> brokenModules() {
        return cases().stream().map(c -> dynamicTest(c.name(), () -> {
            MalformedException e = assertThrows(MalformedException.class,
                    () -> TypeUnifier.unify(List.of(FIRST, c.module())));
            assertTrue(e.getMessage().startsWith("core module 1: "), e.getMessage());
            assertTrue(e.getMessage().contains(c.message()), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= c.module().length, "offset " + e.offset());
        }));
    }

    /** A cut at a section boundary leaves a shorter well-formed module; any other cut is malformed. */
    @TestFactory
    Stream<DynamicTest> everyTruncation() {
        return FIXTURES.stream().map(name -> dynamicTest(name, () -> {
            byte[] full = CoreFixtures.bytes(name + ".wasm");
            byte[] reversed = CoreFixtures.bytes(name + ".rev.wasm");
            boolean[] boundary = new boolean[full.length + 1];
            for (int[] s : sections(full)) {
                boundary[s[0]] = true;
            }
            boundary[8] = true;
            for (int length = 0; length < full.length; length++) {
                byte[] cut = Arrays.copyOf(full, length);
                if (boundary[length]) {
                    TypeUnifier.unify(List.of(reversed, cut));
                } else {
                    int at = length;
                    MalformedException e = assertThrows(MalformedException.class,
                            () -> TypeUnifier.unify(List.of(reversed, cut)), "cut at " + at);
                    assertTrue(e.offset() <= length, "offset " + e.offset() + " past the cut at " + length);
                }
            }
        }));
    }

    /** Every function body cut short (with its size and its section's size fixed up) is malformed. */
    @TestFactory
    Stream<DynamicTest> everyTruncatedFunctionBody() {
        return FIXTURES.stream().map(name -> dynamicTest(name, () -> {
            byte[] full = CoreFixtures.bytes(name + ".wasm");
            byte[] reversed = CoreFixtures.bytes(name + ".rev.wasm");
            int[] code = sections(full).stream().filter(s -> full[s[0]] == CODE).findFirst().orElseThrow();
            List<int[]> bodies = bodies(full, code);
            for (int b = 0; b < bodies.size(); b++) {
                for (int length = 0; length < bodies.get(b)[1]; length++) {
                    byte[] cut = cutBody(full, code, bodies, b, length);
                    String where = "body " + b + " cut to " + length;
                    assertThrows(MalformedException.class, () -> TypeUnifier.unify(List.of(reversed, cut)), where);
                }
            }
        }));
    }

    /** Random byte changes: the result is a module or a MalformedException, never another failure. */
    @TestFactory
    Stream<DynamicTest> randomMutations() {
        return FIXTURES.stream().map(name -> dynamicTest(name, () -> {
            byte[] full = CoreFixtures.bytes(name + ".wasm");
            byte[] reversed = CoreFixtures.bytes(name + ".rev.wasm");
            Random random = new Random(name.hashCode());
            for (int i = 0; i < 2000; i++) {
                byte[] mutated = full.clone();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    mutated[8 + random.nextInt(full.length - 8)] = (byte) random.nextInt(256);
                }
                for (List<byte[]> order : List.of(List.of(reversed, mutated), List.of(mutated, reversed))) {
                    try {
                        TypeUnifier.unify(order);
                    } catch (MalformedException expected) {
                        // The only failure allowed.
                    } catch (RuntimeException | Error e) {
                        fail("mutation " + i + " of " + name + " threw " + e, e);
                    }
                }
            }
        }));
    }

    /** A module with the two {@link #TYPES}, one function of type {@code type} and the given code. */
    private static byte[] withFunction(int end, int type) {
        return module(TYPES, section(FUNCTION, vec(u32(type))), section(CODE, vec(body(end))));
    }

    private static byte[] withBody(int... code) {
        return module(TYPES, section(FUNCTION, vec(u32(0))), section(CODE, vec(body(code))));
    }

    private static byte[] withLocals(byte[] locals, int... code) {
        byte[] payload = concat(locals, bytes(code));
        return module(TYPES, section(FUNCTION, vec(u32(0))), section(CODE, vec(concat(u32(payload.length), payload))));
    }

    /** Each section of a module as {start, payload start, end}. */
    private static List<int[]> sections(byte[] module) {
        List<int[]> out = new ArrayList<>();
        int pos = 8;
        while (pos < module.length) {
            int start = pos++;
            int[] size = leb(module, pos);
            pos = size[1] + size[0];
            out.add(new int[] {start, size[1], pos});
        }
        return out;
    }

    /** The bodies of a code section as {payload start, payload length, size field start}. */
    private static List<int[]> bodies(byte[] module, int[] code) {
        List<int[]> out = new ArrayList<>();
        int[] count = leb(module, code[1]);
        int pos = count[1];
        for (int i = 0; i < count[0]; i++) {
            int[] size = leb(module, pos);
            out.add(new int[] {size[1], size[0], pos});
            pos = size[1] + size[0];
        }
        return out;
    }

    private static byte[] cutBody(byte[] module, int[] code, List<int[]> bodies, int which, int length) {
        int[] body = bodies.get(which);
        byte[] newBody = concat(u32(length), Arrays.copyOfRange(module, body[0], body[0] + length));
        byte[] payload = concat(Arrays.copyOfRange(module, code[1], body[2]), newBody,
                Arrays.copyOfRange(module, body[0] + body[1], code[2]));
        return concat(Arrays.copyOfRange(module, 0, code[0]), bytes(CODE), u32(payload.length), payload,
                Arrays.copyOfRange(module, code[2], module.length));
    }

    /** An unsigned LEB128 at {@code pos}: {value, position after it}. */
    private static int[] leb(byte[] bytes, int pos) {
        int value = 0;
        int p = pos;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[p++] & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return new int[] {value, p};
            }
        }
    }
}
