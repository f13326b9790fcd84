/**
 * The {@code fssdk} command ({@code io.fssdk.cli.FssdkMain}): runs a Function Stream function's
 * {@code config.yaml} against Kafka or files, inspects components, validates configurations. It is an
 * application, not an API: the module exports nothing.
 */
module io.fssdk.cli {
    requires io.fssdk.runtime;
    requires io.fssdk.store.rocksdb;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires info.picocli;
    requires kafka.clients;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires me.tongfei.progressbar;
    requires jdk.httpserver;

    // picocli reads and writes the commands' annotated private fields by reflection.
    opens io.fssdk.cli to info.picocli;
}
