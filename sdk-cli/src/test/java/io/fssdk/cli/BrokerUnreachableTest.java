package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that does not answer: a bounded retry, then exit code 5 and one line, and nothing created. */
class BrokerUnreachableTest {
    @TempDir
    Path tmp;

    @Test
    void anUnreachableBrokerStopsTheRunWithinTheConnectTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String yaml = Files.readString(Cli.COUNTER_CONFIG).replace("localhost:9092", "127.0.0.1:" + port);
        Path config = Files.writeString(tmp.resolve("config.yaml"), yaml);
        Path state = tmp.resolve("state");
        long start = System.nanoTime();
        Cli.Result r = Cli.run("run", "--config", config.toString(), "--wasm", Cli.COUNTER_WASM.toString(),
                "--connect-timeout", "2s", "--state-dir", state.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(ExitCodes.BROKER_UNREACHABLE, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("fssdk: cannot reach Kafka at 127.0.0.1:" + port
                + " (input-groups[0].inputs[0]) within 2000 ms"), r.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
        assertFalse(Files.exists(state), "nothing is created before the brokers answered");
    }
}
