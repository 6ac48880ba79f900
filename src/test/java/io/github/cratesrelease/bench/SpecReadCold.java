package io.github.cratesrelease.bench;

import io.github.cratesrelease.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times one {@code SpecLoader.read} in this JVM, the first thing it does: run it in a fresh JVM for the cold figure
 * (every {@code mvn} run is one). {@code java -cp <test and main classes, runtime classpath> SpecReadCold <spec>};
 * {@code --write-1000 <file>} first writes a spec of 1,000 crates (each with a registry, some with post-publish
 * actions) to measure on.
 */
public final class SpecReadCold {
    private SpecReadCold() {
    }

    public static void main(String[] args) throws IOException {
        Path spec = Path.of(args[args.length - 1]);
        if (args[0].equals("--write-1000")) {
            Files.writeString(spec, thousandCrates());
        }
        long start = System.nanoTime();
        SpecLoader.Reading r = new SpecLoader().read(spec);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("SpecLoader.read " + spec.getFileName() + ": " + ms + " ms"
                + (r.diagnostics().hasErrors() ? " (with errors)" : ""));
    }

    /** A spec of 1,000 crates: registries, waits and actions, the keys a large workspace's spec has. */
    static String thousandCrates() {
        StringBuilder sb = new StringBuilder("""
                version: 1
                workspace: .
                defaults: { registry: bench }
                registries:
                  bench:
                    index: sparse+http://127.0.0.1:1/index/
                    token: { env: BENCH_TOKEN }
                    wait: { strategy: index, timeout: 10m, interval: 2s }
                order: auto
                wait: { strategy: none, timeout: 5m, interval: 250ms }
                versioning: { mode: independent, dependents: upgrade }
                tags: { name: "{crate}-v{version}", push: origin }
                crates:
                """);
        for (int i = 0; i < 1000; i++) {
            sb.append("  ").append(SyntheticWorkspace.name(i % 8, i)).append(':');
            if (i % 10 == 0) {
                sb.append("\n    registry: bench\n    post-publish:\n      - verify: { timeout: 5m }\n")
                        .append("      - run: [echo, released]\n");
            } else if (i % 3 == 0) {
                sb.append(" { publish: false }\n");
            } else {
                sb.append(" {}\n");
            }
        }
        return sb.toString();
    }
}
