package io.fssdk.runtime.processor.hostile;

import static io.fssdk.runtime.processor.hostile.HostileRun.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile guest calling an import where the canonical ABI forbids it (CanonicalABI.md, may_leave):
 * from {@code cabi_realloc}, while the host allocates a {@code get-state} value in it, and from
 * {@code fs-custom}'s post-return function. Both trap before the import runs, so nothing is emitted.
 */
class HostileCallRulesTest {
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
    void anImportCalledFromCabiRealloc() {
        int before = run.outputs.size();
        SdkException e = run.fails("r", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-process` (source 0) trapped", "cabi_realloc");
        assertEquals(before, run.outputs.size(), "the forbidden emit ran");
        run.assertSurvived();
    }

    @Test
    void anImportCalledFromPostReturn() {
        int before = run.outputs.size();
        SdkException e = run.customFails("q", ErrorCode.OPERATOR_FAILED);
        assertMentions(e, "export `fs-custom` trapped", "post-return");
        assertEquals(before, run.outputs.size(), "the forbidden emit ran");
        run.assertSurvived();
    }
}
