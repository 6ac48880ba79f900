package io.github.cratesrelease.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.bench.SyntheticWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our TOML reader against tomlj 2.2.0, the reader the plugin used before (a TOML 1.0 reader): on the repository's
 * manifests, lock files and cargo configurations, on a generated 120-crate workspace, on thousands of generated
 * documents and on mutations of all of these. Valid documents must give equal trees (values, types, key order and
 * the positions of keys and array values); a document one reader rejects the other must reject too, except the
 * TOML 1.1 forms cargo accepts, which are listed in {@link #toml11FormsThatCargoAcceptsAndTomljRejects()}.
 */
class TomlDifferentialTest {

    @TempDir
    Path tmp;

    private static List<Path> repositoryTomlFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : List.of("src/test/resources", "examples")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".toml") || p.getFileName().toString().equals("Cargo.lock"))
                        .filter(p -> !p.toString().contains("/target/")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static String text(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    private static void agree(String name, String text, List<String> failures) {
        String d = TomlOracle.read(text).difference();
        if (d != null) {
            failures.add(name + ": " + d);
        }
    }

    /** TOML's corners, valid and invalid (the cases of the TOML spec and its test suite that cargo's reader meets). */
    private static final List<String> CORNERS = List.of(
            // tables, dotted keys, arrays of tables and what may not be defined twice
            "[a.b.c]\nz=9\n[a]\nb.c.t = 1\n", "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n"
                    + "[fruit.apple.texture]\nsmooth = true\n", "[fruit]\napple.color = 'red'\n[fruit.apple]\n",
            "[fruit]\napple.color = 'red'\n[fruit.apple.color]\n", "a = {b = 1}\n[a.c]\n", "a = {b = {c = 1}}\n[a.b.d]\n",
            "a = [1]\n[[a]]\n", "[[a]]\n[a.b]\nc=1\n[[a]]\n[a.b]\nc=2\n", "[[a.b]]\n[a]\nc=1\n", "[[a]]\nb.c=1\n[a.b.d]\n",
            "a.b = 1\na.c = 2\n", "a.b = 1\n[x]\n[a.c]\n", "a = 1\na.b = 2\n", "[a]\nb = 1\n[a]\n", "[ a . b ]\n", "[ [a] ]\n",
            "[[a] ]\n", "[a]\n[a.b]\n[a]\n", "[a.b]\n[a]\n[a.b]\n", "[[a]]\n[a]\n", "a=[]\n[[a]]\n", "a.b=1\n[a]\n",
            "[a]\nb=1\n[a.b]\n", "\"a\" = 1\na = 2\n", "'a' = 1\n\"a\" = 2\n", "\"\" = 1\n", "'' = 1\n", "a.\"\".b = 1\n",
            "a = {b = 1, b = 2}\n", "a = {b.c = 1, b.d = 2}\n", "a = {b = {c=1}, b.d = 2}\n", "a = {b = 1}\na.c = 2\n",
            "a = [{b=1}]\n[[a]]\n", "a =\n", "= 1\n", "a b = 1\n", "a.b.c\n", "[]\n", "[a.]\n", "[.a]\n", "[a..b]\n",
            "a = 1 # c\n[b] # c\n[[c]] # c\n", "a = 1 b = 2\n",
            // comments, line ends, control characters
            "a = \"x\" # c\u0001\n", "# \u007f\n", "a = 'x\u007f'\n", "a = \"a\rb\"\n", "a = 1\r\n", "a = 1\rb = 2\n",
            "a = 'x\ty'\n", "a = \"x\ty\"\n", "a\t=\t1\n", "a = 1\t# c\n",
            // strings and escapes (\e and \x are TOML 1.1; tomlj 2.2.0 takes them too)
            "a = \"\\u0000\"\n", "a = \"\\uD800\"\n", "a = \"\\ud800\"\n", "a = \"\\U00110000\"\n", "a = \"\\x41\\e\"\n",
            "a = \"\"\"\"\"\"\"\n", "a = \"\"\"a\"\"\"\"\"\n", "a = \"\"\"a\"\"\"\"\"\"\n", "a = '''a''''''\n", "a = '''a'''''\n",
            "a = \"\"\"\\\n  \\\n  b\"\"\"\n", "a = \"\"\"a \\  \n b\"\"\"\n", "a = \"\"\"a \\ b\"\"\"\n", "a = \"\"\"a\rb\"\"\"\n",
            "a = \"\"\"\r\nx\"\"\"\n",
            // integers and floats
            "a = 1e400\n", "a = 9223372036854775807\n", "a = 9223372036854775808\n", "a = -9223372036854775809\n",
            "a = 0x7fffffffffffffff\n", "a = 0x8000000000000000\n", "a = 0xffffffffffffffff\n", "a = +inf\n",
            "a = infinity\n", "a = -nan\n", "a = NaN\n", "a = 1.\n", "a = .5\n", "a = 1.e5\n", "a = 1e\n", "a = 01\n",
            "a = -01\n", "a = 0_0\n", "a = 1__0\n", "a = _1\n", "a = 1_\n", "a = 0x\n", "a = 0X1\n", "a = 0x_1\n",
            "a = +0x1\n", "a = -0x1\n", "a = 0b2\n", "a = 0o8\n", "a = 0o\n", "a = 00.5\n", "a = 0.5_\n", "a = 1e_5\n",
            "a = 1e5_\n", "a = 1_e5\n", "a = 1._5\n", "a = +1_0.0_1e+0_1\n", "a = 3.14e-\n", "a = True\n", "a = tru\n",
            "a = truee\n", "a=[1, [2, [3]], {x = [4]}]\n", "a = [1,,2]\n", "a = [,]\n", "a = [1 2]\n",
            "a = [\n1,\n# c\n2,\n]\n", "a = { }\n",
            // dates and times (a time without seconds, and an inline table over lines with a trailing comma, are
            // TOML 1.1 forms tomlj 2.2.0 takes too)
            "a = 1979-05-27T07:32:60Z\n", "a = 1979-02-29\n", "a = 2000-02-29\n", "a = 24:00:00\n",
            "a = 1979-05-27T07:32:00+24:00\n", "a = 1979-05-27T07:32:00-23:59\n", "a = 07:32:00Z\n", "a = 1979-05-27Z\n",
            "a = 1979-05-27 \n", "a = 1979-05-27 # c\n", "a = 1979-05-27 07\n", "a = 1979-05-27T\n", "a = 1979-5-27\n",
            "a = 07:32\n", "a = 07:32:1\n", "a = 07:32:00.\n", "a=1979-05-27T07:32\n", "t = 10:30\n", "a = 10:30.5\n",
            "a = 1979-05-27 07:32:00\n", "x = 1979-05-27T07:32:00.\n", "a = 1979-05-27T07:32:00+0100\n", "a=00:00:00\n",
            "a=99:00:00\n", "a=0000-01-01\n", "a=1979-13-01\n", "a=1979-00-01\n", "t = {\n a = 1\n}\n", "t = {a=1,}\n",
            "t = {\n  a = 1, # one\n  b = 2,\n}\n");

    @Test
    void tomlsCornersReadTheSame() {
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (String c : CORNERS) {
            agree(c, c, failures);
            rejected += TomlOracle.read(c).bothReject() ? 1 : 0;
        }
        assertEquals(List.of(), failures);
        assertTrue(rejected > 80 && rejected < CORNERS.size() - 30, rejected + " of " + CORNERS.size() + " rejected");
    }

    /**
     * Where the readers part, on purpose: forms cargo 1.95 accepts and tomlj rejects (a byte order mark; more than 9
     * digits of a second's fraction, cut to nanoseconds), and a form tomlj accepts and cargo rejects ("duplicate
     * key": a dotted key may not add to a table a header made, even one it made on the way to a sub-table).
     */
    @Test
    void whereCargoAndTomljPartOursFollowsCargo() {
        TomlOracle.Reading bom = TomlOracle.read("\uFEFFa = 1\n");
        assertEquals(List.of(".\"a\" @1:2 = Long 1"), bom.ours());
        assertTrue(bom.tomljError() != null, "tomlj rejects a byte order mark");
        TomlOracle.Reading nanos = TomlOracle.read("a = 1979-05-27T07:32:00.1234567891Z\n");
        assertEquals(List.of(".\"a\" @1:1 = OffsetDateTime 1979-05-27T07:32:00.123456789Z"), nanos.ours());
        assertTrue(nanos.tomljError().contains("nanoseconds"), nanos.tomljError());
        TomlOracle.Reading implicit = TomlOracle.read("[a.b.c]\n[a]\nb.d = 1\n");
        assertEquals("b is defined twice: it is already a table at line 1, column 1 (remove one of them, or give it "
                + "another name) (line 3, column 1)", implicit.oursError());
        assertEquals(null, implicit.tomljError());
    }

    @Test
    void theRepositorysTomlFilesReadTheSame() throws IOException {
        List<Path> files = repositoryTomlFiles();
        assertTrue(files.size() > 50, "found " + files.size());
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (Path f : files) {
            String text = text(f);
            agree(f.toString(), text, failures);
            valid += TomlOracle.read(text).bothAccept() ? 1 : 0;
        }
        assertEquals(List.of(), failures);
        assertTrue(valid > 50, valid + " valid files");
    }

    @Test
    void aGeneratedWorkspaceReadsTheSame() throws IOException {
        Path ws = SyntheticWorkspace.generate(tmp.resolve("ws"), new SyntheticWorkspace.Shape(120, 6, 3), "bench");
        List<String> failures = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(ws)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches("Cargo\\.(toml|lock)")).toList()) {
                String text = text(f);
                assertTrue(TomlOracle.read(text).bothAccept(), f.toString());
                agree(f.toString(), text, failures);
                files++;
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(122, files);
    }

    @Test
    void generatedDocumentsReadTheSame() {
        List<String> failures = new ArrayList<>();
        for (long seed = 0; seed < 2000; seed++) {
            String doc = new TomlDocuments(seed).document();
            TomlOracle.Reading r = TomlOracle.read(doc);
            if (!r.bothAccept() || r.difference() != null) {
                failures.add("seed " + seed + ": " + r.difference() + "\n" + doc);
            }
        }
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failures");
    }

    @Test
    void mutatedDocumentsAreRejectedByBothOrReadTheSame() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path f : repositoryTomlFiles()) {
            sources.add(text(f));
        }
        for (long seed = 0; seed < 200; seed++) {
            sources.add(new TomlDocuments(seed).document());
        }
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        int total = 0;
        for (int k = 0; k < sources.size(); k++) {
            TomlDocuments m = new TomlDocuments(1000 + k);
            for (int j = 0; j < 20; j++) {
                String doc = m.mutate(sources.get(k));
                TomlOracle.Reading r = TomlOracle.read(doc);
                total++;
                rejected += r.bothReject() ? 1 : 0;
                String d = r.difference();
                if (d != null) {
                    failures.add("source " + k + " mutation " + j + ": " + d + "\n" + doc);
                }
            }
        }
        Files.writeString(Path.of("target/toml-differences.txt"), String.join("\n----\n", failures));
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failures");
        assertTrue(rejected > total / 3, rejected + " of " + total + " rejected by both");
    }
}
