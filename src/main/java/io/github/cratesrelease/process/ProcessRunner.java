package io.github.cratesrelease.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starts child processes (cargo, git, credential providers). Children start from the base environment without the
 * variables {@linkplain #withhold withheld} (the token variables: the credentials layer names them); a secret
 * reaches a child only when its caller puts it in that child's own variables. Every argument list is offered to
 * the launch listeners first, so tests can prove no token is ever an argument.
 */
public final class ProcessRunner {

    /** The outcome of a finished process; output lines are merged stdout+stderr in arrival order. */
    public record Result(List<String> command, int exit, List<String> stdout, List<String> output) {
        public String tail(int lines) {
            return String.join("\n", output.subList(Math.max(0, output.size() - lines), output.size()));
        }

        public boolean ok() {
            return exit == 0;
        }

        /** This result when the command succeeded, else a {@link CommandException} naming {@code what} failed. */
        public Result orThrow(String what) {
            if (exit != 0) {
                throw new CommandException(what, command, exit, tail(10));
            }
            return this;
        }
    }

    /** Variables matching {@code name} are kept from every child except the commands {@code except} accepts. */
    private record Withheld(Predicate<String> name, Predicate<List<String>> except) {
    }

    private final Map<String, String> baseEnv;
    private final List<Consumer<List<String>>> launchListeners = new CopyOnWriteArrayList<>();
    private final List<Withheld> withheld = new CopyOnWriteArrayList<>();

    public ProcessRunner(Map<String, String> baseEnv) {
        this.baseEnv = baseEnv;
    }

    public void onLaunch(Consumer<List<String>> listener) {
        launchListeners.add(listener);
    }

    /** Keeps the variables {@code names} accepts out of every child's base environment. */
    public void withhold(Predicate<String> names) {
        withhold(names, command -> false);
    }

    /**
     * Keeps the variables {@code names} accepts out of the base environment of every child but the commands
     * {@code except} accepts (e.g. git talking to a remote, whose credential helper may read a token variable).
     */
    public void withhold(Predicate<String> names, Predicate<List<String>> except) {
        withheld.add(new Withheld(names, except));
    }

    /** The environment a child starts from (before its own variables): the base without what is withheld. */
    public Map<String, String> baseEnv() {
        return childBase(List.of());
    }

    private Map<String, String> childBase(List<String> command) {
        Map<String, String> e = new HashMap<>();
        baseEnv.forEach((k, v) -> {
            if (withheld.stream().noneMatch(w -> w.name().test(k) && !w.except().test(command))) {
                e.put(k, v);
            }
        });
        return e;
    }

    /**
     * Runs a command to completion.
     *
     * @param env   variables set on top of the base environment (a null value removes one); a withheld variable
     *              reaches the child only when given here
     * @param input written to stdin, then stdin is closed (null: closed at once)
     * @param line  receives each output line (stderr and stdout) as it arrives; may be null
     */
    public Result run(Path dir, Map<String, String> env, List<String> command, String input, Consumer<String> line) {
        launchListeners.forEach(l -> l.accept(List.copyOf(command)));
        Map<String, String> e = childBase(command);
        env.forEach((k, v) -> {
            if (v == null) {
                e.remove(k);
            } else {
                e.put(k, v);
            }
        });
        List<String> argv = new ArrayList<>(command);
        argv.set(0, onPath(command.get(0), e.get("PATH")));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(e);
        Process p = null;
        try {
            p = pb.start();
            List<String> stdout = new CopyOnWriteArrayList<>();
            List<String> all = new CopyOnWriteArrayList<>();
            Thread err = pump(p.getErrorStream(), all, null, line);
            Thread out = pump(p.getInputStream(), all, stdout, line);
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException closedEarly) {
                // the child did not read its input; its exit code tells
            }
            int exit = p.waitFor();
            err.join();
            out.join();
            return new Result(List.copyOf(command), exit, new ArrayList<>(stdout), new ArrayList<>(all));
        } catch (IOException ex) {
            throw new CommandException("cannot start " + command.get(0) + " in " + dir, command, -1, ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            if (p != null) {
                p.destroy();
            }
            throw new CommandException("interrupted", command, -1, "");
        }
    }

    /**
     * A bare program name found on the child's own PATH (the JVM would search its own): the environment the runner
     * was given decides which cargo and git run. Anything else, or a name not found, is left to the system.
     */
    private static String onPath(String program, String path) {
        if (program.contains("/") || path == null) {
            return program;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(d.isEmpty() ? "." : d, program);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return program;
    }

    private static Thread pump(java.io.InputStream s, List<String> all, List<String> own, Consumer<String> line) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    all.add(l);
                    if (own != null) {
                        own.add(l);
                    }
                    if (line != null) {
                        line.accept(l);
                    }
                }
            } catch (IOException ignored) {
                // stream closed with the process
            }
        }, "process-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
