package io.netwright;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The import rules of {@code ARCHITECTURE.md} ("Packages and what each may import"). A package that does not exist
 * yet makes its rules pass vacuously, so the rules can stand before the code does.
 *
 * <p>One reading to know: {@code Device} and {@code DType} live in {@code backend} and appear in the tensor API, so
 * every layer above {@code backend} may use it; "may import tensor" is read as "tensor and what lies below it".
 */
@AnalyzeClasses(packages = "io.netwright", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.netwright";

    // ---------------------------------------------------------------- third-party libraries, each in one place

    @ArchTest
    static final ArchRule onlyUiUsesJavaFxJFreeChartAndControlsFx = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..")
            .because("the studio's toolkit stays in ui; the engine, training and CLI must run headless")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCudaBackendUsesJCuda = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".backend.cuda..")
            .should().dependOnClassesThat().resideInAnyPackage("jcuda..")
            .because("native CUDA bindings are confined to the CUDA backend")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCpuBackendUsesJavaCpp = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".backend.cpu..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..")
            .because("OpenBLAS/JavaCPP bindings are confined to the CPU backend")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyExportUsesOnnxAndOnnxRuntime = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".export..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.onnx..", "ai.onnxruntime..", "org.tribuo..",
                    "com.google.protobuf..")
            .because("the ONNX protobuf classes and ONNX Runtime are export's business; the rest of the app sees "
                    + "ExportSource, the exporters and the check report")
            .allowEmptyShould(true);

    // ---------------------------------------------------------------- the backend SPI and its implementations

    @ArchTest
    static final ArchRule backendImportsNothingOfOurs = noClasses()
            .that().resideInAPackage(ROOT + ".backend..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                    .and(resideOutsideOfPackage(ROOT + ".backend..")))
            .because("the backend SPI and its implementations sit at the bottom and import nothing of ours")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule backendSpiDoesNotKnowItsImplementations = noClasses()
            .that().resideInAPackage(ROOT + ".backend")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".backend.cpu..", ROOT + ".backend.cuda..")
            .because("implementations are found with ServiceLoader, never referenced by the SPI")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cpuBackendDoesNotUseCudaBackend = noClasses()
            .that().resideInAPackage(ROOT + ".backend.cpu..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".backend.cuda..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cudaBackendDoesNotUseCpuBackend = noClasses()
            .that().resideInAPackage(ROOT + ".backend.cuda..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".backend.cpu..")
            .allowEmptyShould(true);

    // ---------------------------------------------------------------- the layers of the package table

    @ArchTest
    static final ArchRule layersFollowThePackageTable = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .withOptionalLayers(true)
            .layer("files").definedBy(ROOT + ".files..")
            .layer("backend").definedBy(ROOT + ".backend..")
            .layer("tensor").definedBy(ROOT + ".tensor..")
            .layer("nn").definedBy(ROOT + ".nn..")
            .layer("optim").definedBy(ROOT + ".optim..")
            .layer("data").definedBy(ROOT + ".data..")
            .layer("io").definedBy(ROOT + ".io..")
            .layer("graph").definedBy(ROOT + ".graph..")
            .layer("train").definedBy(ROOT + ".train..")
            .layer("export").definedBy(ROOT + ".export..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("cli").definedBy(ROOT + ".cli..")
            .whereLayer("files").mayNotAccessAnyLayer()
            .whereLayer("backend").mayNotAccessAnyLayer()
            .whereLayer("tensor").mayOnlyAccessLayers("files", "backend")
            .whereLayer("nn").mayOnlyAccessLayers("files", "tensor", "backend")
            .whereLayer("optim").mayOnlyAccessLayers("files", "tensor", "nn", "backend")
            .whereLayer("data").mayOnlyAccessLayers("files", "tensor", "backend")
            .whereLayer("io").mayOnlyAccessLayers("files", "tensor", "nn", "optim", "backend")
            .whereLayer("graph").mayOnlyAccessLayers("files", "tensor", "nn", "backend")
            .whereLayer("train").mayOnlyAccessLayers("files", "graph", "nn", "optim", "data", "io", "tensor", "backend")
            .whereLayer("export").mayOnlyAccessLayers("files", "train", "graph", "nn", "optim", "data", "io", "tensor", "backend")
            .whereLayer("ui").mayOnlyAccessLayers("files", "train", "export", "graph", "nn", "optim", "data", "io",
                    "tensor", "backend")
            .whereLayer("cli").mayOnlyAccessLayers("files", "ui", "train", "export", "graph", "nn", "optim", "data", "io",
                    "tensor", "backend")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cliUsesOnlyTheStudioEntryPointOfUi = noClasses()
            .that().resideInAPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".ui.*..")
            .because("the CLI may launch the studio (classes in io.netwright.ui) but not reach into its internals")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule everyPackageIsInTheTable = classes()
            .that().resideInAPackage(ROOT + "..")
            .should().resideInAnyPackage(ROOT + ".files..", ROOT + ".backend..", ROOT + ".tensor..", ROOT + ".nn..",
                    ROOT + ".optim..", ROOT + ".data..", ROOT + ".io..", ROOT + ".graph..", ROOT + ".train..",
                    ROOT + ".export..", ROOT + ".ui..", ROOT + ".cli..")
            .because("a new top-level package needs a row in ARCHITECTURE.md and a layer in this test")
            .allowEmptyShould(true);
}
