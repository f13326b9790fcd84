package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A C guest built with clang-19 and {@code jco new} that imports every function of Function Stream's
 * {@code kv} interface and {@code collector.emit} runs against host functions defined in Java through the
 * dynamic {@link Linker} API. The host here is a tiny map, not an operator store: the engine knows
 * nothing of operators.
 */
class KvHostComponentTest {
    private static final String KV = "functionstream:core/kv@0.1.0";
    private static final String COLLECTOR = "functionstream:core/collector@0.1.0";

    /** The host side: one sorted map per store name, keys as strings for readable assertions. */
    private final Map<String, TreeMap<String, byte[]>> stores = new TreeMap<>();
    private final List<String> emitted = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private String failGetWith;

    private final ResourceType store = ResourceType.host("store", KV, rep -> dropped.add("store"));
    private final ResourceType iterator = ResourceType.host("iterator", KV, rep -> dropped.add("iterator"));

    private static String str(WitValue v) {
        return new String(((WitValue.Bytes) v).bytes(), StandardCharsets.UTF_8);
    }

    private static WitValue bytes(String s) {
        return WitValue.bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, byte[]> self(List<WitValue> args) {
        return ((WitValue.Borrow) args.get(0)).handle().rep(TreeMap.class);
    }

    private static String complex(WitValue key) {
        List<WitValue> f = ((WitValue.Record) key).fields();
        return "\u0002" + str(f.get(0)) + "\u0000" + str(f.get(1)) + "\u0000" + str(f.get(2)) + "\u0000" + str(f.get(3));
    }

    private static Optional<WitValue> ok() {
        return Optional.of(WitValue.ok());
    }

    private Linker linker() {
        return Linker.builder()
                .resource(KV, store)
                .resource(KV, iterator)
                .function(COLLECTOR, "emit", args -> {
                    emitted.add(((WitValue.U32) args.get(0)).value() + ":" + str(args.get(1)));
                    return Optional.empty();
                })
                .function(KV, "[constructor]store", args -> Optional.of(WitValue.own(ResourceHandle.own(store,
                        stores.computeIfAbsent(((WitValue.Str) args.get(0)).value(), n -> new TreeMap<>())))))
                .function(KV, "[method]store.put-state", args -> {
                    self(args).put("\u0001" + str(args.get(1)), ((WitValue.Bytes) args.get(2)).bytes());
                    return ok();
                })
                .function(KV, "[method]store.get-state", args -> {
                    if (failGetWith != null) {
                        return Optional.of(WitValue.err(WitValue.variant(1, WitValue.string(failGetWith))));
                    }
                    byte[] v = self(args).get("\u0001" + str(args.get(1)));
                    return Optional.of(WitValue.ok(v == null ? WitValue.none() : WitValue.some(WitValue.bytes(v))));
                })
                .function(KV, "[method]store.delete-state", args -> {
                    self(args).remove("\u0001" + str(args.get(1)));
                    return ok();
                })
                .function(KV, "[method]store.list-states", args -> {
                    List<WitValue> keys = new ArrayList<>();
                    self(args).subMap("\u0001" + str(args.get(1)), "\u0001" + str(args.get(2))).keySet()
                            .forEach(k -> keys.add(bytes(k.substring(1))));
                    return Optional.of(WitValue.ok(new WitValue.ListValue(keys)));
                })
                .function(KV, "[method]store.put", args -> {
                    self(args).put(complex(args.get(1)), ((WitValue.Bytes) args.get(2)).bytes());
                    return ok();
                })
                .function(KV, "[method]store.get", args -> {
                    if (failGetWith != null) {
                        return Optional.of(WitValue.err(WitValue.variant(1, WitValue.string(failGetWith))));
                    }
                    byte[] v = self(args).get(complex(args.get(1)));
                    return Optional.of(WitValue.ok(v == null ? WitValue.none() : WitValue.some(WitValue.bytes(v))));
                })
                .function(KV, "[method]store.delete", args -> {
                    self(args).remove(complex(args.get(1)));
                    return ok();
                })
                .function(KV, "[method]store.merge", args -> {
                    String k = complex(args.get(1));
                    byte[] old = self(args).getOrDefault(k, new byte[0]);
                    byte[] add = ((WitValue.Bytes) args.get(2)).bytes();
                    byte[] both = Arrays.copyOf(old, old.length + add.length);
                    System.arraycopy(add, 0, both, old.length, add.length);
                    self(args).put(k, both);
                    return ok();
                })
                .function(KV, "[method]store.delete-prefix", args -> {
                    String p = complex(args.get(1));
                    self(args).keySet().removeIf(k -> k.startsWith(p));
                    return ok();
                })
                .function(KV, "[method]store.list-complex", args -> {
                    String p = "\u0002" + str(args.get(1)) + "\u0000" + str(args.get(2)) + "\u0000" + str(args.get(3)) + "\u0000";
                    List<WitValue> keys = new ArrayList<>();
                    self(args).keySet().stream().filter(k -> k.startsWith(p)).forEach(k -> keys.add(bytes(k.substring(p.length()))));
                    return Optional.of(WitValue.ok(new WitValue.ListValue(keys)));
                })
                .function(KV, "[method]store.scan-complex", args -> {
                    String p = "\u0002" + str(args.get(1)) + "\u0000" + str(args.get(2)) + "\u0000" + str(args.get(3)) + "\u0000";
                    List<String[]> rows = new ArrayList<>();
                    self(args).forEach((k, v) -> {
                        if (k.startsWith(p)) {
                            rows.add(new String[] {k.substring(p.length()), new String(v, StandardCharsets.UTF_8)});
                        }
                    });
                    return Optional.of(WitValue.ok(WitValue.own(ResourceHandle.own(iterator, rows.iterator()))));
                })
                .function(KV, "[method]iterator.has-next", args -> Optional.of(WitValue.ok(WitValue.bool(
                        ((WitValue.Borrow) args.get(0)).handle().rep(Iterator.class).hasNext()))))
                .function(KV, "[method]iterator.next", args -> {
                    Iterator<?> it = ((WitValue.Borrow) args.get(0)).handle().rep(Iterator.class);
                    if (!it.hasNext()) {
                        return Optional.of(WitValue.ok(WitValue.none()));
                    }
                    String[] row = (String[]) it.next();
                    return Optional.of(WitValue.ok(WitValue.some(WitValue.tuple(bytes(row[0]), bytes(row[1])))));
                })
                .build();
    }

    private List<String> process(ComponentInstance instance, String input) {
        emitted.clear();
        instance.call("fs-process", WitValue.u32(0), bytes(input));
        return emitted.stream().map(s -> s.substring(2)).toList();
    }

    @Test
    void everyKvFunctionRunsAgainstJavaHostFunctions() {
        ComponentInstance instance = linker().instantiate(TestComponents.load("kv-host.wasm"));
        List<String> lines = process(instance, "v1");
        assertEquals(List.of("open:kv-host", "put-state:ok", "put-state:ok", "get-state:ok:some:v1",
                "list-states:ok:2:k1,k2", "delete-state:ok", "get-state:ok:none", "put:ok", "put:ok",
                "get:ok:some:cv1", "merge:ok", "get:ok:some:cv1+m", "delete:ok", "list-complex:ok:1:u1",
                "scan-complex:ok", "has-next:ok:true", "next:ok:some:u1=cv1+m", "has-next:ok:false", "next:ok:none",
                "drop-iterator", "delete-prefix:ok", "get:ok:none", "drop-store"), lines);
        assertEquals(List.of("iterator", "store"), dropped);
    }

    @Test
    void anErrorVariantReachesTheGuestAsAValueNotATrap() {
        ComponentInstance instance = linker().instantiate(TestComponents.load("kv-host.wasm"));
        failGetWith = "disk on fire";
        List<String> lines = process(instance, "v1");
        assertEquals(3, lines.stream().filter(l -> l.equals("get:err:io-error:disk on fire")).count(), lines.toString());
        assertTrue(lines.contains("get-state:err:io-error:disk on fire"), lines.toString());
        failGetWith = null;
        assertEquals("get-state:ok:some:v2", process(instance, "v2").get(3));
    }

    @Test
    void aHostFunctionThatThrowsTrapsTheGuestAndPoisonsTheInstance() {
        Linker failing = Linker.builder().resource(KV, store).resource(KV, iterator).stubUnknownImports(true)
                .function(KV, "[constructor]store", args -> {
                    throw new IllegalStateException("no stores today");
                })
                .build();
        ComponentInstance instance = failing.instantiate(TestComponents.load("kv-host.wasm"));
        TrapException e = assertThrows(TrapException.class, () -> process(instance, "x"));
        assertTrue(e.getMessage().contains("no stores today"), e.getMessage());
        assertTrue(instance.isPoisoned());
    }

    @Test
    void aMissingImportIsALinkErrorNamingIt() {
        Linker partial = Linker.builder().resource(KV, store).resource(KV, iterator).build();
        LinkException e = assertThrows(LinkException.class, () -> partial.instantiate(TestComponents.load("kv-host.wasm")));
        assertTrue(e.getMessage().contains("functionstream:core/"), e.getMessage());
    }
}
