package io.fssdk.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.state.AggregateFunction;
import io.fssdk.api.state.AggregatingState;
import io.fssdk.api.state.Codecs;
import io.fssdk.api.state.ListState;
import io.fssdk.api.state.MapState;
import io.fssdk.api.state.PriorityQueueState;
import io.fssdk.api.state.ReducingState;
import io.fssdk.api.state.StateIterator;
import io.fssdk.api.state.States;
import io.fssdk.api.state.Tuple2;
import io.fssdk.api.state.ValueState;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.state.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed state types ({@code io.fssdk.api.state}) on a backend: every state type plain, on a namespace
 * and keyed; ordering; empty and large values; what each type asks of the store. A backend module
 * subclasses it as it does {@link StoreConformanceTest}; {@link TtlConformanceTest} and
 * {@link TimerConformanceTest} cover TTL and timers.
 */
public abstract class TypedStateConformanceTest {
    /** The backend under test, opened before each test and closed after it. */
    protected StateBackend backend;
    private Store raw;
    private CountingStore store;

    /** Opens a new, empty backend that may keep its files under {@code dir}. */
    protected abstract StateBackend newBackend(Path dir);

    @BeforeEach
    void openBackend(@TempDir Path dir) {
        backend = newBackend(dir);
        raw = backend.openStore("typed");
        store = new CountingStore(raw);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void valueRoundTripsEmptyAndLargeValuesAndClears() {
        States states = States.of(store);
        ValueState<Long> count = states.value("count", Codecs.longs());
        assertEquals(Optional.empty(), count.value());
        count.update(Long.MIN_VALUE);
        assertEquals(Optional.of(Long.MIN_VALUE), count.value());
        count.update(42L);
        assertEquals(Optional.of(42L), count.value());
        count.clear();
        assertEquals(Optional.empty(), count.value());

        ValueState<byte[]> blob = states.value("blob", Codecs.byteArrays());
        blob.update(new byte[0]);
        assertArrayEquals(new byte[0], blob.value().orElseThrow(), "an empty value is a value, not an absence");
        byte[] large = new byte[2 << 20];
        new Random(7).nextBytes(large);
        blob.update(large);
        assertArrayEquals(large, blob.value().orElseThrow());

        ValueState<String> text = states.value("text", Codecs.strings());
        text.update("");
        assertEquals(Optional.of(""), text.value());
        text.update("naïve \u0000 \uD83D\uDE00");
        assertEquals(Optional.of("naïve \u0000 \uD83D\uDE00"), text.value());
        assertEquals(Optional.empty(), states.value("count", Codecs.longs()).value(), "states are apart by name");
    }

    @Test
    void pojosAndRecordsGoThroughJackson() {
        ValueState<Visit> last = States.of(store).value("last", JacksonCodec.of(Visit.class));
        last.update(new Visit("/home", 12L, List.of("a", "b")));
        assertEquals(Optional.of(new Visit("/home", 12L, List.of("a", "b"))), last.value());
    }

    /** A record stored as JSON. */
    public record Visit(String page, long at, List<String> tags) {
    }

    @Test
    void plainNamespacedAndKeyedStateAreApart() {
        States plain = States.of(store);
        plain.value("v", Codecs.longs()).update(1L);
        plain.namespace(utf8("w1")).value("v", Codecs.longs()).update(2L);
        plain.forKey(utf8("alice")).value("v", Codecs.longs()).update(3L);
        plain.forKey(utf8("alice")).namespace(utf8("w1")).value("v", Codecs.longs()).update(4L);
        plain.forKey(utf8("bob")).value("v", Codecs.longs()).update(5L);

        assertEquals(Optional.of(1L), plain.value("v", Codecs.longs()).value());
        assertEquals(Optional.of(2L), plain.namespace(utf8("w1")).value("v", Codecs.longs()).value());
        assertEquals(Optional.of(3L), plain.forKey(utf8("alice")).value("v", Codecs.longs()).value());
        assertEquals(Optional.of(4L), plain.forKey(utf8("alice")).namespace(utf8("w1")).value("v", Codecs.longs()).value());
        assertEquals(Optional.of(5L), plain.forKey(utf8("bob")).value("v", Codecs.longs()).value());
        assertEquals(Optional.empty(), plain.forKey(utf8("al")).value("v", Codecs.longs()).value());
    }

    @Test
    void keyedStateFollowsTheCurrentKeyOfTheContext() {
        ContextCapture capture = new ContextCapture();
        try (OperatorTestKit kit = OperatorTestKit.builder(capture).stateBackend(backend).build()) {
            Context ctx = capture.ctx;
            ValueState<Long> count = States.keyed(ctx, "keyed").value("count", Codecs.longs());
            SdkException noKey = assertThrows(SdkException.class, count::value);
            assertEquals(ErrorCode.STATE_NO_CURRENT_KEY, noKey.code());
            assertTrue(noKey.getMessage().contains("count"), noKey::getMessage);

            for (String word : List.of("a", "b", "a", "a", "c", "b")) {
                kit.runner().setCurrentKey(utf8(word));
                count.update(count.value().orElse(0L) + 1);
            }
            assertEquals(Optional.of(3L), kit.valueState("keyed", utf8("a"), "count", Codecs.longs()));
            assertEquals(Optional.of(2L), kit.valueState("keyed", utf8("b"), "count", Codecs.longs()));
            assertEquals(Optional.of(1L), kit.valueState("keyed", utf8("c"), "count", Codecs.longs()));
            ctx.setCurrentKey(utf8("b"));
            assertEquals(Optional.of(2L), count.value(), "the operator may set the key itself");

            MapState<String, Long> m = States.keyed(ctx, "keyed").map("m", Codecs.strings(), Codecs.longs());
            m.put("x", 1L);
            ctx.setCurrentKey(utf8("c"));
            assertTrue(m.isEmpty());
            ListState<String> l = States.keyed(ctx, "keyed").list("l", Codecs.strings());
            l.add("c1");
            ctx.setCurrentKey(utf8("b"));
            assertEquals(List.of(), l.get());
            assertEquals(Map.of("x", 1L), kit.mapState("keyed", utf8("b"), new byte[0], "m", Codecs.strings(), Codecs.longs()));
            assertEquals(List.of("c1"), kit.listState("keyed", utf8("c"), "l", Codecs.strings()));
        }
    }

    @Test
    void listAppendsWithMergeAndNeverReads() {
        ListState<String> list = States.of(store).list("events", Codecs.strings());
        assertEquals(List.of(), list.get());
        store.reset();
        list.add("a");
        list.add("");
        list.addAll(List.of("b", "c"));
        list.addAll(List.of());
        assertEquals(0, store.reads + store.lists + store.scans, "appending reads nothing");
        assertEquals(3, store.merges);
        assertEquals(List.of("a", "", "b", "c"), list.get());

        list.update(List.of("x"));
        assertEquals(List.of("x"), list.get());
        list.update(List.of());
        assertEquals(List.of(), list.get());
        list.add("y");
        list.clear();
        assertEquals(List.of(), list.get());
    }

    @Test
    void listHoldsLargeAndManyElements() {
        ListState<byte[]> list = States.of(store).list("blobs", Codecs.byteArrays());
        byte[] big = new byte[300_000];
        new Random(3).nextBytes(big);
        list.add(new byte[0]);
        list.add(big);
        List<byte[]> got = list.get();
        assertEquals(2, got.size());
        assertArrayEquals(new byte[0], got.get(0));
        assertArrayEquals(big, got.get(1));

        ListState<Integer> ints = States.of(store).list("ints", Codecs.ints());
        List<Integer> expected = IntStream.range(0, 2_000).map(i -> i * 7919 - 100_000).boxed().toList();
        expected.forEach(ints::add);
        assertEquals(expected, ints.get());
    }

    @Test
    void mapGetsPutsRemovesAndIteratesInKeyOrder() {
        MapState<Long, String> map = States.of(store).map("m", Codecs.longs(), Codecs.strings());
        assertTrue(map.isEmpty());
        List<Long> keys = new ArrayList<>(List.of(5L, -1L, Long.MIN_VALUE, 0L, Long.MAX_VALUE, 256L, -256L, 1L));
        Collections.shuffle(keys, new Random(11));
        for (long k : keys) {
            map.put(k, "v" + k);
        }
        map.put(5L, "five");
        assertEquals(Optional.of("five"), map.get(5L));
        assertEquals(Optional.empty(), map.get(6L));
        assertTrue(map.contains(-1L));
        map.remove(-1L);
        map.remove(12345L);
        assertFalse(map.contains(-1L));

        List<Long> order;
        try (Stream<Map.Entry<Long, String>> entries = map.entries()) {
            order = entries.map(Map.Entry::getKey).toList();
        }
        assertEquals(List.of(Long.MIN_VALUE, -256L, 0L, 1L, 5L, 256L, Long.MAX_VALUE), order);
        assertFalse(map.isEmpty());
        map.putAll(Map.of(7L, "seven", 8L, "eight"));
        assertEquals(Optional.of("eight"), map.get(8L));
        map.clear();
        assertTrue(map.isEmpty());
    }

    @Test
    void mapIterationStreamsFromAScanAndClosesIt() {
        MapState<String, Long> map = States.of(store).map("words", Codecs.strings(), Codecs.longs());
        for (String w : List.of("b", "ab", "a", "", "a\u0000", "\uD83D\uDE00", "\uFFFD")) {
            map.put(w, (long) w.length());
        }
        store.reset();
        StateIterator<Map.Entry<String, Long>> it = map.iterator();
        assertEquals(1, store.scans);
        assertEquals(0, store.lists, "iteration never lists the whole map");
        List<String> keys = new ArrayList<>();
        it.forEachRemaining(e -> keys.add(e.getKey()));
        // Code point order: U+FFFD sorts before U+1F600 (unlike String.compareTo on UTF-16 units).
        assertEquals(List.of("", "a", "a\u0000", "ab", "b", "\uFFFD", "\uD83D\uDE00"), keys);
        it.close();
        SdkException closed = assertThrows(SdkException.class, it::hasNext);
        assertEquals(ErrorCode.RUNTIME_CLOSED, closed.code());

        Stream<Map.Entry<String, Long>> stream = map.entries();
        Map.Entry<String, Long> first = stream.findFirst().orElseThrow();
        assertEquals("", first.getKey());
        stream.close();
    }

    @Test
    void mapsAndQueuesRefuseUnorderedCodecsWhenBuilt() {
        States states = States.of(store);
        SdkException map = assertThrows(SdkException.class,
                () -> states.map("m", JacksonCodec.of(Visit.class), Codecs.longs()));
        assertEquals(ErrorCode.CONFIG_INVALID, map.code());
        assertTrue(map.getMessage().contains("map state `m`") && map.getMessage().contains("order-preserving"),
                map::getMessage);
        SdkException queue = assertThrows(SdkException.class, () -> states.priorityQueue("q", JacksonCodec.of(Visit.class)));
        assertEquals(ErrorCode.CONFIG_INVALID, queue.code());
        SdkException tuple = assertThrows(SdkException.class,
                () -> states.map("t", Codecs.tuple(Codecs.longs(), JacksonCodec.of(Visit.class)), Codecs.longs()));
        assertEquals(ErrorCode.CONFIG_INVALID, tuple.code());
        SdkException name = assertThrows(SdkException.class, () -> states.value(" ", Codecs.longs()));
        assertEquals(ErrorCode.CONFIG_INVALID, name.code());
        assertEquals(ErrorCode.CONFIG_INVALID,
                assertThrows(SdkException.class, () -> states.value("a\u0000b", Codecs.longs())).code());
    }

    @Test
    void tupleKeysSortLexicographically() {
        MapState<Tuple2<String, Long>, Boolean> map = States.of(store).map("t",
                Codecs.tuple(Codecs.strings(), Codecs.longs()), Codecs.booleans());
        List<Tuple2<String, Long>> keys = List.of(new Tuple2<>("b", -1L), new Tuple2<>("a", 10L),
                new Tuple2<>("a", -10L), new Tuple2<>("", 0L), new Tuple2<>("a\u0000", 0L), new Tuple2<>("ab", 0L));
        keys.forEach(k -> map.put(k, true));
        try (Stream<Map.Entry<Tuple2<String, Long>, Boolean>> entries = map.entries()) {
            assertEquals(List.of(new Tuple2<>("", 0L), new Tuple2<>("a", -10L), new Tuple2<>("a", 10L),
                    new Tuple2<>("a\u0000", 0L), new Tuple2<>("ab", 0L), new Tuple2<>("b", -1L)),
                    entries.map(Map.Entry::getKey).toList());
        }
    }

    @Test
    void priorityQueuePollsInOrderWithDuplicatesAndSeeksOnly() {
        PriorityQueueState<Double> queue = States.of(store).priorityQueue("q", Codecs.doubles());
        assertTrue(queue.isEmpty());
        assertEquals(Optional.empty(), queue.peek());
        assertEquals(Optional.empty(), queue.poll());
        Random random = new Random(5);
        List<Double> added = new ArrayList<>();
        // Small on purpose: on RocksDB every poll leaves a tombstone that later seeks step over until a
        // flush, so draining n elements costs O(n^2) there (see StorePriorityQueueState).
        for (int i = 0; i < 300; i++) {
            double d = random.nextInt(100) - 50 + (random.nextBoolean() ? 0.5 : 0.0);
            added.add(d);
        }
        added.addAll(List.of(-0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN));
        store.reset();
        added.forEach(queue::add);
        assertEquals(0, store.reads + store.lists + store.scans, "adding reads nothing");

        store.reset();
        List<Double> sorted = new ArrayList<>(added);
        sorted.sort(Double::compare);
        assertEquals(Optional.of(Double.NEGATIVE_INFINITY), queue.peek());
        assertEquals(1, store.scans, "peek is one seek");
        assertEquals(0, store.lists + store.reads, "peek loads nothing else");
        store.reset();
        assertEquals(Optional.of(Double.NEGATIVE_INFINITY), queue.poll());
        assertEquals(1, store.scans, "poll is one seek ...");
        assertEquals(1, store.writes, "... and one write");
        List<Double> polled = new ArrayList<>(List.of(Double.NEGATIVE_INFINITY));
        while (!queue.isEmpty()) {
            polled.add(queue.poll().orElseThrow());
        }
        assertEquals(sorted, polled);
        queue.add(1.0);
        queue.clear();
        assertTrue(queue.isEmpty());
    }

    @Test
    void aggregatingAndReducingFoldWhatIsAdded() {
        States states = States.of(store).forKey(utf8("sensor-1"));
        AggregateFunction<Long, Tuple2<Long, Long>, Double> average = new AggregateFunction<>() {
            @Override
            public Tuple2<Long, Long> createAccumulator() {
                return new Tuple2<>(0L, 0L);
            }

            @Override
            public Tuple2<Long, Long> add(Tuple2<Long, Long> acc, Long value) {
                return new Tuple2<>(acc.first() + value, acc.second() + 1);
            }

            @Override
            public Double result(Tuple2<Long, Long> acc) {
                return (double) acc.first() / acc.second();
            }
        };
        AggregatingState<Long, Double> avg = states.aggregating("avg", average,
                Codecs.tuple(Codecs.longs(), Codecs.longs()));
        assertEquals(Optional.empty(), avg.get());
        List.of(3L, 5L, 10L).forEach(avg::add);
        assertEquals(Optional.of(6.0), avg.get());
        avg.clear();
        assertEquals(Optional.empty(), avg.get());

        ReducingState<String> longest = states.reducing("longest", (a, b) -> b.length() > a.length() ? b : a,
                Codecs.strings());
        List.of("ab", "abcd", "x", "wxyz").forEach(longest::add);
        assertEquals(Optional.of("abcd"), longest.get());
        assertEquals(Optional.empty(), States.of(store).forKey(utf8("sensor-2")).reducing("longest",
                (String a, String b) -> a, Codecs.strings()).get());
    }

    @Test
    void corruptBytesAreAStoreInternalErrorNamingTheState() {
        raw.put(new ComplexKey(utf8("count"), new byte[0], new byte[0], new byte[0]), new byte[] {1, 2, 3});
        SdkException e = assertThrows(SdkException.class, () -> States.of(store).value("count", Codecs.longs()).value());
        assertEquals(ErrorCode.STORE_INTERNAL, e.code());
        assertTrue(e.getMessage().contains("`count`"), e::getMessage);
        raw.put(new ComplexKey(utf8("list"), new byte[0], new byte[0], new byte[0]), new byte[] {(byte) 0x85});
        assertEquals(ErrorCode.STORE_INTERNAL, assertThrows(SdkException.class,
                () -> States.of(store).list("list", Codecs.longs()).get()).code());
    }

    @Test
    void randomisedMapMatchesATreeMap() {
        MapState<Integer, Long> map = States.of(store).forKey(utf8("k")).namespace(utf8("n")).map("rand",
                Codecs.ints(), Codecs.longs());
        TreeMap<Integer, Long> model = new TreeMap<>();
        Random random = new Random(99);
        for (int i = 0; i < 1_000; i++) {
            int k = random.nextInt(200) - 100;
            if (random.nextInt(4) == 0) {
                map.remove(k);
                model.remove(k);
            } else {
                long v = random.nextLong();
                map.put(k, v);
                model.put(k, v);
            }
        }
        try (Stream<Map.Entry<Integer, Long>> entries = map.entries()) {
            assertEquals(model, entries.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                    (a, b) -> a, TreeMap::new)));
        }
        try (Stream<Map.Entry<Integer, Long>> entries = map.entries()) {
            assertEquals(List.copyOf(model.keySet()), entries.map(Map.Entry::getKey).toList());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A driver that only keeps its context, so the test can build keyed state from it. */
    static final class ContextCapture implements Driver {
        Context ctx;

        @Override
        public void init(Context ctx, Map<String, String> config) {
            this.ctx = ctx;
        }
    }
}
