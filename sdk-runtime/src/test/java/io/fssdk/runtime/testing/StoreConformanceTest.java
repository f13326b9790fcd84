package io.fssdk.runtime.testing;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.ck;
import static io.fssdk.runtime.testing.StoreAssertions.drain;
import static io.fssdk.runtime.testing.StoreAssertions.entry;
import static io.fssdk.runtime.testing.StoreAssertions.hex;
import static io.fssdk.runtime.testing.StoreAssertions.scan;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static io.fssdk.runtime.testing.StoreAssertions.strs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import io.fssdk.api.spi.StateBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store semantics every {@link StateBackend} shares (byte and complex key spaces, ordering, scans, merge,
 * prefix deletes, names, copies, closing), run against every backend: a backend module
 * subclasses this (it ships in sdk-runtime's test-jar) and implements {@link #newBackend}. Passing it is
 * what "behaves like the in-memory backend" means.
 */
public abstract class StoreConformanceTest {
    /** The backend under test, opened before each test and closed after it. */
    protected StateBackend backend;

    /** Opens a new, empty backend that may keep its files under {@code dir}. */
    protected abstract StateBackend newBackend(Path dir);

    @BeforeEach
    void openBackend(@TempDir Path dir) {
        backend = newBackend(dir);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    // ---- encoding -------------------------------------------------------------------------------------

    @Test
    void partsNeverRunIntoEachOther() {
        Store s = backend.openStore("s");
        s.put(ck("a", "bc", "n", "u"), b("1"));
        s.put(ck("ab", "c", "n", "u"), b("2"));
        s.put(ck("g", "a", "bc", "u"), b("3"));
        s.put(ck("g", "ab", "c", "u"), b("4"));
        s.put(ck("g", "k", "ab", ""), b("5"));
        s.put(ck("g", "k", "a", "b"), b("6"));
        assertEquals("1", str(s.get(ck("a", "bc", "n", "u"))));
        assertEquals("2", str(s.get(ck("ab", "c", "n", "u"))));
        assertEquals("3", str(s.get(ck("g", "a", "bc", "u"))));
        assertEquals("4", str(s.get(ck("g", "ab", "c", "u"))));
        assertEquals("5", str(s.get(ck("g", "k", "ab", ""))));
        assertEquals("6", str(s.get(ck("g", "k", "a", "b"))));
        assertEquals(List.of("b"), strs(s.listComplex(b("g"), b("k"), b("a"), b(""), b(""))));
    }

    @Test
    void scanOfKeyU1NeverSeesKeyU10() {
        Store s = backend.openStore("s");
        s.put(ck("g", "u1", "n", "x"), b("mine"));
        s.put(ck("g", "u10", "n", "x"), b("other"));
        s.put(ck("g", "u1", "n0", "x"), b("other namespace"));
        assertEquals(List.of("x=mine"), scan(s, "g", "u1", "n"));
        assertEquals(List.of("x"), strs(s.listComplex(b("g"), b("u1"), b("n"), b(""), b(""))));
    }

    @Test
    void byteKeysSortUnsigned() {
        Store s = backend.openStore("s");
        for (int v : new int[] {0x80, 0x7F, 0xFF, 0x00, 0x01}) {
            s.putState(new byte[] {(byte) v}, b("v"));
        }
        s.putState(new byte[] {0x7F, (byte) 0xFF}, b("v"));
        List<byte[]> keys = s.listStates(b(""), b(""));
        assertEquals(List.of("00", "01", "7f", "7fff", "80", "ff"), hex(keys));
    }

    @Test
    void userKeysSortUnsigned() {
        Store s = backend.openStore("s");
        for (int v : new int[] {0x80, 0x7F, 0xFF, 0x00}) {
            s.put(new ComplexKey(b("g"), b("k"), b("n"), new byte[] {(byte) v}), b("v"));
        }
        assertEquals(List.of("00", "7f", "80", "ff"), hex(s.listComplex(b("g"), b("k"), b("n"), b(""), b(""))));
        List<String> scanned = new ArrayList<>();
        try (StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"))) {
            while (it.hasNext()) {
                scanned.add(hex(List.of(it.next().userKey())).get(0));
            }
        }
        assertEquals(List.of("00", "7f", "80", "ff"), scanned);
    }

    @Test
    void emptyPartsAndEmptyValuesArePresent() {
        Store s = backend.openStore("s");
        ComplexKey empty = ck("", "", "", "");
        assertEquals(Optional.empty(), s.get(empty).map(String::new));
        s.put(empty, new byte[0]);
        assertArrayEquals(new byte[0], s.get(empty).orElseThrow());
        s.putState(new byte[0], new byte[0]);
        assertArrayEquals(new byte[0], s.getState(new byte[0]).orElseThrow());
        assertEquals(List.of(""), strs(s.listStates(b(""), b(""))));
        assertEquals(List.of("="), scan(s, "", "", ""));
        s.deleteState(new byte[0]);
        assertTrue(s.getState(new byte[0]).isEmpty());
    }

    @Test
    void largeValuesRoundTrip() {
        Store s = backend.openStore("s");
        byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        s.putState(b("big"), big);
        s.put(ck("g", "k", "n", "big"), big);
        s.merge(ck("g", "k", "n", "twice"), big);
        s.merge(ck("g", "k", "n", "twice"), big);
        assertArrayEquals(big, s.getState(b("big")).orElseThrow());
        assertArrayEquals(big, s.get(ck("g", "k", "n", "big")).orElseThrow());
        byte[] twice = s.get(ck("g", "k", "n", "twice")).orElseThrow();
        assertEquals(2 << 20, twice.length);
        try (StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"))) {
            assertArrayEquals(big, it.next().value());
        }
    }

    // ---- operations -----------------------------------------------------------------------------------

    @Test
    void mergeConcatenatesExactly() {
        Store s = backend.openStore("s");
        ComplexKey k = ck("g", "k", "n", "m");
        s.merge(k, new byte[] {0, ','});
        assertArrayEquals(new byte[] {0, ','}, s.get(k).orElseThrow(), "merge on an absent key stores the value");
        s.merge(k, new byte[0]);
        s.merge(k, new byte[] {(byte) 0xFF});
        assertArrayEquals(new byte[] {0, ',', (byte) 0xFF}, s.get(k).orElseThrow());
        s.put(k, b("p"));
        s.merge(k, b("q"));
        assertEquals("pq", str(s.get(k)));
        s.delete(k);
        s.merge(k, new byte[0]);
        assertArrayEquals(new byte[0], s.get(k).orElseThrow(), "merging nothing into an absent key makes it present");
    }

    @Test
    void deletePrefixWithEmptyUserKeyRemovesOnlyThatNamespace() {
        Store s = backend.openStore("s");
        fillNeighbours(s);
        for (String u : new String[] {"", "x", "\u00ff\u00ff"}) {
            s.put(ck("g", "u1", "n", u), b("target"));
        }
        s.deletePrefix(ck("g", "u1", "n", ""));
        assertEquals(List.of(), scan(s, "g", "u1", "n"));
        assertNeighboursIntact(s);
    }

    @Test
    void deletePrefixWithUserKeyPrefixRemovesOnlyMatchingUserKeys() {
        Store s = backend.openStore("s");
        fillNeighbours(s);
        for (String u : new String[] {"b", "a", "ab", "abc", "a\u00ff"}) {
            s.put(ck("g", "u1", "n", u), b(u));
        }
        s.put(new ComplexKey(b("g"), b("u1"), b("n"), new byte[] {(byte) 0xFF}), b("ff"));
        s.put(new ComplexKey(b("g"), b("u1"), b("n"), new byte[] {(byte) 0xFF, 0}), b("ff00"));
        s.put(new ComplexKey(b("g"), b("u1"), b("n"), new byte[] {(byte) 0xFE}), b("fe"));
        s.deletePrefix(ck("g", "u1", "n", "a"));
        assertEquals(List.of("b", "fe", "ff", "ff00"), scanValues(s));
        // A prefix of 0xFF bytes has no "next" key of equal length: the range must still end.
        s.deletePrefix(new ComplexKey(b("g"), b("u1"), b("n"), new byte[] {(byte) 0xFF}));
        assertEquals(List.of("b", "fe"), scanValues(s));
        assertNeighboursIntact(s);
    }

    @Test
    void byteKeysAndComplexKeysAreSeparateSpaces() {
        Store s = backend.openStore("s");
        ComplexKey k = ck("g", "k", "n", "u");
        s.putState(KeyCodec.complexKey(k), b("byte"));
        s.putState(b("x"), b("byte"));
        s.put(k, b("complex"));
        assertEquals("byte", str(s.getState(KeyCodec.complexKey(k))));
        assertEquals("complex", str(s.get(k)));
        assertEquals(2, s.listStates(b(""), b("")).size());
        s.deleteState(KeyCodec.complexKey(k));
        assertEquals("complex", str(s.get(k)));
        s.putState(KeyCodec.complexKey(k), b("byte"));
        s.deletePrefix(ck("", "", "", ""));
        s.deletePrefix(ck("g", "k", "n", ""));
        assertEquals("<absent>", str(s.get(k)));
        assertEquals(List.of("byte", "byte"), List.of(str(s.getState(KeyCodec.complexKey(k))), str(s.getState(b("x")))));
    }

    @Test
    void listStatesHonoursBounds() {
        Store s = backend.openStore("s");
        for (String k : new String[] {"a", "b", "c", "d", "e"}) {
            s.putState(b(k), b("v"));
        }
        s.put(ck("a", "b", "c", "d"), b("v"));
        assertEquals(List.of("b", "c"), strs(s.listStates(b("b"), b("d"))));
        assertEquals(List.of("c", "d", "e"), strs(s.listStates(b("c"), b(""))), "empty end means unbounded");
        assertEquals(List.of("a", "b"), strs(s.listStates(b(""), b("c"))), "empty start means from the first key");
        assertEquals(List.of(), strs(s.listStates(b("d"), b("b"))), "an inverted range is empty");
        assertEquals(List.of(), strs(s.listStates(b("c"), b("c"))));
    }

    @Test
    void listComplexHonoursBoundsAndReturnsUserKeysOnly() {
        Store s = backend.openStore("s");
        for (String u : new String[] {"a", "b", "c", "d"}) {
            s.put(ck("g", "k", "n", u), b("v"));
        }
        s.put(ck("g", "k", "n0", "a"), b("v"));
        s.put(ck("g", "k0", "n", "a"), b("v"));
        assertEquals(List.of("a", "b", "c", "d"), strs(s.listComplex(b("g"), b("k"), b("n"), b(""), b(""))));
        assertEquals(List.of("b", "c"), strs(s.listComplex(b("g"), b("k"), b("n"), b("b"), b("d"))));
        assertEquals(List.of("c", "d"), strs(s.listComplex(b("g"), b("k"), b("n"), b("c"), b(""))));
        assertEquals(List.of(), strs(s.listComplex(b("g"), b("k"), b("n"), b("d"), b("a"))));
        assertEquals(List.of(), strs(s.listComplex(b("g"), b("none"), b("n"), b(""), b(""))));
    }

    // ---- iterators ------------------------------------------------------------------------------------

    @Test
    void scanIsASnapshotWhileTheStoreChanges() {
        Store s = backend.openStore("s");
        for (int i = 0; i < 5; i++) {
            s.put(ck("g", "k", "n", "u" + i), b("v" + i));
        }
        StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"));
        Store other = backend.openStore("s");
        other.put(ck("g", "k", "n", "u0"), b("changed"));
        s.delete(ck("g", "k", "n", "u1"));
        s.put(ck("g", "k", "n", "u05"), b("inserted"));
        assertEquals("u0=v0", entry(it.next()));
        s.deletePrefix(ck("g", "k", "n", ""));
        s.merge(ck("g", "k", "n", "u3"), b("+"));
        s.put(ck("g", "k", "n", "u9"), b("late"));
        StoreIterator later = s.scanComplex(b("g"), b("k"), b("n"));
        s.put(ck("g", "k", "n", "u8"), b("after later"));
        assertEquals(List.of("u1=v1", "u2=v2", "u3=v3", "u4=v4"), drain(it));
        assertEquals(List.of("u3=+", "u9=late"), drain(later));
        assertEquals(List.of("u3=+", "u8=after later", "u9=late"), scan(s, "g", "k", "n"));
    }

    @Test
    void iteratorEndsWithNoSuchElement() {
        Store s = backend.openStore("s");
        try (StoreIterator empty = s.scanComplex(b("g"), b("k"), b("n"))) {
            assertFalse(empty.hasNext());
            assertThrows(NoSuchElementException.class, empty::next);
        }
        s.put(ck("g", "k", "n", "only"), b("v"));
        try (StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"))) {
            assertTrue(it.hasNext());
            assertTrue(it.hasNext(), "hasNext must not advance");
            assertEquals("only=v", entry(it.next()));
            assertFalse(it.hasNext());
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
        }
    }

    @Test
    void closingAStoreClosesItsIterators() {
        Store s = backend.openStore("s");
        s.put(ck("g", "k", "n", "u"), b("v"));
        StoreIterator a = s.scanComplex(b("g"), b("k"), b("n"));
        StoreIterator b = s.scanComplex(b("g"), b("k"), b("n"));
        Store other = backend.openStore("s");
        StoreIterator c = other.scanComplex(b("g"), b("k"), b("n"));
        s.close();
        assertClosed(a::hasNext);
        assertClosed(b::next);
        assertEquals("u=v", entry(c.next()), "another handle's iterator stays open");
        a.close();
        assertEquals("v", str(other.get(ck("g", "k", "n", "u"))), "data outlives a closed handle");
    }

    // ---- closing ---------------------------------------------------------------------------------------

    @Test
    void closedStoreRejectsEveryCall() {
        Store s = backend.openStore("s");
        s.close();
        s.close();
        ComplexKey k = ck("g", "k", "n", "u");
        byte[] x = b("x");
        for (Executable call : List.<Executable>of(() -> s.putState(x, x), () -> s.getState(x), () -> s.deleteState(x),
                () -> s.listStates(x, x), () -> s.put(k, x), () -> s.get(k), () -> s.delete(k), () -> s.merge(k, x),
                () -> s.deletePrefix(k), () -> s.listComplex(x, x, x, x, x), () -> s.scanComplex(x, x, x))) {
            assertClosed(call);
        }
    }

    @Test
    void closedIteratorRejectsEveryCall() {
        Store s = backend.openStore("s");
        s.put(ck("g", "k", "n", "u"), b("v"));
        StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"));
        it.close();
        it.close();
        assertClosed(it::hasNext);
        assertClosed(it::next);
        assertEquals(List.of("u=v"), scan(s, "g", "k", "n"), "closing an iterator leaves its store open");
    }

    @Test
    void closedBackendRejectsEveryCall() {
        Store s = backend.openStore("s");
        s.put(ck("g", "k", "n", "u"), b("v"));
        StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"));
        backend.close();
        backend.close();
        assertClosed(() -> backend.openStore("s"));
        assertClosed(() -> s.get(ck("g", "k", "n", "u")));
        assertClosed(it::hasNext);
        it.close();
        s.close();
    }

    // ---- names -----------------------------------------------------------------------------------------

    @Test
    void emptyOrBlankNamesAreInvalid() {
        for (String name : new String[] {null, "", " ", "\t\n", "\u2003"}) {
            SdkException e = assertThrows(SdkException.class, () -> backend.openStore(name));
            assertEquals(ErrorCode.STORE_INVALID_NAME, e.code());
        }
    }

    @Test
    void namesAreTrimmedAndTheSameNameSharesData() {
        Store a = backend.openStore(" s ");
        assertEquals("s", a.name());
        a.putState(b("k"), b("v"));
        Store b = backend.openStore("s");
        assertEquals("v", str(b.getState(b("k"))));
        b.put(ck("g", "k", "n", "u"), b("w"));
        assertEquals("w", str(a.get(ck("g", "k", "n", "u"))));
        assertTrue(backend.openStore("S").getState(b("k")).isEmpty(), "names are case-sensitive");
    }

    @Test
    void manyStoresAreIsolated() {
        int n = 50;
        for (int i = 0; i < n; i++) {
            Store s = backend.openStore("store-" + i);
            s.putState(b("k"), b("v" + i));
            s.put(ck("g", "k", "n", "u"), b("c" + i));
            s.merge(ck("g", "k", "n", "m"), b("m" + i));
        }
        for (int i = 0; i < n; i++) {
            Store s = backend.openStore("store-" + i);
            assertEquals("v" + i, str(s.getState(b("k"))));
            assertEquals(List.of("m=m" + i, "u=c" + i), scan(s, "g", "k", "n"));
            assertEquals(1, s.listStates(b(""), b("")).size());
            // Later stores are checked after earlier ones were emptied: nothing leaks between them.
            s.deletePrefix(ck("g", "k", "n", ""));
        }
    }

    @Test
    void arraysAreCopiedInBothDirections() {
        Store s = backend.openStore("s");
        byte[] key = b("k");
        byte[] value = b("v");
        byte[] user = b("u");
        s.putState(key, value);
        s.put(new ComplexKey(b("g"), b("k"), b("n"), user), value);
        s.merge(ck("g", "k", "n", "m"), value);
        key[0] = 'X';
        value[0] = 'X';
        user[0] = 'X';
        s.getState(b("k")).orElseThrow()[0] = 'Y';
        s.get(ck("g", "k", "n", "u")).orElseThrow()[0] = 'Y';
        s.listStates(b(""), b("")).get(0)[0] = 'Y';
        s.listComplex(b("g"), b("k"), b("n"), b(""), b("")).get(0)[0] = 'Y';
        try (StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"))) {
            StoreEntry e = it.next();
            e.userKey()[0] = 'Y';
            e.value()[0] = 'Y';
        }
        assertEquals("v", str(s.getState(b("k"))));
        assertEquals(List.of("k"), strs(s.listStates(b(""), b(""))));
        assertEquals(List.of("m=v", "u=v"), scan(s, "g", "k", "n"));
    }

    @Test
    void nullArgumentsAreRejected() {
        Store s = backend.openStore("s");
        byte[] x = b("x");
        ComplexKey k = ck("g", "k", "n", "u");
        for (Executable call : List.<Executable>of(() -> s.putState(null, x), () -> s.putState(x, null),
                () -> s.getState(null), () -> s.listStates(x, null), () -> s.put(k, null), () -> s.get(null),
                () -> s.merge(null, x), () -> s.deletePrefix(null), () -> s.listComplex(x, null, x, x, x),
                () -> s.scanComplex(x, x, null))) {
            assertThrows(NullPointerException.class, call);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Entries next to (g, u1, n) in every direction the encoding could confuse. */
    private static final List<ComplexKey> NEIGHBOURS = List.of(ck("g", "u10", "n", "a"), ck("g", "u1", "n0", "a"),
            ck("g", "u1", "", "a"), ck("g0", "u1", "n", "a"), ck("g", "u", "1n", "a"), ck("", "g", "u1", "n"),
            ck("g", "u1\u0000", "n", "a"), ck("g", "u0", "n", "a"), ck("g", "u2", "n", "a"));

    private static void fillNeighbours(Store s) {
        NEIGHBOURS.forEach(k -> s.put(k, b("neighbour")));
        s.putState(b("u1"), b("byte key"));
        s.putState(KeyCodec.complexKey(ck("g", "u1", "n", "a")), b("byte key"));
    }

    private static void assertNeighboursIntact(Store s) {
        for (ComplexKey k : NEIGHBOURS) {
            assertEquals("neighbour", str(s.get(k)), k::toString);
        }
        assertEquals(2, s.listStates(b(""), b("")).size());
    }

    private static List<String> scanValues(Store s) {
        List<String> out = new ArrayList<>();
        try (StoreIterator it = s.scanComplex(b("g"), b("u1"), b("n"))) {
            while (it.hasNext()) {
                out.add(new String(it.next().value(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static void assertClosed(Executable call) {
        SdkException e = assertThrows(SdkException.class, call);
        assertEquals(ErrorCode.RUNTIME_CLOSED, e.code(), e::getMessage);
    }
}
