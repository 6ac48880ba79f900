package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TomlEditorTest {

    @Test
    void onlyTheCharactersInsideTheQuotesChange() {
        String before = """
                # a comment that stays
                [package]
                name    = "core"   # aligned
                version='0.3.0'

                [dependencies]
                a = { path = "../a", version = "=0.3.0", features = ["x"] }  # inline
                b.version = "~0.3"
                b.path = "../b"

                [target.'cfg(unix)'.dependencies.c]
                version = "^0.3.0"
                path = "../c"
                """;
        TomlEditor e = new TomlEditor(before);
        var t = e.toml();
        e.setString(t.getTable("package"), "version", "0.4.0");
        e.setString(t.getTable("dependencies").getTable("a"), "version", "=0.4.0");
        e.setString(t.getTable("dependencies").getTable("b"), "version", "~0.4");
        e.setString(t.getTable(List.of("target", "cfg(unix)", "dependencies", "c")), "version", "^0.4.0");
        assertEquals(before.replace("version='0.3.0'", "version='0.4.0'").replace("\"=0.3.0\"", "\"=0.4.0\"")
                .replace("\"~0.3\"", "\"~0.4\"").replace("\"^0.3.0\"", "\"^0.4.0\""), e.result());
    }

    @Test
    void aNonStringValueIsRefused() {
        TomlEditor e = new TomlEditor("[package]\nversion.workspace = true\n");
        assertThrows(IllegalArgumentException.class, () -> e.setString(e.toml().getTable("package"), "version", "1"));
    }
}
