package io.github.cratesrelease.publish;

import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The summary table and {@code publish-report.json}. */
public final class PublishReport {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PublishReport() {
    }

    public static List<String> table(List<CrateOutcome> crates) {
        int nw = "Crate".length();
        int vw = "Version".length();
        int rw = "Registry".length();
        for (CrateOutcome c : crates) {
            nw = Math.max(nw, c.name().length());
            vw = Math.max(vw, c.version().length());
            rw = Math.max(rw, c.registry().length());
        }
        String fmt = "%-5s %-" + nw + "s %-" + vw + "s %-" + rw + "s %-13s %9s %8s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(fmt, "Wave", "Crate", "Version", "Registry", "Result", "Upload", "Wait"));
        for (CrateOutcome c : crates) {
            lines.add(String.format(fmt, c.wave(), c.name(), c.version(), c.registry(),
                    c.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c.uploadMs() < 0 ? "-" : c.uploadMs() + " ms",
                    c.waitMs() < 50 ? "-" : String.format(Locale.ROOT, "%.1f s", c.waitMs() / 1000.0)));
        }
        return lines;
    }

    public static Path write(Path file, List<CrateOutcome> crates, Duration elapsed, boolean rehearsal, String failure,
            Masker masker) {
        ObjectNode root = JSON.createObjectNode();
        root.put("result", failure == null ? "success" : "failure");
        root.put("rehearsal", rehearsal);
        root.put("finished", Instant.now().toString());
        root.put("elapsedMs", elapsed.toMillis());
        root.put("failure", masker.mask(failure));
        ArrayNode arr = root.putArray("crates");
        for (CrateOutcome c : crates) {
            ObjectNode o = arr.addObject();
            o.put("wave", c.wave());
            o.put("name", c.name());
            o.put("version", c.version());
            o.put("registry", c.registry());
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("cksum", c.cksum());
            o.put("uploadMs", c.uploadMs());
            o.put("waitMs", c.waitMs());
            o.put("attempts", c.attempts());
            o.put("detail", masker.mask(c.detail()));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
