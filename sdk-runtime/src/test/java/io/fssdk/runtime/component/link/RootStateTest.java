package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How far short of the memory cap a trapping guest may be and still count as having hit it. Go and CPython
 * grow their heaps in chunks (Go: 4 MiB arenas), so their failed grow leaves memory below the cap; a
 * memory bomb in those guests was reported as an ordinary OPERATOR_FAILED before the slack existed.
 */
class RootStateTest {
    @ParameterizedTest(name = "cap {0} pages: slack {1}")
    @CsvSource({
        "32, 8",      // 2 MiB: a quarter, so a small cap does not make every trap a memory bomb
        "256, 64",    // 16 MiB: one Go arena
        "2048, 128",  // 128 MiB: a sixteenth
        "4096, 256",  // 256 MiB (the WasmDriver default): a sixteenth
        "1, 0",
    })
    void slackIsASixteenthOfTheCapOrOneGoArenaForSmallCaps(int capPages, int slack) {
        assertEquals(slack, RootState.capSlackPages(capPages));
    }
}
