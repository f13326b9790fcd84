package io.fssdk.examples;

import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureScratchTest {
    static void measure(String label, byte[] wasm, ExecutionMode mode, Path python, int n) {
        long t0 = System.nanoTime();
        Component c = Component.load(wasm, ComponentOptions.builder().executionMode(mode).build());
        long t1 = System.nanoTime();
        c.compile();
        long t2 = System.nanoTime();
        WasmDriver.Builder b = WasmDriver.builder().component(c).callDeadline(Duration.ZERO);
        if (python != null) {
            b.python(python);
        }
        try (OperatorTestKit kit = OperatorTestKit.of(b.build(), Map.of("key_prefix", "m-"))) {
            long t3 = System.nanoTime();
            kit.process("hello");
            kit.drainOutputStrings();
            long t4 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                kit.process("w" + (i % 200));
                kit.drainOutputStrings();
            }
            long t5 = System.nanoTime();
            System.out.printf("MEASURE %s %s: load %.0f ms, compile %.0f ms, instantiate+init %.0f ms, first record %.0f ms, %d records %.0f ms = %.1f records/s%n",
                    label, mode, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, n, (t5 - t4) / 1e6, n / ((t5 - t4) / 1e9));
        }
    }

    @Test
    void go() throws Exception {
        byte[] w = Files.readAllBytes(Path.of("guests/go/counter-go.wasm"));
        measure("go", w, ExecutionMode.COMPILER, null, 5000);
        byte[] cw = getClass().getResourceAsStream(CounterMain.COUNTER_COMPONENT).readAllBytes();
        measure("c", cw, ExecutionMode.COMPILER, null, 5000);
    }

    @Test
    void python() throws Exception {
        byte[] w = getClass().getClassLoader().getResourceAsStream(WasmDriver.PYTHON_RUNTIME_RESOURCE).readAllBytes();
        measure("python", w, ExecutionMode.INTERPRETER, Path.of("guests/python/counter.py"), 40);
    }
}
