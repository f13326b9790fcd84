package io.fssdk.runtime.wasi;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.TestComponents;

/** Loads the committed WASI fixtures next to these tests, each parsed (and compiled) once per run. */
final class Fixtures {
    private static final String DIR = "/io/fssdk/runtime/wasi/";

    private Fixtures() {
    }

    static Component load(String name) {
        return TestComponents.load(DIR + name);
    }

    static Component interpreted(String name) {
        return TestComponents.interpreted(DIR + name);
    }
}
