/**
 * The fssdk-java runtime: the operator runner, the in-memory backend and test kit
 * ({@code io.fssdk.runtime}), and the WebAssembly component engine on Chicory
 * ({@code io.fssdk.runtime.component}).
 */
module io.fssdk.runtime {
    requires transitive io.fssdk.api;
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.compiler;
    requires org.objectweb.asm;
    requires org.slf4j;
    // Transitive: JacksonCodec.of takes an ObjectMapper.
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    // Optional: OperatorRunner and WasmDriver take a MeterRegistry only when the embedder has Micrometer.
    requires static micrometer.core;

    exports io.fssdk.runtime;
    exports io.fssdk.runtime.memory;
    exports io.fssdk.runtime.state;
    exports io.fssdk.runtime.component;
    exports io.fssdk.runtime.processor;
    exports io.fssdk.runtime.wasi;
}
