/**
 * The fssdk-java examples: Function Stream's counter as a native operator ({@code CounterOperator}) and
 * its command line ({@code CounterMain}). Nothing here is API; the module exports nothing.
 */
module io.fssdk.examples {
    requires io.fssdk.runtime;
    requires io.fssdk.store.rocksdb;
    requires io.fssdk.python.runtime; // the Python runtime component, a resource read by WasmDriver
    requires com.fasterxml.jackson.databind;
    requires info.picocli;

    // picocli reads and writes CounterMain's annotated private fields, and builds its option group, by
    // reflection. Jackson needs nothing opened: the counter serializes only maps, strings and longs.
    opens io.fssdk.examples to info.picocli;
}
