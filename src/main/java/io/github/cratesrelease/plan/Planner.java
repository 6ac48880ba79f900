package io.github.cratesrelease.plan;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.Suggest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives the publish plan from the dependency graph of the released crates: waves are topological levels over
 * normal and build dependencies and versioned dev-dependencies. Cycles, and an explicit order that contradicts the
 * graph, are reported with both crates and the dependency's line.
 */
public final class Planner {

    /** Returns the plan, or null when {@code diags} received an error that makes a plan impossible. */
    public PublishPlan plan(ReleaseSpec spec, ReleaseSet set, Diagnostics diags) {
        Map<String, List<ReleaseSet.Edge>> edges = new LinkedHashMap<>();
        for (CargoPackage p : set.released().values()) {
            edges.put(p.name(), set.edgesFrom(p));
        }
        if (reportCycles(edges, diags)) {
            return null;
        }
        if (!spec.order().auto()) {
            return explicit(spec, set, edges, diags);
        }
        Map<String, Integer> level = new HashMap<>();
        // each crate into its wave in one pass (every level up to the highest has a crate: one of its dependencies)
        List<List<String>> byLevel = new ArrayList<>();
        for (String name : edges.keySet()) {
            int l = levelOf(name, edges, level);
            while (byLevel.size() < l) {
                byLevel.add(new ArrayList<>());
            }
            byLevel.get(l - 1).add(name);
        }
        List<PublishPlan.Wave> waves = new ArrayList<>();
        for (int w = 1; w <= byLevel.size(); w++) {
            List<String> names = byLevel.get(w - 1);
            names.sort(null);
            List<PublishPlan.PlannedCrate> crates = new ArrayList<>(names.size());
            for (String n : names) {
                crates.add(planned(set, n, edges));
            }
            waves.add(new PublishPlan.Wave(w, List.copyOf(crates)));
        }
        return new PublishPlan(waves, false);
    }

    private static int levelOf(String name, Map<String, List<ReleaseSet.Edge>> edges, Map<String, Integer> level) {
        // iterative post-order: the graph is acyclic here
        Deque<String> stack = new ArrayDeque<>();
        stack.push(name);
        while (!stack.isEmpty()) {
            String cur = stack.peek();
            if (level.containsKey(cur)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            int lvl = 1;
            for (ReleaseSet.Edge e : edges.get(cur)) {
                Integer l = level.get(e.to().name());
                if (l == null) {
                    ready = false;
                    stack.push(e.to().name());
                } else {
                    lvl = Math.max(lvl, l + 1);
                }
            }
            if (ready) {
                level.put(cur, lvl);
                stack.pop();
            }
        }
        return level.get(name);
    }

    private static PublishPlan.PlannedCrate planned(ReleaseSet set, String name, Map<String, List<ReleaseSet.Edge>> edges) {
        CargoPackage p = set.released().get(name);
        TreeSet<String> after = new TreeSet<>();
        for (ReleaseSet.Edge e : edges.get(name)) {
            after.add(e.to().name());
        }
        List<String> deps = new ArrayList<>(after);
        return new PublishPlan.PlannedCrate(name, p.version(), set.registryOf(name), p.manifest(), deps);
    }

    private PublishPlan explicit(ReleaseSpec spec, ReleaseSet set, Map<String, List<ReleaseSet.Edge>> edges,
            Diagnostics diags) {
        ReleaseSpec.Order order = spec.order();
        Map<String, Integer> position = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < order.names().size(); i++) {
            String n = order.names().get(i);
            position.put(n, i);
            if (!set.isReleased(n)) {
                String hint = set.workspace().member(n).isPresent()
                        ? "'" + n + "' is not released by this spec: remove it from order, or add it to crates:"
                        : suggestion(n, set.released().keySet(), "remove it from order");
                diags.error(order.locations().get(i), "order names '" + n + "', which is not a released crate", hint);
                ok = false;
            }
        }
        for (String n : set.released().keySet()) {
            if (!position.containsKey(n)) {
                diags.error(order.location(), "order does not name the released crate '" + n + "'",
                        "add '- " + n + "' to order (after the crates it depends on), or use 'order: auto'");
                ok = false;
            }
        }
        if (!contradictions(order, position, edges, diags)) {
            ok = false;
        }
        if (!ok) {
            return null;
        }
        List<PublishPlan.Wave> waves = new ArrayList<>();
        for (String n : order.names()) {
            waves.add(new PublishPlan.Wave(waves.size() + 1, List.of(planned(set, n, edges))));
        }
        return new PublishPlan(waves, true);
    }

    /**
     * Reports where {@code order} publishes a crate before one it depends on: one error per misplaced crate, not one
     * per edge. Each round takes the crate that explains the most remaining contradictions, either listed too early
     * (before several of its dependencies: move it below the last of them) or too late (after several of its
     * dependents: move it above the first of them); a tie goes to the crate listed too late. The error is located
     * at the entry of the crate published too early, and names the dependency's Cargo.toml:line:col. Returns false
     * when it reported anything.
     */
    private static boolean contradictions(ReleaseSpec.Order order, Map<String, Integer> position,
            Map<String, List<ReleaseSet.Edge>> edges, Diagnostics diags) {
        Map<List<String>, ReleaseSet.Edge> open = new LinkedHashMap<>(); // (from, to) -> its first edge
        for (int i = 0; i < order.names().size(); i++) {
            for (ReleaseSet.Edge e : edges.getOrDefault(order.names().get(i), List.of())) {
                Integer depPos = position.get(e.to().name());
                if (depPos != null && depPos > i) {
                    open.putIfAbsent(List.of(e.from().name(), e.to().name()), e);
                }
            }
        }
        boolean clean = open.isEmpty();
        while (!open.isEmpty()) {
            Map<String, List<ReleaseSet.Edge>> early = new LinkedHashMap<>();
            Map<String, List<ReleaseSet.Edge>> late = new LinkedHashMap<>();
            for (ReleaseSet.Edge e : open.values()) {
                early.computeIfAbsent(e.from().name(), k -> new ArrayList<>()).add(e);
                late.computeIfAbsent(e.to().name(), k -> new ArrayList<>()).add(e);
            }
            Comparator<Map.Entry<String, List<ReleaseSet.Edge>>> most = Comparator
                    .comparingInt((Map.Entry<String, List<ReleaseSet.Edge>> en) -> en.getValue().size()).reversed()
                    .thenComparingInt(en -> position.get(en.getKey()));
            Map.Entry<String, List<ReleaseSet.Edge>> tooLate = late.entrySet().stream().min(most).orElseThrow();
            Map.Entry<String, List<ReleaseSet.Edge>> tooEarly = early.entrySet().stream().min(most).orElseThrow();
            List<ReleaseSet.Edge> explained;
            if (tooEarly.getValue().size() > tooLate.getValue().size()) {
                // a crate above several of its dependencies: it must follow the last of them
                explained = new ArrayList<>(tooEarly.getValue());
                explained.sort(Comparator.comparingInt((ReleaseSet.Edge e) -> position.get(e.to().name())).reversed());
                ReleaseSet.Edge last = explained.get(0);
                String n = last.from().name();
                String others = names(explained.subList(1, explained.size()).stream().map(e -> e.to().name()).toList());
                diags.error(order.locations().get(position.get(n)), "order publishes '" + n + "' before '"
                        + last.to().name() + "', but " + n + " depends on " + last.to().name() + " ("
                        + last.dependency().location() + ", " + last.dependency().table() + ")"
                        + (others.isEmpty() ? "" : "; it also depends on " + others + ", listed after it too"),
                        "move '" + n + "' below '" + last.to().name() + "' in order, or use 'order: auto'");
            } else {
                // a crate below several of its dependents: it must precede the first of them
                explained = new ArrayList<>(tooLate.getValue());
                explained.sort(Comparator.comparingInt((ReleaseSet.Edge e) -> position.get(e.from().name())));
                ReleaseSet.Edge first = explained.get(0);
                String m = first.to().name();
                String others = names(explained.subList(1, explained.size()).stream().map(e -> e.from().name())
                        .toList());
                diags.error(order.locations().get(position.get(first.from().name())), "order publishes '"
                        + first.from().name() + "' before '" + m + "', but " + first.from().name() + " depends on " + m
                        + " (" + first.dependency().location() + ", " + first.dependency().table() + ")"
                        + (others.isEmpty() ? "" : "; so do " + others + ", listed before it too"),
                        "move '" + m + "' above '" + first.from().name() + "' in order, or use 'order: auto'");
            }
            explained.forEach(e -> open.remove(List.of(e.from().name(), e.to().name())));
        }
        return clean;
    }

    /** 'a', 'b' and 'c'. */
    private static String names(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        if (quoted.size() < 2) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String suggestion(String name, Set<String> candidates, String otherwise) {
        String s = Suggest.closest(name, candidates);
        return s != null ? "did you mean '" + s + "'?" : otherwise;
    }

    /** Tarjan's strongly connected components; reports each cycle once. Returns true when a cycle exists. */
    private static boolean reportCycles(Map<String, List<ReleaseSet.Edge>> edges, Diagnostics diags) {
        List<List<String>> cycles = new Tarjan(edges).components();
        for (List<String> comp : cycles) {
            Set<String> members = new LinkedHashSet<>(comp);
            // the shortest concrete cycle through the component's smallest name (breadth-first back to it)
            String start = comp.stream().min(Comparator.naturalOrder()).orElseThrow();
            List<ReleaseSet.Edge> path = shortestCycle(start, members, edges);
            StringBuilder chain = new StringBuilder(start);
            StringBuilder lines = new StringBuilder();
            for (ReleaseSet.Edge e : path) {
                chain.append(" -> ").append(e.to().name());
                lines.append(lines.length() == 0 ? "" : "; ").append(e.from().name()).append(" -> ")
                        .append(e.to().name()).append(" at ").append(e.dependency().location()).append(' ')
                        .append(e.dependency().table());
            }
            Location at = path.get(0).dependency().location();
            diags.error(at, "dependency cycle among published crates: " + chain + " (" + lines + ")",
                    "break the cycle: a dev-dependency written without 'version' is stripped at publish time and does "
                            + "not count; a normal or build dependency cycle cannot be published");
        }
        return !cycles.isEmpty();
    }

    private static List<ReleaseSet.Edge> shortestCycle(String start, Set<String> members,
            Map<String, List<ReleaseSet.Edge>> edges) {
        Map<String, ReleaseSet.Edge> via = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        ReleaseSet.Edge closing = null;
        while (!queue.isEmpty() && closing == null) {
            String cur = queue.removeFirst();
            for (ReleaseSet.Edge e : edges.get(cur)) {
                String to = e.to().name();
                if (to.equals(start)) {
                    closing = e;
                    break;
                }
                if (members.contains(to) && !via.containsKey(to)) {
                    via.put(to, e);
                    queue.add(to);
                }
            }
        }
        Deque<ReleaseSet.Edge> path = new ArrayDeque<>();
        for (ReleaseSet.Edge e = closing; e != null; e = e.from().name().equals(start) ? null : via.get(e.from().name())) {
            path.addFirst(e);
        }
        return new ArrayList<>(path);
    }

    private static final class Tarjan {
        private final Map<String, List<ReleaseSet.Edge>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new LinkedHashSet<>();
        private final List<List<String>> result = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, List<ReleaseSet.Edge>> edges) {
            this.edges = edges;
        }

        List<List<String>> components() {
            for (String n : edges.keySet()) {
                if (!index.containsKey(n)) {
                    strongConnect(n);
                }
            }
            return result;
        }

        private void strongConnect(String root) {
            // iterative Tarjan: frames of (node, next edge index)
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int i = (Integer) frame[1];
                if (i == 0 && !index.containsKey(v)) {
                    index.put(v, counter);
                    low.put(v, counter);
                    counter++;
                    stack.push(v);
                    onStack.add(v);
                }
                List<ReleaseSet.Edge> out = edges.get(v);
                if (i < out.size()) {
                    frame[1] = i + 1;
                    String w = out.get(i).to().name();
                    if (!index.containsKey(w)) {
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> comp = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        comp.add(w);
                    } while (!w.equals(v));
                    boolean selfLoop = comp.size() == 1 && edges.get(v).stream().anyMatch(e -> e.to().name().equals(v));
                    if (comp.size() > 1 || selfLoop) {
                        result.add(comp);
                    }
                }
            }
        }
    }
}
