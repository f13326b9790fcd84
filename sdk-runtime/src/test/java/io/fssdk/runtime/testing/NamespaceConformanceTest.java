package io.fssdk.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.processor.WasmDriver;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store namespaces (issue 13) on a backend shared by several runners: an operator's stores are its own
 * whatever names other operators ask for; sharing needs both sides; a restarted operator finds its state;
 * stores of the previous, un-namespaced layout are copied into each namespace once. A backend module
 * subclasses it like the other conformance suites.
 *
 * <p>The outsider's report this answers: "any operator on a shared backend can open another operator's
 * store by name and overwrite it. A hostile guest set a victim's count from 2 to 999999."
 */
public abstract class NamespaceConformanceTest {
    /** The backend under test; {@link #restart} may replace it. */
    protected CheckpointingStateBackend backend;
    private Path dir;
    private final List<OperatorRunner> runners = new ArrayList<>();

    /** Opens a backend that keeps its files (if any) under {@code dir}. */
    protected abstract CheckpointingStateBackend newBackend(Path dir);

    /**
     * The backend as a new process would find it: a durable backend is closed and opened again on the same
     * files; one that keeps nothing beyond the JVM returns {@code old} unchanged.
     */
    protected abstract CheckpointingStateBackend restart(CheckpointingStateBackend old, Path dir);

    @BeforeEach
    void openBackend(@TempDir Path dir) {
        this.dir = dir;
        backend = newBackend(dir);
    }

    @AfterEach
    void closeAll() {
        runners.forEach(OperatorRunner::close);
        backend.close();
    }

    @Test
    void aHostileOperatorCannotReadOrOverwriteAnotherOperatorsStore() {
        OperatorRunner victim = counter("counter", b -> { });
        victim.process(0, utf8("hello"));
        victim.process(0, utf8("hello"));
        Ops hostile = new Ops();
        OperatorRunner intruder = runner("intruder", hostile, b -> { });
        // Every spelling of the victim's store an operator might try: its bare name, its identity, paths.
        for (String name : List.of("counter-store", "@counter/counter-store", "../counter/counter-store",
                "/counter-store", "counter/counter-store", "@/counter-store", "%2F/counter-store")) {
            assertEquals("<absent>", hostile.get(intruder, name, "hello"), name);
            hostile.put(intruder, name, "hello", "999999");
        }
        assertEquals("2", stored("counter", "counter-store", "hello"), "the victim's count");
        victim.process(0, utf8("hello"));
        assertEquals("3", stored("counter", "counter-store", "hello"));
        assertEquals("999999", hostile.get(intruder, "counter-store", "hello"), "the intruder has its own store");
    }

    @Test
    void aHostileGuestCannotSetAnotherOperatorsCount() {
        // The outsider's run, with a real component: intruder.wasm opens whatever store its record names
        // and writes there (see its header). Before namespaces it set the victim's count from 2 to 999999.
        OperatorRunner victim = counter("counter", b -> { });
        victim.process(0, utf8("hello"));
        victim.process(0, utf8("hello"));
        OperatorRunner intruder = runner("intruder", WasmDriver.builder().operatorName("intruder")
                .componentResource("io/fssdk/runtime/processor/hostile/intruder.wasm").build(), b -> { });
        for (String name : List.of("counter-store", "@counter/counter-store", "../counter/counter-store")) {
            intruder.process(0, intruderRecord(name, "hello", "999999"));
        }
        assertEquals("2", stored("counter", "counter-store", "hello"), "the victim's count");
        assertEquals("999999", stored("intruder", "counter-store", "hello"), "the guest wrote its own store");
        victim.process(0, utf8("hello"));
        assertEquals("3", stored("counter", "counter-store", "hello"));
    }

    @Test
    void aRestartedOperatorFindsItsStateUnderTheSameName() {
        OperatorRunner first = counter("counter", b -> { });
        first.process(0, utf8("hello"));
        first.process(0, utf8("hello"));
        closeRunners();
        backend = restart(backend, dir);
        OperatorRunner again = counter("counter", b -> { });
        again.process(0, utf8("hello"));
        assertEquals("3", stored("counter", "counter-store", "hello"));
    }

    @Test
    void aStoreNamespaceKeepsStateAcrossARename() {
        counter("counter", b -> { }).process(0, utf8("hello"));
        OperatorRunner renamed = counter("counter-v2", b -> b.storeNamespace("counter"));
        assertEquals("counter", renamed.storeNamespace());
        renamed.process(0, utf8("hello"));
        assertEquals("2", stored("counter", "counter-store", "hello"));
    }

    @Test
    void sharingAStoreNeedsBothOperatorsToDeclareIt() {
        Ops a = new Ops();
        Ops b = new Ops();
        Ops c = new Ops();
        OperatorRunner ra = runner("a", a, x -> x.sharedStore("totals"));
        OperatorRunner rb = runner("b", b, x -> x.sharedStore(" totals "));
        OperatorRunner rc = runner("c", c, x -> { });
        a.put(ra, "totals", "k", "from-a");
        assertEquals("from-a", b.get(rb, "totals", "k"), "b declared it too");
        assertEquals("<absent>", c.get(rc, "totals", "k"), "c did not");
        c.put(rc, "totals", "k", "from-c");
        assertEquals("from-a", b.get(rb, "totals", "k"));
        b.put(rb, "own", "k", "b-only");
        assertEquals("<absent>", a.get(ra, "own", "k"), "undeclared names stay private");
        try (Store shared = backend.openStore(StoreNames.shared("totals"))) {
            assertEquals("from-a", StoreAssertions.str(shared.getState(utf8("k"))));
        }
    }

    @Test
    void namesWithSeparatorsSlashesNulAndUnicodeNeverMeetAcrossNamespaces() {
        Ops one = new Ops();
        Ops two = new Ops();
        // Namespace "a" with store "b/c" and namespace "a/b" with store "c" would meet under a naive "ns/name".
        OperatorRunner a = runner("a", one, x -> { });
        OperatorRunner ab = runner("a/b", two, x -> { });
        List<String> names = List.of("b/c", "c", "%2F", "x\0y", "x", "é/😀", "@a/b", "\uD800", "\uDC00");
        // Values name the writer and the store's index (a lone surrogate does not survive UTF-8 as a value).
        for (int i = 0; i < names.size(); i++) {
            one.put(a, names.get(i), "k", "a:" + i);
            two.put(ab, names.get(i), "k", "a/b:" + i);
        }
        for (int i = 0; i < names.size(); i++) {
            assertEquals("a:" + i, one.get(a, names.get(i), "k"), names.get(i));
            assertEquals("a/b:" + i, two.get(ab, names.get(i), "k"), names.get(i));
        }
    }

    @Test
    void aLegacyStoreIsCopiedOnceIntoEachNamespaceAndLeftAsItWas() {
        legacy("counter-store", "hello", "5");
        OperatorRunner counter = counter("counter", b -> { });
        counter.process(0, utf8("hello"));
        assertEquals("6", stored("counter", "counter-store", "hello"), "continued from the legacy count");
        assertEquals("5", legacyValue("counter-store", "hello"), "the legacy store is only read");
        counter("other", b -> { }).process(0, utf8("hello"));
        assertEquals("6", stored("other", "counter-store", "hello"), "a second operator gets its own copy");

        legacy("counter-store", "hello", "100");
        closeRunners();
        backend = restart(backend, dir);
        counter("counter", b -> { }).process(0, utf8("hello"));
        assertEquals("7", stored("counter", "counter-store", "hello"), "copied once, never again");
    }

    @Test
    void migrationCanBeTurnedOffForAnOperator() {
        legacy("counter-store", "hello", "5");
        counter("fresh", b -> b.migrateLegacyStores(false)).process(0, utf8("hello"));
        assertEquals("1", stored("fresh", "counter-store", "hello"));
        // Once created without a copy, the store is never filled later by a runner that migrates.
        closeRunners();
        counter("fresh", b -> { }).process(0, utf8("hello"));
        assertEquals("2", stored("fresh", "counter-store", "hello"));
    }

    @Test
    void aBareNameThatSpellsAnIdentityIsNeverAMigrationSource() {
        OperatorRunner victim = counter("counter", b -> { });
        victim.process(0, utf8("hello"));
        Ops hostile = new Ops();
        OperatorRunner intruder = runner("intruder", hostile, b -> { });
        // Were "@counter/counter-store" treated as a legacy name, the intruder would get a copy of the victim.
        assertEquals("<absent>", hostile.get(intruder, "@counter/counter-store", "hello"));
    }

    @Test
    void aSharedStoreMigratesFromTheBareNameTheOperatorsSharedBefore() {
        legacy("totals", "k", "old");
        Ops a = new Ops();
        Ops b = new Ops();
        OperatorRunner ra = runner("a", a, x -> x.sharedStore("totals"));
        OperatorRunner rb = runner("b", b, x -> x.sharedStore("totals"));
        assertEquals("old", a.get(ra, "totals", "k"));
        a.put(ra, "totals", "k", "new");
        assertEquals("new", b.get(rb, "totals", "k"), "one copy, shared; not one per operator");
    }

    @Test
    void aCheckpointFromBeforeNamespacesIsMigratedWhenRestored() {
        legacy("counter-store", "hello", "5");
        backend.checkpoint(1);
        OperatorRunner counter = counter("counter", b -> { });
        counter.process(0, utf8("hello"));
        counter.process(0, utf8("hello"));
        assertEquals("7", stored("counter", "counter-store", "hello"));
        counter.restore(1);
        counter.process(0, utf8("hello"));
        assertEquals("6", stored("counter", "counter-store", "hello"), "the restored legacy count, migrated again");
    }

    @Test
    void badNamespacesAreConfigurationErrors() {
        SdkException blank = assertThrows(SdkException.class, () -> OperatorRunner.builder().operatorName("op")
                .storeNamespace(" ").driver(new Ops()).stateBackend(backend).build());
        assertEquals(ErrorCode.CONFIG_INVALID, blank.code());
        assertEquals(ErrorCode.STORE_INVALID_NAME, assertThrows(SdkException.class,
                () -> OperatorRunner.builder().sharedStore("\t")).code());
    }

    /** The count the counting operator {@code namespace} keeps for {@code key}, read on the backend. */
    protected final String stored(String namespace, String store, String key) {
        try (Store s = backend.openStore(StoreNames.namespaced(namespace, store))) {
            return StoreAssertions.str(s.getState(utf8(key)));
        }
    }

    private void legacy(String store, String key, String value) {
        try (Store s = backend.openStore(store)) {
            s.putState(utf8(key), utf8(value));
        }
    }

    private String legacyValue(String store, String key) {
        try (Store s = backend.openStore(store)) {
            return StoreAssertions.str(s.getState(utf8(key)));
        }
    }

    private OperatorRunner counter(String name, Consumer<OperatorRunner.Builder> options) {
        return runner(name, new Counting(), options);
    }

    private OperatorRunner runner(String name, Driver driver, Consumer<OperatorRunner.Builder> options) {
        OperatorRunner.Builder b = OperatorRunner.builder().operatorName(name).driver(driver).stateBackend(backend);
        options.accept(b);
        OperatorRunner runner = b.build();
        runner.init();
        runners.add(runner);
        return runner;
    }

    private void closeRunners() {
        runners.forEach(OperatorRunner::close);
        runners.clear();
    }

    /** A record of intruder.wasm: length-prefixed store name and key, then the value. */
    private static byte[] intruderRecord(String store, String key, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8(store).length);
        out.writeBytes(utf8(store));
        out.write(utf8(key).length);
        out.writeBytes(utf8(key));
        out.writeBytes(utf8(value));
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Counts each record in store {@code counter-store}, as the example counters do. */
    private static final class Counting implements Driver {
        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            Store s = ctx.getOrCreateStore("counter-store");
            long n = s.getState(data).map(v -> Long.parseLong(new String(v, StandardCharsets.UTF_8))).orElse(0L);
            s.putState(data, utf8(Long.toString(n + 1)));
        }
    }

    /** Runs what the test hands it inside {@code custom}: reads and writes of stores chosen by name. */
    private static final class Ops implements Driver {
        private Function<Context, String> next = c -> "";

        @Override
        public byte[] custom(Context ctx, byte[] payload) {
            return utf8(next.apply(ctx));
        }

        void put(OperatorRunner runner, String store, String key, String value) {
            next = c -> {
                c.getOrCreateStore(store).putState(utf8(key), utf8(value));
                return "";
            };
            runner.custom(new byte[0]);
        }

        String get(OperatorRunner runner, String store, String key) {
            next = c -> c.getOrCreateStore(store).getState(utf8(key))
                    .map(v -> new String(v, StandardCharsets.UTF_8)).orElse("<absent>");
            return new String(runner.custom(new byte[0]), StandardCharsets.UTF_8);
        }
    }
}
