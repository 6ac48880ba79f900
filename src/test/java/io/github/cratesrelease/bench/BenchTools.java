package io.github.cratesrelease.bench;

import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands the benchmark runs and their environment: the {@code mvn} that bench/run found (a Maven 3.9 on PATH,
 * else the one the wrapper installed), the local repository the plugin was installed into, and an isolated
 * CARGO_HOME that knows the registry by name with its index URL and token in the environment, as a user's CI has it.
 */
final class BenchTools {

    static final String REGISTRY = "bench";
    static final String TOKEN = "bench-token";
    static final String PLUGIN = "io.github.cratesrelease:crates-maven-plugin:0.1.0-SNAPSHOT";

    private final String mvn;
    private final List<String> mavenArgs;

    BenchTools(String mvn, List<String> mavenArgs) {
        this.mvn = mvn;
        this.mavenArgs = List.copyOf(mavenArgs);
    }

    /** From the system properties bench/run passes: bench.mvn, bench.repoLocal (optional). */
    static BenchTools fromSystemProperties() {
        String mvn = System.getProperty("bench.mvn", "mvn");
        List<String> args = new ArrayList<>();
        String repo = System.getProperty("bench.repoLocal", "");
        if (!repo.isBlank()) {
            args.add("-Dmaven.repo.local=" + repo);
            args.add("-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        }
        return new BenchTools(mvn, args);
    }

    String mvn() {
        return mvn;
    }

    /** {@code mvn -B [repo] <timestamps> plugin:goal... args} */
    List<String> goal(List<String> goals, String... args) {
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-o"));
        cmd.addAll(mavenArgs);
        cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        cmd.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        for (String g : goals) {
            cmd.add(PLUGIN + ":" + g);
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    List<String> goal(String goal, String... args) {
        return goal(List.of(goal), args);
    }

    /**
     * This process's environment without cargo registry or Maven settings of its own, plus an isolated CARGO_HOME
     * whose config.toml names the registry (index URL and token through the environment, as CI passes them).
     */
    static Map<String, String> env(Path cargoHome, EmbeddedRegistry registry, Map<String, String> extra) {
        Fixtures.write(cargoHome.resolve("config.toml"), "[registries." + REGISTRY
                + "]\ncredential-provider = [\"cargo:token\"]\n\n[net]\nretry = 0\n\n[term]\ncolor = \"never\"\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("CARGO_REGISTR") || k.equals("MAVEN_OPTS") || k.startsWith("JAVA_TOOL")
                || k.equals("MAVEN_ARGS"));
        env.put("CARGO_HOME", cargoHome.toString());
        env.put("CARGO_TERM_COLOR", "never");
        String var = "CARGO_REGISTRIES_" + REGISTRY.toUpperCase().replace('-', '_');
        env.put(var + "_INDEX", registry != null ? registry.indexUrl() : "sparse+http://127.0.0.1:9/index/");
        env.put(var + "_TOKEN", TOKEN);
        env.putAll(extra);
        return env;
    }

    /** The path of cargo's executables for an isolated CARGO_HOME: the rustup toolchain stays where it is. */
    static Map<String, String> rustupHome() {
        Map<String, String> m = new HashMap<>();
        String rustup = System.getenv("RUSTUP_HOME");
        m.put("RUSTUP_HOME", rustup != null ? rustup : Path.of(System.getProperty("user.home"), ".rustup").toString());
        return m;
    }
}
