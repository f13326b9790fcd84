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
 * Summarises a JFR recording's CPU samples into the tables a profile discussion needs: the hottest
 * methods by self time (the top frame) and, for the code we own ({@code io.fssdk}) and Chicory, by total
 * time (anywhere on the stack). {@code jfr print --events jdk.ExecutionSample} lists the samples one by
 * one; this is the aggregation of them.
 *
 * <p>Java code and native code are sampled by different events, at different periods (10 and 20 ms in
 * the {@code profile} settings), and JFR drops Java samples whose stack it cannot walk, so the two are
 * reported separately rather than added up: {@code jdk.ExecutionSample} for Java (including the
 * guest's code, which Chicory compiles to JVM bytecode), {@code jdk.NativeMethodSample} for threads in a
 * JNI method (RocksDB). Only threads whose name contains a filter count, by default JMH's
 * {@code jmh-worker}, so that idle JMH and JDK threads parked in native code do not.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.fssdk.benchmarks.JfrTop recording.jfr [rows] [thread-filter]}
 */
public final class JfrTop {
    private static final String JAVA = "jdk.ExecutionSample";
    private static final String NATIVE = "jdk.NativeMethodSample";

    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> total = new HashMap<>();
    private int samples;

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
        JfrTop java = new JfrTop();
        JfrTop natives = new JfrTop();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals(JAVA) || type.equals(NATIVE)) {
                RecordedThread thread = event.getThread("sampledThread");
                String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
                if (name.contains(threads)) {
                    (type.equals(JAVA) ? java : natives).add(event.getStackTrace());
                }
            }
        }
        System.out.printf("Java code (%s): %d samples%n  self time (top frame):%n", JAVA, java.samples);
        java.print(java.self, rows);
        System.out.printf("  total time (on the stack), io.fssdk and Chicory only, without the frames on"
                + " over 95%% of samples (the call chain down to the work):%n");
        java.total.values().removeIf(n -> n > 0.95 * java.samples);
        java.print(java.total, rows);
        System.out.printf("%nNative code (%s): %d samples%n  self time (top frame):%n", NATIVE, natives.samples);
        natives.print(natives.self, Math.min(rows, 5));
    }

    private void add(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
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

    private static String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "<unknown>" : m.getType().getName() + "." + m.getName();
    }

    private void print(Map<String, Integer> counts, int rows) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
