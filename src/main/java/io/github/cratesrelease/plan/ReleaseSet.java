package io.github.cratesrelease.plan;

import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crates a spec releases (members named in the spec with publish on, or every publishable member when the
 * spec has no crates section), each with its target registry, and the publish-ordering edges among them.
 */
public final class ReleaseSet {

    /** A dependency edge between two released crates that orders publishing. */
    public record Edge(CargoPackage from, CargoPackage to, CargoDependency dependency) {
    }

    private final CargoWorkspace workspace;
    private final Map<String, CargoPackage> released = new LinkedHashMap<>();
    private final Map<String, String> registries = new LinkedHashMap<>();

    public ReleaseSet(ReleaseSpec spec, CargoWorkspace workspace) {
        this.workspace = workspace;
        for (CargoPackage p : workspace.members()) {
            boolean release;
            if (spec.crates() == null) {
                release = p.isPublishable();
            } else {
                ReleaseSpec.CrateSpec c = spec.crates().get(p.name());
                release = c != null && c.publish();
            }
            if (release) {
                released.put(p.name(), p);
                registries.put(p.name(), spec.registryOf(p.name()));
            }
        }
    }

    public Map<String, CargoPackage> released() {
        return released;
    }

    public boolean isReleased(String name) {
        return released.containsKey(name);
    }

    public String registryOf(String name) {
        return registries.get(name);
    }

    public CargoWorkspace workspace() {
        return workspace;
    }

    /**
     * The workspace member a dependency points at, if any: through its path, or through a {@code [patch.<registry>]}
     * entry of the root when the member is released (a patched member this release does not publish is, for the
     * published crate, the registry's package of that name).
     */
    public Optional<CargoPackage> target(CargoDependency d) {
        return workspace.target(d).filter(t -> d.path() != null || released.containsKey(t.name()));
    }

    /**
     * Edges (normal, build and versioned dev dependencies, through a path or a {@code [patch]} entry) from {@code p}
     * to released crates, self-edges included.
     */
    public List<Edge> edgesFrom(CargoPackage p) {
        List<Edge> out = new ArrayList<>();
        for (CargoDependency d : p.dependencies()) {
            if (!d.ordersPublish()) {
                continue;
            }
            CargoPackage t = target(d).orElse(null);
            if (t != null && released.containsKey(t.name())) {
                out.add(new Edge(p, t, d));
            }
        }
        return out;
    }
}
