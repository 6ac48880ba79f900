package io.github.cratesrelease.run;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time per output directory (and so per workspace, whose journal, report and packaged crates live
 * there): {@code release.lock}, created atomically ({@code CREATE_NEW}) at the start of a run that changes things,
 * holding the holder's pid, host, start time and goal. A second run is refused with who holds it; a lock whose
 * holder is dead (on this host: its pid gone, or reused by another process) is taken over with a message. A goal
 * that runs another inside it (redist's publishes, in other directories) or the same directory again from the same
 * thread re-enters.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE = "release.lock";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** The locks this JVM holds: file → holding thread and depth. */
    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    private record Held(Thread thread, int depth) {
    }

    /** What a lock file says. */
    record Holder(long pid, String host, Instant since, String goal, Instant processStart) {
    }

    private final Path file;

    private RunLock(Path file) {
        this.file = file;
    }

    /**
     * Takes the lock of {@code outputDirectory} for {@code goal}; throws a {@link ReleaseException} naming the
     * holder when another live run has it.
     */
    public static RunLock acquire(RunContext ctx, Path outputDirectory, String goal) {
        Path file = outputDirectory.toAbsolutePath().normalize().resolve(FILE);
        synchronized (HELD) {
            Held mine = HELD.get(file);
            if (mine != null && mine.thread() == Thread.currentThread()) {
                HELD.put(file, new Held(mine.thread(), mine.depth() + 1));
                return new RunLock(file);
            }
            if (mine != null) {
                throw refusal(ctx, file, read(file).orElse(self(goal)));
            }
            for (int attempt = 0; ; attempt++) {
                try {
                    create(file, self(goal));
                    HELD.put(file, new Held(Thread.currentThread(), 1));
                    return new RunLock(file);
                } catch (FileAlreadyExistsException taken) {
                    Optional<Holder> h = read(file);
                    if (h.isEmpty() && young(file) && attempt < 20) {
                        pause(100);  // another run is writing its lock right now
                        continue;
                    }
                    if (h.isPresent() && alive(h.get())) {
                        throw refusal(ctx, file, h.get());
                    }
                    if (attempt >= 3) {
                        throw refusal(ctx, file, h.orElse(self(goal)));
                    }
                    ctx.out().warn("Taking over " + file + (h.map(x -> ": its holder, crates:" + x.goal() + " (pid "
                            + x.pid() + " on " + x.host() + ", since " + CLOCK.format(x.since()) + "), is no longer "
                            + "running").orElse(": it is unreadable")) + "; the journal and the registry tell this run "
                            + "where that one stopped");
                    setAside(file);
                }
            }
        }
    }

    /** Where the lock of {@code outputDirectory} is (for messages and tests). */
    public static Path file(Path outputDirectory) {
        return outputDirectory.toAbsolutePath().normalize().resolve(FILE);
    }

    @Override
    public void close() {
        synchronized (HELD) {
            Held h = HELD.get(file);
            if (h == null) {
                return;
            }
            if (h.depth() > 1) {
                HELD.put(file, new Held(h.thread(), h.depth() - 1));
                return;
            }
            HELD.remove(file);
            try {
                Optional<Holder> on = read(file);
                if (on.isEmpty() || on.get().pid() == ProcessHandle.current().pid()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a lock left behind is detected as stale by the next run
            }
        }
    }

    private static ReleaseException refusal(RunContext ctx, Path file, Holder h) {
        boolean here = h.host().equals(host());
        Location at = ctx.spec() != null ? Location.of(ctx.spec()) : Location.of(file);
        return new ReleaseException(Diagnostic.error(at, "another crates:" + h.goal() + " (pid "
                + h.pid() + " on " + h.host() + ", since " + CLOCK.format(h.since()) + ") holds " + file
                + "; this run changed nothing", "wait for it to finish" + (here ? ""
                        : ", or, if it is dead (it ran on another host, which this run cannot check), delete " + file
                                + " and run again")));
    }

    private static Holder self(String goal) {
        ProcessHandle me = ProcessHandle.current();
        return new Holder(me.pid(), host(), Instant.now(), goal, me.info().startInstant().orElse(null));
    }

    /** Whether the holder still runs: unknowable on another host (then it is taken as running). */
    static boolean alive(Holder h) {
        if (!h.host().equals(host())) {
            return true;
        }
        if (h.pid() == ProcessHandle.current().pid()) {
            return false;  // this JVM holds no such lock (HELD says so): a leftover of an earlier run in it
        }
        Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        // the pid reused by a process started after the holder wrote its lock
        return h.processStart() == null || start.isEmpty()
                || !start.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .isAfter(h.processStart().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static void create(Path file, Holder h) throws FileAlreadyExistsException {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("pid", Long.toString(h.pid()));
        kv.put("host", h.host());
        kv.put("since", h.since().toString());
        kv.put("goal", h.goal());
        kv.put("processStart", h.processStart() == null ? "" : h.processStart().toString());
        StringBuilder sb = new StringBuilder("# crates-maven-plugin: one release at a time in this directory\n");
        kv.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lock " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<Holder> read(Path file) {
        try {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    kv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            String start = kv.getOrDefault("processStart", "");
            return Optional.of(new Holder(Long.parseLong(kv.get("pid")), kv.get("host"), Instant.parse(kv.get("since")),
                    kv.getOrDefault("goal", "?"), start.isEmpty() ? null : Instant.parse(start)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean young(Path file) {
        try {
            return Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now()).toSeconds() < 5;
        } catch (IOException e) {
            return true;  // gone meanwhile: try again
        }
    }

    private static void setAside(Path file) {
        try {
            Files.move(file, file.resolveSibling(FILE + ".stale"), StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            // another run took it over first: the next attempt sees its lock
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Diagnostic.error(Location.of(Path.of(FILE)), "interrupted while waiting for "
                    + "the lock", "run again"));
        }
    }

    private static volatile String host;

    /** This host's name: /etc/hostname, else what the JVM resolves, else $HOSTNAME (asked once). */
    static String host() {
        String h = host;
        if (h == null) {
            try {
                Path etc = Path.of("/etc/hostname");
                if (Files.isReadable(etc)) {
                    h = Files.readString(etc).strip();
                }
                if (h == null || h.isBlank()) {
                    h = InetAddress.getLocalHost().getHostName();
                }
            } catch (IOException | RuntimeException e) {
                h = System.getenv("HOSTNAME");
            }
            if (h == null || h.isBlank()) {
                h = "unknown-host";
            }
            host = h;
        }
        return h;
    }
}
