package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emit to a target that has no output is an error under the error policy, never a silent drop
 * (regression: an emit to target 0xFFFFFFFF used to be accepted and lost). Run through the command's
 * pipeline with a native operator that emits where the input line says.
 */
class EmitTargetTest {
    @TempDir
    Path tmp;

    /** Emits "ok:LINE" to target 0, then the line itself to the target it names ("to:N"). */
    private static final class Router implements Driver {
        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            String line = new String(data, StandardCharsets.UTF_8);
            ctx.emit(0, ("ok:" + line).getBytes(StandardCharsets.UTF_8));
            if (line.startsWith("to:")) {
                ctx.emit(Integer.parseUnsignedInt(line.substring(3)), data);
            }
        }
    }

    @Test
    void anEmitToAMissingTargetFailsTheRecordAndWritesNoneOfItsOutputs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliException e = assertThrows(CliException.class, () -> run("a\nto:4294967295\nb\n", out, ErrorPolicy.FAIL,
                null));
        assertEquals(ExitCodes.RUN_FAILED, e.exitCode());
        assertEquals("record 1 of stdin (source 0) failed: emit to target 4294967295, but the function has 1 "
                + "output(s) (targets 0..0)", e.getMessage());
        assertEquals("ok:a\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void underSkipAndDeadLetterTheRecordIsCountedAndTheRunGoesOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pipeline skipped = run("a\nto:1\nb\n", out, ErrorPolicy.SKIP, null);
        assertEquals("ok:a\nok:b\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, skipped.errors());
        assertEquals(3, skipped.recordsIn());
        assertEquals(2, skipped.recordsOut());

        Path file = tmp.resolve("dead.jsonl");
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        try (FileDeadLetterSink dead = new FileDeadLetterSink(file)) {
            run("to:0\nto:7\n", out2, ErrorPolicy.DEAD_LETTER, dead);
        }
        assertEquals("ok:to:0\nto:0\n", out2.toString(StandardCharsets.UTF_8));
        List<String> letters = Files.readAllLines(file);
        assertEquals(1, letters.size());
        assertTrue(letters.get(0).contains("\"offset\":1,\"error\":\"emit to target 7, but the function has 1 output(s)"),
                letters.get(0));
    }

    private Pipeline run(String input, ByteArrayOutputStream out, ErrorPolicy policy, DeadLetterSink dead) {
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(tmp.resolve("state-" + policy + System.nanoTime()));
             LineSink sink = new LineSink("stdout", out, false);
             LineSource source = new LineSource(0, "stdin",
                     new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false)) {
            Pipeline.Builder b = new Pipeline.Builder();
            b.operator = "router";
            b.sinks = new RecordSink[] {sink};
            b.sources = List.of(source);
            b.policy = policy;
            b.deadLetter = dead;
            b.checkpoints = new CheckpointIds(backend.checkpointDirectory(), 2);
            Pipeline[] pipeline = new Pipeline[1];
            try (OperatorRunner runner = OperatorRunner.builder().operatorName("router").driver(new Router())
                    .stateBackend(backend).outputSink((t, d) -> pipeline[0].emitBuffer().emit(t, d)).build()) {
                runner.init();
                b.runner = runner;
                pipeline[0] = b.build();
                pipeline[0].run();
            }
            return pipeline[0];
        }
    }
}
