package io.github.cratesrelease.review;

import java.util.function.Consumer;

/**
 * What crates:review asks for.
 *
 * @param base    the base revision (a ref or commit), or null: the merge base with origin/main, else main
 * @param failOn  {@code error}, {@code warning} or {@code never}
 * @param console raw lines for the CI runner (GitHub workflow commands must start a line, without Maven's prefix)
 */
public record ReviewOptions(String base, String failOn, Consumer<String> console) {
}
