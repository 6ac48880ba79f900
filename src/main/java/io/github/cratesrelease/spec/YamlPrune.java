package io.github.cratesrelease.spec;

import java.util.ArrayList;
import java.util.List;

/** A YAML tree without one value: the tree a spec is still read from when one of its values is broken. */
final class YamlPrune {
    private YamlPrune() {
    }

    /**
     * {@code root} without the deepest mapping entry on {@code path} (for {@code order[1]}: the whole {@code order}
     * entry). The tree itself when no entry of the path exists, or the path is empty.
     */
    static YamlNode without(YamlNode root, List<Object> path) {
        int deepest = -1;
        YamlNode cur = root;
        for (int i = 0; i < path.size() && cur != null; i++) {
            Object step = path.get(i);
            if (cur instanceof YamlNode.Mapping m && step instanceof String k && m.entry(k) != null) {
                deepest = i;
                cur = m.get(k);
            } else if (cur instanceof YamlNode.Sequence s && step instanceof Integer n && n < s.items().size()) {
                cur = s.items().get(n);
            } else {
                cur = null;
            }
        }
        return deepest < 0 ? root : remove(root, path.subList(0, deepest + 1));
    }

    private static YamlNode remove(YamlNode node, List<Object> path) {
        Object step = path.get(0);
        if (node instanceof YamlNode.Mapping m) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (YamlNode.Entry e : m.entries()) {
                if (!e.name().equals(step)) {
                    entries.add(e);
                } else if (path.size() > 1) {
                    entries.add(new YamlNode.Entry(e.key(), remove(e.value(), path.subList(1, path.size()))));
                }
            }
            return new YamlNode.Mapping(List.copyOf(entries), m.location());
        }
        YamlNode.Sequence s = (YamlNode.Sequence) node;
        List<YamlNode> items = new ArrayList<>(s.items());
        int n = (Integer) step;
        items.set(n, remove(items.get(n), path.subList(1, path.size())));
        return new YamlNode.Sequence(List.copyOf(items), s.location());
    }
}
