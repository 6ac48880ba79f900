package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The git state of the workspace: uncommitted changes (build output and our output aside) and the clean commit. */
final class CleanTree {

    private CleanTree() {
    }

    /** The workspace's git state, read once per run: in a repository or not, its uncommitted changes, HEAD. */
    record State(boolean repository, List<String> changes, String head) {
        /** HEAD when the workspace has no uncommitted change (packages from it can be reused), else null. */
        String cleanCommit() {
            return repository && changes.isEmpty() ? head : null;
        }
    }

    /** Reads the state of the workspace at {@code root} (build output and our output directory aside). */
    static State read(RunContext ctx, Path root) {
        GitRepo.WorkTree tree = ctx.git(root).workTree(ignored(root, ctx.outputDirectory()));
        return new State(tree.repository(), tree.changes(), tree.changes().isEmpty() ? tree.head() : null);
    }

    /**
     * Refuses a real publish from a tree with uncommitted changes (unless {@code allowDirty}); a rehearsal or dry run
     * only warns. Outside git, warns that the check is skipped.
     */
    static void check(RunContext ctx, State state, Path root, boolean allowDirty, boolean rehearse) {
        if (!state.repository()) {
            ctx.out().warn("The workspace " + root + " is not in a git repository: the clean-tree check is skipped");
            return;
        }
        List<String> changes = state.changes();
        if (changes.isEmpty()) {
            return;
        }
        String list = changes.stream().limit(10).collect(Collectors.joining(", "))
                + (changes.size() > 10 ? " and " + (changes.size() - 10) + " more" : "");
        if (allowDirty || rehearse || ctx.dryRun()) {
            ctx.out().warn(changes.size() + " uncommitted change(s) in the workspace (" + list + ")"
                    + (allowDirty ? "; publishing anyway (allowDirty)" : ""));
            return;
        }
        throw new ReleaseException(Diagnostic.error(Location.of(root.resolve("Cargo.toml")), changes.size()
                + " uncommitted change(s) in the workspace: " + list,
                "commit or stash them, or run with -Dcrates.allowDirty=true"));
    }

    /** What is not an uncommitted change under the workspace root: build output and our output directory. */
    private static List<String> ignored(Path root, Path outDir) {
        List<String> ignored = new ArrayList<>(List.of("target/"));
        Path r = root.toAbsolutePath().normalize();
        if (outDir.startsWith(r)) {
            ignored.add(r.relativize(outDir) + "/");
        }
        return ignored;
    }
}
