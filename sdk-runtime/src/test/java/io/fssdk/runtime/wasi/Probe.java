package io.fssdk.runtime.wasi;

import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An instance of the probe fixture (probe.c) under a {@link WasiHost}, with its stdout and stderr
 * captured, and its exports wrapped so that tests read like the C calls: a {@code result<string, string>}
 * comes back as {@code "ok:<value>"} or {@code "err:<strerror text>"}.
 */
final class Probe {
    /** The WASI versions the probe was built for: jco 1.35's adapter and jco 1.4.4's. */
    static final List<String> VERSIONS = List.of("0.2.12", "0.2.0");

    final ComponentInstance instance;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Probe(String version, WasiOptions.Builder options) {
        Linker.Builder linker = Linker.builder();
        WasiHost.addTo(linker, options.stdout(out).stderr(err).build());
        instance = linker.build().instantiate(Fixtures.load("probe-wasi-" + version + ".wasm"));
    }

    static Probe start(String version, WasiOptions.Builder options) {
        return new Probe(version, options);
    }

    static Probe start(String version) {
        return new Probe(version, WasiOptions.builder());
    }

    private Optional<WitValue> call(String name, WitValue... args) {
        return instance.call(name, args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void print(String o, String e) {
        call("print", WitValue.string(o), WitValue.string(e));
    }

    byte[] readStdin() {
        return ((WitValue.Bytes) call("read-stdin").orElseThrow()).bytes();
    }

    Optional<String> getenv(String name) {
        return ((WitValue.OptionValue) call("getenv", WitValue.string(name)).orElseThrow()).value()
                .map(v -> ((WitValue.Str) v).value());
    }

    List<String> environ() {
        return strings(call("environ").orElseThrow());
    }

    List<String> args() {
        return strings(call("args").orElseThrow());
    }

    /** (wall ns, monotonic ns). */
    long[] clocks() {
        List<WitValue> t = ((WitValue.Tuple) call("clocks").orElseThrow()).elements();
        return new long[] {((WitValue.U64) t.get(0)).value(), ((WitValue.U64) t.get(1)).value()};
    }

    long sleep(long nanos) {
        return ((WitValue.U64) call("sleep", WitValue.u64(nanos)).orElseThrow()).value();
    }

    byte[] random(int n) {
        return ((WitValue.Bytes) call("random", WitValue.u32(n)).orElseThrow()).bytes();
    }

    String readFile(String path) {
        return text(call("read-file", WitValue.string(path)).orElseThrow());
    }

    String writeFile(String path, String data) {
        return text(call("write-file", WitValue.string(path), WitValue.string(data)).orElseThrow());
    }

    String listDir(String path) {
        WitValue.ResultValue r = (WitValue.ResultValue) call("list-dir", WitValue.string(path)).orElseThrow();
        return r.ok() ? "ok:" + String.join(",", strings(r.payload().orElseThrow()))
                : "err:" + ((WitValue.Str) r.payload().orElseThrow()).value();
    }

    String fs(String op, String a, String b) {
        return text(call("fs", WitValue.string(op), WitValue.string(a), WitValue.string(b)).orElseThrow());
    }

    String fs(String op, String a) {
        return fs(op, a, "");
    }

    void exit(int code) {
        call("exit", WitValue.u32(code));
    }

    private static List<String> strings(WitValue v) {
        return ((WitValue.ListValue) v).elements().stream().map(e -> ((WitValue.Str) e).value())
                .collect(Collectors.toList());
    }

    /** {@code result<string, string>} or {@code result<_, string>} as "ok:..." / "err:...". */
    private static String text(WitValue v) {
        WitValue.ResultValue r = (WitValue.ResultValue) v;
        return (r.ok() ? "ok:" : "err:") + r.payload().map(p -> ((WitValue.Str) p).value()).orElse("");
    }
}
