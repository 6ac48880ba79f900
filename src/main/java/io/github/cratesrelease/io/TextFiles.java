package io.github.cratesrelease.io;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one decoder of the text files users write (Cargo.toml, Cargo.lock, CHANGELOG.md, release.yaml): UTF-8, and
 * a file that is not is a located error at its first bad byte ({@code CHANGELOG.md:3:7: not UTF-8: byte 0xff}),
 * not "Input length = 1".
 */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The most a user's text file may hold: 8 MiB, far above any real manifest, lock file or changelog (a large
     * workspace's Cargo.lock is a few hundred KiB), and below what the TOML reader parses in seconds.
     */
    public static final int MAX_BYTES = 8 << 20;

    /**
     * The text of {@code file}, decoded as UTF-8.
     *
     * @throws ReleaseException at the first byte that is not UTF-8, or at the line where the file passes
     *                          {@link #MAX_BYTES}
     */
    public static String read(Path file) {
        return read(file, MAX_BYTES);
    }

    /** As {@link #read(Path)}, with a limit of {@code maxBytes}: no more than that is read from the file. */
    public static String read(Path file, int maxBytes) {
        byte[] bytes;
        // a FileInputStream where it can: half the cost of a channel's stream in a fresh JVM (1,000 manifests: 16 ms
        // against 34 ms), which is where every goal reads them
        try (InputStream in = file.getFileSystem() == FileSystems.getDefault() ? new FileInputStream(file.toFile())
                : Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length > maxBytes) {
            int line = 1;
            for (int i = 0; i < maxBytes; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ReleaseException(Diagnostic.error(new Location(file, line, 1), "the file is larger than the "
                    + "limit of " + maxBytes + " bytes (the limit is passed in this line)",
                    "check that " + file.getFileName() + " is the right file; it is far larger than any real one"));
        }
        return decode(file, bytes);
    }

    /** {@code bytes} of {@code file} decoded as UTF-8. @throws ReleaseException at the first bad byte */
    public static String decode(Path file, byte[] bytes) {
        // the JDK's own decoding (an intrinsic for ASCII, which most manifests are) replaces a bad byte with U+FFFD;
        // only a text with that character is decoded again strictly, to tell a bad byte from a real U+FFFD
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : strict(file, bytes);
    }

    private static String strict(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(out.charAt(i))) {
                    column++;
                }
            }
            throw new ReleaseException(Diagnostic.error(new Location(file, line, column), String.format(
                    "not UTF-8: byte 0x%02x (at offset %d) is not part of a UTF-8 character", bytes[bad] & 0xff, bad),
                    "save " + file.getFileName() + " as UTF-8"));
        }
        out.flip();
        return out.toString();
    }
}
