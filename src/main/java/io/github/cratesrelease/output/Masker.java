package io.github.cratesrelease.output;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Replaces every known secret in a text with asterisks; wraps a {@link Reporter} so no line can leak one. */
public final class Masker {
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, "******");
        }
        return t;
    }

    public Reporter wrap(Reporter r) {
        return new Reporter() {
            @Override
            public void info(String line) {
                r.info(mask(line));
            }

            @Override
            public void warn(String line) {
                r.warn(mask(line));
            }

            @Override
            public void error(String line) {
                r.error(mask(line));
            }

            @Override
            public void debug(String line) {
                r.debug(mask(line));
            }
        };
    }
}
