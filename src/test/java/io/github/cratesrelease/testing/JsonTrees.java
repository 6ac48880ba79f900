package io.github.cratesrelease.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random trees of maps, lists and scalars (null, booleans, integers, optionally decimals, strings from the caller),
 * at most 5 levels deep, for tests that hold a JSON reader or writer to another one.
 */
public final class JsonTrees {

    private final Random random;
    private final Function<Random, String> strings;
    private final boolean decimals;

    public JsonTrees(Random random, Function<Random, String> strings, boolean decimals) {
        this.random = random;
        this.strings = strings;
        this.decimals = decimals;
    }

    /** A map of up to 4 entries. */
    public Map<String, Object> map() {
        return map(0);
    }

    /** A list of up to 4 items. */
    public List<Object> list() {
        return list(0);
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? (Object) random.nextLong() : (Object) (random.nextInt(2001) - 1000);
            case 3 -> !decimals ? strings.apply(random) : random.nextInt(4) == 0
                    ? (Object) (0.5 * (random.nextInt(200) - 100)) : (Object) (1.0e-3 * random.nextInt(100000));
            case 4, 5, 6 -> strings.apply(random);
            case 7 -> map(depth + 1);
            default -> list(depth + 1);
        };
    }

    private Map<String, Object> map(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            m.put(strings.apply(random), value(depth));
        }
        return m;
    }

    private List<Object> list(int depth) {
        List<Object> l = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            l.add(value(depth));
        }
        return l;
    }
}
