package io.github.cratesrelease.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.diag.ReleaseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** UTF-8 decoding: the fast path for valid text, the strict one for a text with U+FFFD in it. */
class TextFilesTest {

    private static final Path FILE = Path.of("Cargo.toml");

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void validTextIsDecoded() {
        String text = "[package]\nname = \"caf\u00e9\"\ndescription = \"\u2713 \ud83e\udd80\"\n";
        assertEquals(text, TextFiles.decode(FILE, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRealReplacementCharacterIsKept() {
        String text = "description = \"\uFFFD\"\n";
        assertEquals(text, TextFiles.decode(FILE, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badBytesAreLocatedErrors() {
        // a lone continuation byte, an encoded surrogate (ED A0 80), and a truncated sequence at the end
        for (byte[] bad : new byte[][] {bytes('a', '\n', 'b', 0x80), bytes('x', 0xed, 0xa0, 0x80), bytes('y', 0xe2, 0x82)}) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> TextFiles.decode(FILE, bad));
            assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
            String message = e.diagnostics().errors().get(0).message();
            assertEquals(true, message.startsWith("not UTF-8: byte 0x"), message);
        }
    }
}
