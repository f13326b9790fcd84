package io.fssdk.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency arrows between the runtime's packages, enforced. The component engine knows nothing of
 * operators, WASI or supervision, and inside it each pass reaches only earlier ones (binary → validate/abi →
 * link). The compiler knows no component model. Guest supervision knows no world. The WASI host, the
 * supervision and the processor binding use only the engine's public API. Typed state
 * ({@code io.fssdk.api.state}) uses only the operator contract. Nothing points back.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fssdk");
    }

    @Test
    void theComponentEngineKnowsNothingOfOperatorsOrWasi() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.component..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime",
                        "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..", "io.fssdk.runtime.guest..",
                        "io.fssdk.runtime.memory..")
                .check(classes);
    }

    @Test
    void theBinaryDecoderReachesNoLaterPass() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.component.binary..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime.component.validate..",
                        "io.fssdk.runtime.component.abi..", "io.fssdk.runtime.component.link..")
                .check(classes);
    }

    @Test
    void validationAndTheCanonicalAbiNeverReachInstantiation() {
        noClasses().that().resideInAnyPackage("io.fssdk.runtime.component.validate..",
                        "io.fssdk.runtime.component.abi..")
                .should().dependOnClassesThat().resideInAPackage("io.fssdk.runtime.component.link..")
                .check(classes);
    }

    @Test
    void theCompilerKnowsNoComponentModelAndNoOperators() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.compiler..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime",
                        "io.fssdk.runtime.component..", "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..",
                        "io.fssdk.runtime.guest..", "io.fssdk.runtime.memory..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void guestSupervisionKnowsNoWorldAndOnlyThePublicEngineApi() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.guest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime",
                        "io.fssdk.runtime.processor..", "io.fssdk.runtime.memory..", "io.fssdk.runtime.wasi..",
                        "io.fssdk.runtime.component.link..", "io.fssdk.runtime.component.abi..",
                        "io.fssdk.runtime.component.binary..", "io.fssdk.runtime.component.validate..",
                        "io.fssdk.runtime.component.core..")
                .check(classes);
    }

    @Test
    void theInMemoryBackendNeedsOnlyTheApi() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.memory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime",
                        "io.fssdk.runtime.component..", "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..",
                        "io.fssdk.runtime.guest..")
                .check(classes);
    }

    @Test
    void theStateSpiIncludingWriteBatchesNeedsNothingButTheContract() {
        noClasses().that().resideInAPackage("io.fssdk.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime..", "io.fssdk.store..")
                .check(classes);
    }

    @Test
    void theWasiHostUsesOnlyThePublicEngineApi() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.wasi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime",
                        "io.fssdk.runtime.processor..", "io.fssdk.runtime.component.link..",
                        "io.fssdk.runtime.component.abi..", "io.fssdk.runtime.component.binary..",
                        "io.fssdk.runtime.component.validate..", "io.fssdk.runtime.component.core..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRunnerDoesNotDependOnTheSandbox() {
        noClasses().that().resideInAPackage("io.fssdk.runtime")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime.component..",
                        "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..", "io.fssdk.runtime.guest..")
                .check(classes);
    }

    @Test
    void theProcessorBindingUsesOnlyPublicEngineAndWasiApis() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.processor..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime.component.link..",
                        "io.fssdk.runtime.component.abi..", "io.fssdk.runtime.component.binary..",
                        "io.fssdk.runtime.component.validate..", "io.fssdk.runtime.component.core..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void typedStateDependsOnTheOperatorContractOnly() {
        noClasses().that().resideInAPackage("io.fssdk.api.state..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.api.spi..", "io.fssdk.api.internal..",
                        "io.fssdk.runtime..", "io.fssdk.store..")
                .check(classes);
    }

    @Test
    void theCompilerKnowsOnlyChicoryAndAsm() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.compiler..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.api..", "io.fssdk.runtime",
                        "io.fssdk.runtime.component..", "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..",
                        "io.fssdk.runtime.memory..", "io.fssdk.runtime.testing..")
                .check(classes);
    }

    @Test
    void nothingInTheContractPointsBackAtTypedState() {
        noClasses().that().resideInAnyPackage("io.fssdk.api", "io.fssdk.api.spi..", "io.fssdk.api.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.fssdk.api.state..")
                .check(classes);
    }

    @Test
    void theRuntimesTypedStateAdditionsUseOnlyTheApi() {
        noClasses().that().resideInAPackage("io.fssdk.runtime.state..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fssdk.runtime", "io.fssdk.runtime.component..",
                        "io.fssdk.runtime.wasi..", "io.fssdk.runtime.processor..", "io.fssdk.runtime.memory..",
                        "io.fssdk.runtime.guest..", "io.fssdk.runtime.compiler..")
                .check(classes);
    }

    @Test
    void onlyTheEngineSeamUsesTheCompiler() {
        noClasses().that().resideOutsideOfPackages("io.fssdk.runtime.compiler..", "io.fssdk.runtime.component.link..")
                .should().dependOnClassesThat().resideInAPackage("io.fssdk.runtime.compiler..")
                .check(classes);
    }
}
