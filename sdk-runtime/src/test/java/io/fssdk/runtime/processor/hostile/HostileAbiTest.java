package io.fssdk.runtime.processor.hostile;

import static io.fssdk.runtime.processor.hostile.HostileRun.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile guest breaking the canonical ABI at the processor world's imports and exports: pointers and
 * lengths outside its memory, a store name that is not UTF-8, handles that are dropped, dropped twice or
 * never existed, and return pointers from {@code fs-custom} that are outside memory or misaligned. Each is
 * a trap (OPERATOR_FAILED) naming the import and what was wrong, and changes nothing.
 */
class HostileAbiTest {
    private HostileRun run;

    @BeforeEach
    void start() {
        run = HostileRun.start();
    }

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void emitWithAPointerPastTheEndOfMemory() {
        SdkException e = run.fails("E", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-process` (source 0) trapped", "out of bounds list: 4294901760 + 16");
        run.assertSurvived();
    }

    @Test
    void emitWithALengthPastTheEndOfMemory() {
        SdkException e = run.fails("e", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "list of 268435456 bytes exceeds the limit of 268435455");
        run.assertSurvived();
    }

    @Test
    void putStateWithAKeyPointerPastTheEndOfMemory() {
        SdkException e = run.fails("P", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-process` (source 0) trapped", "out of bounds list: 4294967280 + 16");
        run.assertSurvived();
    }

    @Test
    void putStateWithAValueLengthOfTwoGibibytes() {
        SdkException e = run.fails("p", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "list of 2147483647 bytes exceeds the limit");
        run.assertSurvived();
    }

    @Test
    void aStoreNameThatIsNotUtf8() {
        SdkException e = run.fails("U", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-process` (source 0) trapped", "invalid utf-8");
        run.assertSurvived();
    }

    @Test
    void aDroppedStoreHandleUsedAgain() {
        SdkException e = run.fails("D", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "unknown handle 1 for resource `store`");
        run.assertSurvived();
    }

    @Test
    void aStoreHandleDroppedTwice() {
        SdkException e = run.fails("d", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "unknown handle 1 for resource `store`");
        run.assertSurvived();
    }

    @Test
    void handleZero() {
        SdkException e = run.fails("Z", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "handle 0 is never valid");
        run.assertSurvived();
    }

    @Test
    void handleTwoToTheThirtyFirst() {
        SdkException e = run.fails("H", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "unknown handle 2147483648 for resource `store`");
        run.assertSurvived();
    }

    @Test
    void aCustomReturnPointerPastTheEndOfMemory() {
        assertEquals("echo", run.custom("echo"), "a well-behaved fs-custom call first");
        SdkException e = run.customFails("R", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-custom` trapped", "4294967280");
        run.assertSurvived();
        assertEquals("again", run.custom("again"));
    }

    @Test
    void aMisalignedCustomReturnPointer() {
        // The canonical ABI traps on a return pointer that is not a multiple of the result's alignment
        // (CanonicalABI.md, lift_flat_values); fs-custom used to read the (pointer, length) at 2 anyway.
        SdkException e = run.customFails("A", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-custom` trapped", "misaligned return area: 2 is not a multiple of 4");
        run.assertSurvived();
    }

    @Test
    void aCustomResultListPastTheEndOfMemory() {
        SdkException e = run.customFails("B", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-custom` trapped", "out of bounds list: 4294967040 + 256");
        run.assertSurvived();
    }

    @Test
    void aStderrWriteWithAReturnPointerPastTheEndOfMemoryWritesNothing() {
        // The stream used to take the bytes before the host stored the result through the bad pointer.
        String log = HostileRun.logDuring(() -> run.fails("W", ErrorCode.OPERATOR_FAILED))
                .toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("leaked line"), log);
        run.assertSurvived();
    }
}
