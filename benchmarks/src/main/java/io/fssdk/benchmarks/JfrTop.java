package io.fssdk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's samples into the two tables a profile discussion needs: the hottest
 * methods by self time (the top frame) and, for the code we own ({@code io.fssdk}) and Chicory, by total
 * time (anywhere on the stack). {@code jfr print --events jdk.ExecutionSample} lists samples one by one;
 * this is the aggregation of them. Threads running Java code are sampled as {@code jdk.ExecutionSample};
 * threads inside a native method (RocksDB's JNI calls) only as {@code jdk.NativeMethodSample}, so both
 * are counted, or RocksDB's share would be invisible. Only threads whose name contains a filter count
 * (by default JMH's {@code jmh-worker}), so that idle JMH and JDK threads parked in native code do not.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.fssdk.benchmarks.JfrTop recording.jfr [rows] [thread-filter]}
 */
public final class JfrTop {
    private JfrTop() {
    }

    /** Prints the tables for the recording named by the first argument. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop <recording.jfr> [rows] [thread-filter]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threads = args.length > 2 ? args[2] : "jmh-worker";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            String threadName = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
            RecordedStackTrace stack = event.getStackTrace();
            if (!threadName.contains(threads) || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            // A method that recurses counts once per sample in the total.
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if ((n.startsWith("io.fssdk.") || n.startsWith("com.dylibso.")) && seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples (Java and native)%n%nSelf time (top frame):%n", samples);
        table(self, samples, rows);
        System.out.printf("%nTotal time (on the stack), io.fssdk and Chicory only:%n");
        table(total, samples, rows);
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "<unknown>" : m.getType().getName() + "." + m.getName();
    }

    private static void table(Map<String, Integer> counts, int samples, int rows) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
