package io.github.cratesrelease.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.cratesrelease.publish.PublishEngine;
import io.github.cratesrelease.spec.LayerViolationFixture;
import io.github.cratesrelease.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/**
 * The package edges of docs/architecture.md: maven → (release, review, redist) → engines (publish, version,
 * changelog, plan, reconcile, init, run) → core (registry.*, credentials, git, process, cargo, spec, semver) →
 * base (diag, output, io, toml); notify (webhook, GitHub releases) is core. A layer uses only layers below it;
 * packages have no cycles; only spec reads the raw
 * YAML tree.
 */
class LayersTest {

    private static final String ROOT = "io.github.cratesrelease";

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("Maven").definedBy(ROOT + ".maven..")
            .layer("Goals").definedBy(ROOT + ".release..", ROOT + ".review..", ROOT + ".redist..")
            .layer("Engines").definedBy(ROOT + ".publish..", ROOT + ".version..", ROOT + ".changelog..",
                    ROOT + ".plan..", ROOT + ".reconcile..", ROOT + ".init..", ROOT + ".run..")
            .layer("Core").definedBy(ROOT + ".registry..", ROOT + ".credentials..", ROOT + ".git..",
                    ROOT + ".process..", ROOT + ".cargo..", ROOT + ".spec..", ROOT + ".semver..", ROOT + ".notify..")
            .layer("Base").definedBy(ROOT + ".diag..", ROOT + ".output..", ROOT + ".io..", ROOT + ".toml..")
            .whereLayer("Maven").mayNotBeAccessedByAnyLayer()
            .whereLayer("Goals").mayOnlyBeAccessedByLayers("Maven")
            .whereLayer("Engines").mayOnlyBeAccessedByLayers("Goals", "Maven")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Engines", "Goals", "Maven")
            .whereLayer("Base").mayOnlyBeAccessedByLayers("Core", "Engines", "Goals", "Maven");

    static final ArchRule NO_CYCLES = slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    static final ArchRule RAW_TREE_ONLY_IN_SPEC = noClasses().that().resideOutsideOfPackage(ROOT + ".spec..")
            .should().dependOnClassesThat().haveSimpleName("YamlNode")
            .orShould().dependOnClassesThat().haveNameMatching(".*\\.YamlNode\\$.*");

    private static JavaClasses main() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LAYERS.check(main());
    }

    @Test
    void packagesHaveNoCycles() {
        NO_CYCLES.check(main());
    }

    @Test
    void onlyTheSpecPackageReadsTheRawYamlTree() {
        RAW_TREE_ONLY_IN_SPEC.allowEmptyShould(true).check(main());
    }

    @Test
    void anUpwardEdgeIsCaught() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(LayerViolationFixture.class,
                PublishEngine.class, SpecLoader.class);
        EvaluationResult r = LAYERS.evaluate(withViolation);
        assertTrue(r.hasViolation(), "a spec class that uses publish must break the layers");
        assertTrue(r.getFailureReport().toString().contains("LayerViolationFixture"), r.getFailureReport().toString());
        assertFalse(LAYERS.evaluate(new ClassFileImporter().importClasses(PublishEngine.class, SpecLoader.class))
                .hasViolation());
    }
}
