package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every WIT type through a C guest (all-types.c, world {@code all-types}), in both directions: exports
 * {@code echo-<t>} lift what the host lowered, and {@code via-host-<t>} pass it on to the host's identity
 * import {@code test:all/host.echo-<t>} and back. Every export has a post-return that empties the guest's
 * arena, so {@code arena-used() == 0} after each call proves post-return ran. The value table is in
 * {@link AllTypesValues}.
 */
class AllTypesComponentTest {
    private static final String HOST = "test:all/host";
    private static final String BLOBS = "test:all/blobs#";

    /** The host's representation of an {@code hres}; compared by identity. */
    private static final class Hres {
        final int v;

        Hres(int v) {
            this.v = v;
        }
    }

    /** Every argument the host's echo functions received, in order. */
    private final List<WitValue> received = new ArrayList<>();
    /** What the host saw of {@code hres}: "new 7", "peek 7", "echo 7", "get 7", "drop 7". */
    private final List<String> events = new ArrayList<>();
    private final ResourceType hres = ResourceType.host("hres", HOST, rep -> events.add("drop " + ((Hres) rep).v));

    private Linker.Builder host() {
        // `test:all/types` declares only value types, so it needs no host definition at all (see
        // aTypesOnlyInterfaceNeedsNoHostDefinition); `received` and `events` prove the host ran.
        Linker.Builder b = Linker.builder().resource(HOST, hres)
                .function(HOST, "[constructor]hres", a -> {
                    Hres h = new Hres(((WitValue.U32) a.get(0)).value());
                    events.add("new " + h.v);
                    return Optional.of(WitValue.own(ResourceHandle.own(hres, h)));
                })
                .function(HOST, "[method]hres.get", a -> {
                    Hres h = ((WitValue.Borrow) a.get(0)).handle().rep(Hres.class);
                    events.add("get " + h.v);
                    return Optional.of(WitValue.u32(h.v));
                })
                .function(HOST, "hres-echo", a -> {
                    ResourceHandle h = ((WitValue.Own) a.get(0)).handle();
                    assertTrue(h.isOwned() && h.isLive(), "an own parameter arrives as a live owning handle");
                    events.add("echo " + h.rep(Hres.class).v);
                    return Optional.of(a.get(0));
                })
                .function(HOST, "hres-peek", a -> {
                    ResourceHandle h = ((WitValue.Borrow) a.get(0)).handle();
                    assertFalse(h.isOwned(), "a borrow parameter arrives as a borrowed view");
                    events.add("peek " + h.rep(Hres.class).v);
                    return Optional.of(WitValue.u32(h.rep(Hres.class).v * 100));
                });
        return b;
    }

    private Linker echoingHost() {
        Linker.Builder b = host();
        for (String t : AllTypesValues.TYPES) {
            b.function(HOST, "echo-" + t, a -> {
                received.add(a.get(0));
                return Optional.of(a.get(0));
            });
        }
        return b.build();
    }

    private ComponentInstance instance(ExecutionMode mode) {
        Component c = mode == ExecutionMode.COMPILER ? TestComponents.load("all-types.wasm")
                : TestComponents.interpreted("all-types.wasm");
        return echoingHost().instantiate(c);
    }

    private static int u32(ComponentInstance i, String export, WitValue... args) {
        return ((WitValue.U32) i.call(export, args).orElseThrow()).value();
    }

    private static void assertArenaEmpty(ComponentInstance i, String after) {
        assertEquals(0, u32(i, "arena-used"), () -> "post-return did not run after " + after);
    }

    private void roundTrip(ComponentInstance i, String type, WitValue in, WitValue expected) {
        assertEquals(expected, i.call("echo-" + type, in).orElseThrow(), "echo-" + type);
        assertArenaEmpty(i, "echo-" + type);
        received.clear();
        assertEquals(expected, i.call("via-host-" + type, in).orElseThrow(), "via-host-" + type);
        assertEquals(List.of(expected), received, "what the host's echo-" + type + " received");
        assertArenaEmpty(i, "via-host-" + type);
        assertFalse(i.isPoisoned());
    }

    @Test
    void aTypesOnlyInterfaceNeedsNoHostDefinition() {
        // Regression: `test:all/types` exports only records, variants, enums and flags (no functions, no
        // resources). Instantiation demanded a host definition of it ("no host interface of a compatible
        // version is defined"), though there is nothing to define; FIXTURES.md: a host must accept it.
        Linker.Builder b = Linker.builder().resource(HOST, hres);
        for (String f : List.of("[constructor]hres", "[method]hres.get", "hres-echo", "hres-peek")) {
            b.function(HOST, f, a -> Optional.empty());
        }
        AllTypesValues.TYPES.forEach(t -> b.function(HOST, "echo-" + t, a -> Optional.of(a.get(0))));
        ComponentInstance i = b.build().instantiate(TestComponents.load("all-types.wasm"));
        assertEquals(WitValue.u8(7), i.call("via-host-u8", WitValue.u8(7)).orElseThrow());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("io.fssdk.runtime.component.AllTypesValues#all")
    void everyValueRoundTripsThroughExportsAndImports(String type, WitValue in, WitValue expected) {
        roundTrip(instance(ExecutionMode.COMPILER), type, in, expected);
    }

    @ParameterizedTest(name = "{0} = {1} (interpreter)")
    @MethodSource("io.fssdk.runtime.component.AllTypesValues#firstAndLastOfEachType")
    void aValueOfEveryTypeRoundTripsInTheInterpreter(String type, WitValue in, WitValue expected) {
        roundTrip(instance(ExecutionMode.INTERPRETER), type, in, expected);
    }

    @Test
    void oneInstanceTakesTheWholeTableInOrder() {
        // The same instance for every call: handle tables, the arena and realloc state carry over.
        ComponentInstance i = instance(ExecutionMode.COMPILER);
        AllTypesValues.all().forEach(a -> roundTrip(i, (String) a.get()[0], (WitValue) a.get()[1],
                (WitValue) a.get()[2]));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHostResourceIsMadeLentGivenBackReadAndDroppedByTheGuest(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        assertEquals(707, u32(i, "via-host-hres", WitValue.u32(7)));
        assertEquals(List.of("new 7", "peek 7", "echo 7", "get 7", "drop 7"), events);
        assertArenaEmpty(i, "via-host-hres");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anOwnedHostResourceComesBackAsTheSameObject(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        Hres h = new Hres(5);
        ResourceHandle given = ResourceHandle.own(hres, h);
        ResourceHandle back = assertInstanceOf(WitValue.Own.class,
                i.call("own-hres-roundtrip", WitValue.own(given)).orElseThrow()).handle();
        assertFalse(given.isLive(), "ownership moved into the guest");
        assertTrue(back.isOwned() && back.isLive());
        assertSame(h, back.rep(Hres.class));
        assertEquals(List.of("echo 5"), events, "no destructor ran on the way");
        back.drop();
        assertEquals(List.of("echo 5", "drop 5"), events);
        assertArenaEmpty(i, "own-hres-roundtrip");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBorrowedHostResourceIsLentAndStaysAlive(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        ResourceHandle h4 = ResourceHandle.own(hres, new Hres(4));
        assertEquals(400, u32(i, "borrow-hres", WitValue.borrow(h4)));
        assertTrue(h4.isLive());
        assertEquals(400, u32(i, "borrow-hres", WitValue.borrow(h4)));
        assertEquals(List.of("peek 4", "peek 4"), events);
        assertArenaEmpty(i, "borrow-hres");
    }

    private static ResourceHandle own(WitValue v) {
        return assertInstanceOf(WitValue.Own.class, v).handle();
    }

    private static WitValue bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
            b[k] = (byte) values[k];
        }
        return WitValue.bytes(b);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aGuestResourceLivesAndDiesAsTheGuestSays(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        ResourceHandle b = own(i.call(BLOBS + "[constructor]blob", bytes(1, 2, 3)).orElseThrow());
        assertArenaEmpty(i, "[constructor]blob");
        assertEquals(3, u32(i, BLOBS + "[method]blob.size", WitValue.borrow(b)));
        assertEquals(bytes(1, 2, 3), i.call(BLOBS + "[method]blob.data", WitValue.borrow(b)).orElseThrow());
        assertEquals(3, u32(i, BLOBS + "blob-size", WitValue.borrow(b)));
        assertEquals(1, u32(i, BLOBS + "blobs-alive"));

        ResourceHandle echoed = own(i.call(BLOBS + "echo-blob", WitValue.own(b)).orElseThrow());
        assertFalse(b.isLive());
        assertEquals(3, u32(i, BLOBS + "[method]blob.size", WitValue.borrow(echoed)));
        assertEquals(1, u32(i, BLOBS + "blobs-alive"), "echo-blob handed back the same blob");

        assertEquals(bytes(1, 2, 3), i.call(BLOBS + "blob-take", WitValue.own(echoed)).orElseThrow());
        assertFalse(echoed.isLive());
        assertEquals(0, u32(i, BLOBS + "blobs-alive"), "blob-take's resource.drop ran the destructor");
        assertArenaEmpty(i, "blob-take");

        ResourceHandle made = own(i.call(BLOBS + "blob-make", bytes(9)).orElseThrow());
        assertEquals(bytes(9), i.call(BLOBS + "[method]blob.data", WitValue.borrow(made)).orElseThrow());
        assertEquals(1, u32(i, BLOBS + "blobs-alive"));
        made.drop();
        assertEquals(0, u32(i, BLOBS + "blobs-alive"), "the host's drop ran the guest's destructor");
        assertArenaEmpty(i, "blob-make");
    }

    @Test
    void anEmptyBlobAndABigOne() {
        ComponentInstance i = instance(ExecutionMode.COMPILER);
        ResourceHandle empty = own(i.call(BLOBS + "blob-make", WitValue.bytes(new byte[0])).orElseThrow());
        assertEquals(0, u32(i, BLOBS + "blob-size", WitValue.borrow(empty)));
        byte[] big = new byte[200_000];
        for (int k = 0; k < big.length; k++) {
            big[k] = (byte) (k * 31);
        }
        ResourceHandle large = own(i.call(BLOBS + "blob-make", WitValue.bytes(big)).orElseThrow());
        assertEquals(WitValue.bytes(big), i.call(BLOBS + "blob-take", WitValue.own(large)).orElseThrow());
        assertEquals(WitValue.bytes(new byte[0]), i.call(BLOBS + "blob-take", WitValue.own(empty)).orElseThrow());
        assertEquals(0, u32(i, BLOBS + "blobs-alive"));
        assertArenaEmpty(i, "blob-take");
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("u8", WitValue.u32(1)),
                Arguments.of("s64", WitValue.u64(1)),
                Arguments.of("f32", WitValue.f64(1)),
                Arguments.of("string", WitValue.bytes(new byte[] {'a'})),
                Arguments.of("bytes", WitValue.list(WitValue.u32(1))),
                Arguments.of("strings", WitValue.list(WitValue.string("a"), WitValue.u8(1))),
                Arguments.of("points", WitValue.list(WitValue.record(WitValue.s32(1)))),
                Arguments.of("point", WitValue.record(WitValue.s32(1), WitValue.s32(2), WitValue.s32(3))),
                Arguments.of("point", WitValue.tuple(WitValue.s32(1), WitValue.s32(2))),
                Arguments.of("mixed", WitValue.record(WitValue.u8(0), WitValue.u64(0), WitValue.string(""),
                        WitValue.list(WitValue.u32(1)), WitValue.none())),
                Arguments.of("tuple", WitValue.tuple(WitValue.u8(0), WitValue.string(""))),
                Arguments.of("shape", WitValue.variant(5)),
                Arguments.of("shape", WitValue.variant(1)),
                Arguments.of("shape", WitValue.variant(0, WitValue.u32(1))),
                Arguments.of("shape", WitValue.variant(1, WitValue.f64(1))),
                Arguments.of("color", WitValue.enumCase(3)),
                Arguments.of("option-string", WitValue.some(WitValue.u32(1))),
                Arguments.of("option-option", WitValue.some(WitValue.some(WitValue.s32(5)))),
                Arguments.of("option-option", WitValue.some(WitValue.u32(5))),
                Arguments.of("result-string-u32", WitValue.ok()),
                Arguments.of("result-u32", WitValue.err(WitValue.u32(1))),
                Arguments.of("result-error", WitValue.ok(WitValue.string(""))),
                Arguments.of("result-empty", WitValue.ok(WitValue.u32(0))),
                Arguments.of("small-flags", WitValue.flags(3)),
                Arguments.of("medium-flags", WitValue.flags(12)),
                Arguments.of("big-flags", WitValue.flags(0, 32)),
                Arguments.of("big-flags", WitValue.enumCase(0)));
    }

    @ParameterizedTest(name = "{0} given {1}")
    @MethodSource("badArguments")
    void aValueOfTheWrongShapeIsRejectedBeforeTheGuestSeesIt(String type, WitValue bad) {
        ComponentInstance i = instance(ExecutionMode.COMPILER);
        for (String export : List.of("echo-" + type, "via-host-" + type)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> i.call(export, bad));
            assertTrue(e.getMessage().startsWith("param 0: "), e.getMessage());
        }
        assertTrue(received.isEmpty(), "the host was never called");
        assertFalse(i.isPoisoned());
        assertArenaEmpty(i, "a rejected call");
    }

    static Stream<Arguments> badHostResults() {
        return Stream.of(
                Arguments.of("u8", Optional.of(WitValue.u32(1))),
                Arguments.of("u8", Optional.empty()),
                Arguments.of("string", Optional.of(WitValue.bytes(new byte[] {'a'}))),
                Arguments.of("points", Optional.of(WitValue.list(WitValue.record(WitValue.s32(1))))),
                Arguments.of("mixed", Optional.of(WitValue.record(WitValue.u8(0)))),
                Arguments.of("shape", Optional.of(WitValue.variant(5))),
                Arguments.of("shape", Optional.of(WitValue.variant(3))),
                Arguments.of("color", Optional.of(WitValue.enumCase(3))),
                Arguments.of("option-option", Optional.of(WitValue.some(WitValue.some(WitValue.string("x"))))),
                Arguments.of("result-u32", Optional.of(WitValue.err(WitValue.u32(1)))),
                Arguments.of("result-empty", Optional.of(WitValue.ok(WitValue.u32(1)))),
                Arguments.of("small-flags", Optional.of(WitValue.flags(3))),
                Arguments.of("big-flags", Optional.of(WitValue.flags(32))));
    }

    @ParameterizedTest(name = "host echo-{0} returns {1}")
    @MethodSource("badHostResults")
    void aHostResultOfTheWrongShapeTrapsTheCallingGuest(String type, Optional<WitValue> bad) {
        ComponentInstance i = host().stubUnknownImports(true)
                .function(HOST, "echo-" + type, a -> bad).build()
                .instantiate(TestComponents.load("all-types.wasm"));
        WitValue arg = AllTypesValues.all().filter(a -> a.get()[0].equals(type)).findFirst()
                .map(a -> (WitValue) a.get()[1]).orElseThrow();
        TrapException e = assertThrows(TrapException.class, () -> i.call("via-host-" + type, arg));
        assertTrue(e.getMessage().contains("echo-" + type), e.getMessage());
        assertTrue(i.isPoisoned());
    }

    @Test
    void aHostFunctionReturningADeadOwnHandleTrapsTheGuest() {
        // Regression: a host result that passes the type check but cannot be lowered (an own handle the
        // host already dropped) threw IllegalStateException out of the guest's call without poisoning the
        // instance, although the guest had been unwound mid-call. HostFunction documents that host
        // failures trap the calling instance.
        ResourceHandle dead = ResourceHandle.own(hres, new Hres(1));
        dead.drop();
        ComponentInstance bad = Linker.builder().resource(HOST, hres).stubUnknownImports(true)
                .function(HOST, "[constructor]hres", a -> Optional.of(WitValue.own(dead)))
                .build().instantiate(TestComponents.load("all-types.wasm"));
        assertThrows(TrapException.class, () -> bad.call("via-host-hres", WitValue.u32(1)));
        assertTrue(bad.isPoisoned());
    }

    @Test
    void handlesOfTheWrongTypeOrStateAreRejectedBeforeTheCall() {
        ComponentInstance i = instance(ExecutionMode.COMPILER);
        ResourceHandle dead = ResourceHandle.own(hres, new Hres(1));
        dead.drop();
        events.clear();
        assertThrows(IllegalStateException.class, () -> i.call("own-hres-roundtrip", WitValue.own(dead)));
        assertThrows(IllegalStateException.class, () -> i.call("borrow-hres", WitValue.borrow(dead)));
        ResourceHandle other = ResourceHandle.own(ResourceType.host("hres", HOST), new Hres(2));
        assertThrows(IllegalArgumentException.class, () -> i.call("own-hres-roundtrip", WitValue.own(other)));
        assertTrue(other.isLive(), "a rejected handle is not moved");
        ResourceHandle blob = own(i.call(BLOBS + "blob-make", bytes(1)).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> i.call("borrow-hres", WitValue.borrow(blob)));
        assertThrows(IllegalArgumentException.class, () -> i.call(BLOBS + "blob-size", WitValue.own(blob)));
        assertFalse(i.isPoisoned());
        assertEquals(1, u32(i, BLOBS + "blob-size", WitValue.borrow(blob)));
        assertArenaEmpty(i, "rejected calls");
        assertEquals(List.of(), events);
    }
}
