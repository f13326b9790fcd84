package io.fssdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.runtime.component.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RawChicorySameModuleTest {
    private static final int PAYLOAD_SIZE = 64;
    private static final int RECORDS = 1000;

    // Every record differs, so a stale payload (a freed block reused without the write) cannot pass.
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void emitsEachPayloadOnceAndExactly(String guest, ExecutionMode mode, Supplier<byte[]> component) {
        List<byte[]> emitted = new ArrayList<>();
        RawChicorySameModule module = new RawChicorySameModule(component.get(), mode, emitted::add);
        for (int i = 0; i < RECORDS; i++) {
            byte[] payload = payload(i);
            module.process(payload);
            assertEquals(i + 1, emitted.size(), "one emit per fs-process");
            assertArrayEquals(payload, emitted.get(i), "record " + i);
            assertEquals((long) PAYLOAD_SIZE * (i + 1), module.emittedBytes());
        }
    }

    // Both builds of emit-once.c (libc malloc and the bump allocator), compiled by Chicory and interpreted.
    static Stream<Arguments> cases() {
        Supplier<byte[]> malloc = Fixtures::emitOnceComponent;
        Supplier<byte[]> bump = Fixtures::emitOnceBumpComponent;
        return Stream.of(
                Arguments.of("emit-once", ExecutionMode.COMPILER, malloc),
                Arguments.of("emit-once", ExecutionMode.INTERPRETER, malloc),
                Arguments.of("emit-once-bump", ExecutionMode.COMPILER, bump),
                Arguments.of("emit-once-bump", ExecutionMode.INTERPRETER, bump));
    }

    @Test
    void aCoreModuleIsNotAComponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentCoreModules.of(Fixtures.rawEmitModule()));
        assertEquals("not a component binary (bad preamble at offset 0)", e.getMessage());
    }

    @Test
    void findsTheComponentsThreeCoreModules() {
        // wit-component's layout: the main module, the shim holding the lowered import's table, the fixup.
        assertEquals(3, ComponentCoreModules.of(Fixtures.emitOnceComponent()).size());
    }

    private static byte[] payload(int record) {
        byte[] p = new byte[PAYLOAD_SIZE];
        for (int j = 0; j < p.length; j++) {
            p[j] = (byte) (record * 31 + j);
        }
        return p;
    }
}
