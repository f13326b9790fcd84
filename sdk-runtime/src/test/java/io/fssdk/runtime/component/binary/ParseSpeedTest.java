package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Core modules are kept as slices, so a componentize-js-sized binary (12 MB, nearly all one core
 * module) decodes in about the time it takes to copy it once.
 */
class ParseSpeedTest {

    @Test
    void twelveMegabyteComponentParsesInMilliseconds() {
        byte[] module = new byte[12 * 1024 * 1024];
        System.arraycopy(Bin.CORE_MODULE, 0, module, 0, Bin.CORE_MODULE.length);
        Bin b = Bin.of().raw(Bin.PREAMBLE);
        for (Bin s : SampleComponent.sections()) {
            b.raw(s);
        }
        byte[] binary = b.raw(Bin.section(1, Bin.of().raw(module))).bytes();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int warmUp = 0; warmUp < 5; warmUp++) {
                ComponentParser.parse(binary);
            }
            long start = System.nanoTime();
            ParsedComponent c = ComponentParser.parse(binary);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(module.length,
                    ((CoreModule) c.definitions().get(c.definitions().size() - 1)).bytes().length());
            // Generous for a loaded CI machine; it is a few milliseconds, the cost of one copy.
            assertTrue(millis < 500, "took " + millis + " ms");
        });
    }
}
