package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionedNameTest {
    @ParameterizedTest(name = "import {0} vs host {1} -> {2}")
    @CsvSource({
        "wasi:io/streams@0.2.0, wasi:io/streams@0.2.12, true",
        "wasi:io/streams@0.2.12, wasi:io/streams@0.2.0, true",
        "wasi:io/streams@0.2.0, wasi:io/streams@0.3.0, false",
        "wasi:io/streams@0.2.0, wasi:io/poll@0.2.0, false",
        "wasi:io/streams@0.2.0, wasi:io/streams, false",
        "wasi:io/streams, wasi:io/streams, true",
        "a:b/c@1.2.0, a:b/c@1.9.3, true",
        "a:b/c@1.2.0, a:b/c@2.0.0, false",
        "a:b/c@0.0.1, a:b/c@0.0.2, false",
        "a:b/c@0.0.1, a:b/c@0.0.1, true",
        "a:b/c@0.2.0-rc1, a:b/c@0.2.0, false",
        "functionstream:core/kv@0.1.0, functionstream:core/kv@0.1.0, true",
    })
    void compatibility(String imported, String host, boolean expected) {
        assertEquals(expected, VersionedName.parse(imported).compatibleWith(VersionedName.parse(host)));
    }

    @ParameterizedTest(name = "{0} is not versioned")
    @CsvSource({"plain", "x@", "x@1.2", "x@01.2.3", "x@1.2.3.4", "x@a.b.c"})
    void notVersions(String name) {
        assertEquals(name, VersionedName.parse(name).base());
    }
}
