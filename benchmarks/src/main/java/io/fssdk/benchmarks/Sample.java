package io.fssdk.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the soak ({@link SoakRun}) watches for leaks, read from the process itself (Linux {@code /proc}):
 * open file descriptors, resident set size, heap in use after a full GC, and live threads.
 *
 * @param fds open file descriptors ({@code /proc/self/fd})
 * @param rssBytes resident set size ({@code VmRSS} of {@code /proc/self/status})
 * @param heapBytes heap in use right after {@link System#gc()}
 * @param threads live JVM threads
 */
record Sample(long fds, long rssBytes, long heapBytes, int threads) {
    /** How far each figure may grow between the baseline and the end before the soak fails. */
    static final long FD_SLACK = 16;
    static final long RSS_SLACK_BYTES = 256L << 20;   // the JVM's heap and code cache settle; a leak grows without end
    /**
     * RSS slack per store: RocksDB keeps a memtable of up to 64 MiB (its default write buffer) per column family
     * before flushing it, and the soak's stores see every record as a new version of one of 100 keys. Since store
     * names are namespaced per operator, each operator has a column family of its own.
     */
    static final long RSS_SLACK_PER_STORE_BYTES = 64L << 20;
    static final long HEAP_SLACK_BYTES = 32L << 20;
    static final int THREAD_SLACK = 2;

    /** Reads the figures now, after a full GC so the heap figure is what is live. */
    static Sample take() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return new Sample(countFds(), rss(), rt.totalMemory() - rt.freeMemory(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /**
     * The first figure that grew from {@code baseline} by more than its slack ({@code stores} RocksDB column
     * families written), described; empty if none.
     */
    Optional<String> grewPast(Sample baseline, int stores) {
        if (fds > baseline.fds + FD_SLACK) {
            return Optional.of("file descriptors grew from " + baseline.fds + " to " + fds);
        }
        if (rssBytes > baseline.rssBytes + RSS_SLACK_BYTES + stores * RSS_SLACK_PER_STORE_BYTES) {
            return Optional.of("RSS grew from " + mib(baseline.rssBytes) + " to " + mib(rssBytes));
        }
        if (heapBytes > baseline.heapBytes + HEAP_SLACK_BYTES) {
            return Optional.of("live heap grew from " + mib(baseline.heapBytes) + " to " + mib(heapBytes));
        }
        if (threads > baseline.threads + THREAD_SLACK) {
            return Optional.of("threads grew from " + baseline.threads + " to " + threads);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "fds " + fds + ", RSS " + mib(rssBytes) + ", live heap " + mib(heapBytes) + ", threads " + threads;
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static long countFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
