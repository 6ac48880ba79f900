package io.github.cratesrelease.review;

import java.util.List;

/**
 * What crates:review found between a base revision and the head (the working tree): the model every output
 * (Markdown, JSON, GitHub annotations) is rendered from. Paths are relative to the repository's top directory,
 * with '/' separators, so GitHub links and annotations resolve.
 *
 * @param base         the base as the user named it (a ref), e.g. {@code origin/main}
 * @param baseCommit   the commit it resolved to
 * @param headCommit   HEAD's commit (the working tree is what is reviewed)
 * @param specFile     the spec, relative to the repository
 * @param specChanges  what changed in the spec, section by section
 * @param versions     crates whose version changed, with the bump check
 * @param newCrates    crates released by head that base did not release (a first publish)
 * @param findings     problems of head that base did not have (version checks, changelog, validation)
 * @param inBase       problems head still has that base had already (shown folded)
 * @param plan         head's publish plan (null when head's spec has errors that prevent one)
 * @param estimate     what the registries' rate limits mean for head's plan, one line each
 */
public record ReviewReport(String base, String baseCommit, String headCommit, String specFile,
        List<SpecChange> specChanges, List<VersionChange> versions, List<NewCrate> newCrates,
        List<Finding> findings, List<Finding> inBase, Plan plan, List<String> estimate) {

    public enum Severity {
        ERROR, WARNING, NOTE
    }

    /**
     * One problem, located.
     *
     * @param category {@code version}, {@code changelog}, {@code validation} or {@code new-crate}
     * @param file     relative path, or null when the finding has no file
     * @param line     1-based, 0 when unknown
     */
    public record Finding(Severity severity, String category, String file, int line, int column, String message,
            String hint) {
    }

    /**
     * A change of the spec.
     *
     * @param change  {@code added}, {@code removed} or {@code changed}
     * @param section {@code crates}, {@code registries}, {@code policies}, {@code tags} or {@code post-publish}
     * @param subject what changed (a crate name, a registry name, a key such as {@code wait.strategy})
     * @param detail  old → new, in words
     * @param line    the line in head's spec (the base's for a removal, marked in {@code detail}), 0 when unknown
     */
    public record SpecChange(String change, String section, String subject, String detail, int line) {
    }

    /**
     * A crate's version change.
     *
     * @param bump     {@code major}, {@code minor}, {@code patch}, {@code pre-release} or {@code backwards}
     * @param required the smallest fitting bump when {@code bump} is too small (else null)
     * @param reasons  why that bump is required (a dependency requirement or feature change)
     */
    public record VersionChange(String crate, String from, String to, String bump, String required,
            List<String> reasons, String file, int line) {
        public boolean fits() {
            return required == null && !"backwards".equals(bump);
        }
    }

    public record NewCrate(String crate, String version, String registry) {
    }

    /** Head's waves and the dependency edges between released crates ({@code from} is published first). */
    public record Plan(List<Wave> waves, List<Edge> edges) {
    }

    public record Wave(int number, List<Node> crates) {
    }

    /**
     * @param isNew   a first publish
     * @param changed its version changed since base
     */
    public record Node(String name, String version, String registry, boolean isNew, boolean changed) {
    }

    public record Edge(String from, String to) {
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** Whether anything release-relevant changed: the spec, a version, a crate, a new finding. */
    public boolean relevant() {
        return !specChanges.isEmpty() || !versions.isEmpty() || !newCrates.isEmpty() || !findings.isEmpty();
    }
}
