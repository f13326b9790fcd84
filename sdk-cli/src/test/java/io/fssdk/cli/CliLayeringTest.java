package io.fssdk.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command's place in DESIGN.md §1: cli → {runtime, rocksdb} → api, through their public API only;
 * and nothing in the library points back at the command (or at Kafka, which only the command uses).
 */
class CliLayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Imported from the modules' own class directories or jars: scanning the whole class path for the
        // package (Kafka, Scala and Spring come with the test broker) takes tens of seconds.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> location.contains("/io/fssdk/"))
                .importLocations(Set.of(Location.of(codeSource(FssdkMain.class)),
                        Location.of(codeSource(io.fssdk.runtime.OperatorRunner.class)),
                        Location.of(codeSource(io.fssdk.store.rocksdb.RocksDBStateBackend.class)),
                        Location.of(codeSource(io.fssdk.api.Driver.class))));
    }

    private static URI codeSource(Class<?> c) {
        try {
            return c.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCommandUsesOnlyThePublicApiOfTheRuntimeAndTheEngine() {
        noClasses().that().resideInAPackage("io.fssdk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime.component.link..",
                        "io.fssdk.runtime.component.abi..", "io.fssdk.runtime.component.binary..",
                        "io.fssdk.runtime.component.validate..", "io.fssdk.runtime.component.core..",
                        "io.fssdk.runtime.compiler..", "io.fssdk.runtime.guest..", "com.dylibso.chicory..")
                .check(classes);
    }

    @Test
    void nothingInTheLibraryDependsOnTheCommandOrOnKafka() {
        noClasses().that().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime..", "io.fssdk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.cli..", "org.apache.kafka..",
                        "picocli..", "me.tongfei..")
                .check(classes);
    }

    @Test
    void micrometerIsUsedInTheLibraryOnlyByItsTwoMeterClassesAndTheBuildersThatTakeARegistry() {
        // Micrometer is an optional dependency of the runtime: any other class touching it would fail to
        // load for an embedder without it.
        noClasses().that().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime..", "io.fssdk.store..")
                .and().doNotHaveFullyQualifiedName("io.fssdk.runtime.RunnerMeters")
                .and().doNotHaveFullyQualifiedName("io.fssdk.runtime.OperatorRunner$Builder")
                .and().doNotHaveFullyQualifiedName("io.fssdk.runtime.guest.GuestMeters")
                .and().doNotHaveFullyQualifiedName("io.fssdk.runtime.processor.WasmDriver$Builder")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .check(classes);
    }
}
