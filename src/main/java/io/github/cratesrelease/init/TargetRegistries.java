package io.github.cratesrelease.init;

import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry each publishable member goes to, as its manifests tell: its own {@code package.publish} list, else
 * the {@code registry = "..."} its siblings write on their path dependencies on it, else the registry of its own
 * sibling dependencies (crates.io refuses a crate whose dependencies live elsewhere), else crates.io.
 */
final class TargetRegistries {

    private final Map<String, String> byCrate = new LinkedHashMap<>();

    TargetRegistries(CargoWorkspace ws) {
        Map<String, Map<String, Integer>> markedBySiblings = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> ownMarkers = new LinkedHashMap<>();
        for (CargoPackage p : ws.members()) {
            for (CargoDependency d : p.dependencies()) {
                Optional<CargoPackage> t = ws.target(d);
                if (d.registry() == null || t.isEmpty() || t.get().name().equals(p.name())) {
                    continue;
                }
                markedBySiblings.computeIfAbsent(t.get().name(), k -> new LinkedHashMap<>())
                        .merge(d.registry(), 1, Integer::sum);
                ownMarkers.computeIfAbsent(p.name(), k -> new LinkedHashMap<>()).merge(d.registry(), 1, Integer::sum);
            }
        }
        for (CargoPackage p : ws.members()) {
            if (!p.isPublishable()) {
                continue;
            }
            Map<String, Integer> marks = markedBySiblings.getOrDefault(p.name(), Map.of());
            String r;
            if (p.publishTo() != null) {
                r = p.publishTo().stream().filter(marks::containsKey).findFirst().orElse(p.publishTo().get(0));
            } else if (!marks.isEmpty()) {
                r = mostVoted(marks);
            } else if (ownMarkers.containsKey(p.name())) {
                r = mostVoted(ownMarkers.get(p.name()));
            } else {
                r = ReleaseSpec.CRATES_IO;
            }
            byCrate.put(p.name(), r);
        }
    }

    /** The registry a publishable member goes to. */
    String of(String crate) {
        return byCrate.getOrDefault(crate, ReleaseSpec.CRATES_IO);
    }

    static boolean isCratesIo(String registry) {
        return ReleaseSpec.CRATES_IO.equals(registry);
    }

    /** The registry most of {@code crates} go to (crates.io on a tie with it, or when there are none). */
    String defaultFor(Collection<String> crates) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put(ReleaseSpec.CRATES_IO, 0);
        for (String c : crates) {
            votes.merge(of(c), 1, Integer::sum);
        }
        return mostVoted(votes);
    }

    private static String mostVoted(Map<String, Integer> votes) {
        String best = null;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (best == null || e.getValue() > votes.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Every registry some of {@code crates} go to, crates.io excluded, in the members' order. */
    List<String> used(Collection<String> crates) {
        return crates.stream().map(this::of).filter(r -> !isCratesIo(r)).distinct().toList();
    }
}
