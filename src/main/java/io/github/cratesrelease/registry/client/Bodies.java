package io.github.cratesrelease.registry.client;

import io.github.cratesrelease.io.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads what a registry answers within a bound (a registry that sends 1 GiB gets a clear error, not an
 * OutOfMemoryError or minutes of reading), and parses JSON with a message of ours instead of the parser's.
 */
final class Bodies {

    private Bodies() {
    }

    /** The body as bytes, at most {@code max}; {@code what} names it in the error ("the index file of `x` at URL"). */
    static byte[] bytes(Response r, long max, String what) throws IOException {
        ResponseBody b = r.body();
        if (b == null) {
            return new byte[0];
        }
        long declared = b.contentLength();
        if (declared > max) {
            throw tooLarge(what, max);
        }
        BufferedSource src = b.source();
        Buffer buf = new Buffer();
        while (buf.size() <= max) {
            if (src.read(buf, 64 * 1024) < 0) {
                return buf.readByteArray();
            }
        }
        throw tooLarge(what, max);
    }

    static String text(Response r, long max, String what) throws IOException {
        return new String(bytes(r, max, what), StandardCharsets.UTF_8);
    }

    /**
     * Parses JSON; on a syntax error, {@code what} (which says where) and the reader's own words, no source dump.
     * Blank text is no value ({@link JsonValue#MISSING}), not an error: a blank answer has no members.
     */
    static JsonValue json(String text, String what) throws RegistryDataException {
        if (text.isBlank()) {
            return JsonValue.MISSING;
        }
        try {
            return JsonValue.parse(text);
        } catch (JsonValue.Malformed e) {
            throw new RegistryDataException(what + ": " + e.what() + " (at column " + e.column() + ")");
        }
    }

    private static RegistryDataException tooLarge(String what, long max) {
        return new RegistryDataException(what + " is larger than " + mib(max) + "; not read (a registry answer "
                + "that big is a fault of the registry or of a proxy in between)");
    }

    private static String mib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
