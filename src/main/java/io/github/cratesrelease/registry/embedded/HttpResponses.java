package io.github.cratesrelease.registry.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.cratesrelease.io.JsonMapping;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Answers as crates.io answers: JSON bodies, errors as {@code {"errors": [{"detail": ...}]}}. */
final class HttpResponses {

    static final ObjectMapper JSON = JsonMapping.mapper();

    private HttpResponses() {
    }

    static void error(HttpExchange ex, int status, String detail) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("detail", detail);
        sendJson(ex, status, body);
    }

    static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
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
