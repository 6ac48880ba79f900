package io.github.cratesrelease.registry.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.cratesrelease.io.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers as crates.io answers: JSON bodies, errors as {@code {"errors": [{"detail": ...}]}}. Bodies are plain values
 * (maps in their insertion order, lists, strings, numbers, booleans) written compact by {@link JsonText}.
 */
final class HttpResponses {

    private HttpResponses() {
    }

    /** An object with these members, in this order: {@code object("ok", true, "msg", "...")}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return o;
    }

    static void error(HttpExchange ex, int status, String detail) throws IOException {
        sendJson(ex, status, object("errors", List.of(object("detail", detail))));
    }

    static void sendJson(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JsonText.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

}
