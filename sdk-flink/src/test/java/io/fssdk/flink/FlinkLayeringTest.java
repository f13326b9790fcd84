package io.fssdk.flink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the Flink module, enforced as the runtime's {@code LayeringTest} does for its packages:
 * the adapter uses only the SDK's public API (the contract, the runner, {@code WasmDriver}), never the
 * engine's internals, and never our RocksDB backend, whose {@code org.rocksdb} classes clash with Flink's
 * own RocksDB fork.
 */
class FlinkLayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fssdk.flink");
    }

    @Test
    void theAdapterUsesOnlyThePublicSdkApi() {
        classes().that().resideInAPackage("io.fssdk.flink..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.fssdk.flink..", "io.fssdk.api",
                        "io.fssdk.api.spi", "io.fssdk.runtime", "io.fssdk.runtime.processor", "org.apache.flink..",
                        "java..")
                .check(classes);
    }

    @Test
    void theAdapterNeverTouchesRocksDbDirectly() {
        noClasses().that().resideInAPackage("io.fssdk.flink..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.store..", "org.rocksdb..")
                .check(classes);
    }
}
