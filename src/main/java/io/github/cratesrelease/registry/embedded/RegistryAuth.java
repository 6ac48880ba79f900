package io.github.cratesrelease.registry.embedded;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** The embedded registry's token rules: writes need the token; with auth-required, reads too (as cargo expects). */
final class RegistryAuth {

    private final RegistryOptions options;
    private final Supplier<String> apiUrl;

    RegistryAuth(RegistryOptions options, Supplier<String> apiUrl) {
        this.options = options;
        this.apiUrl = apiUrl;
    }

    boolean authorizedRead(HttpExchange ex) throws IOException {
        if (!options.authRequired()) {
            return true;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Cargo login_url=\"" + apiUrl.get() + "/me\"");
            HttpResponses.error(ex, 401, "this registry requires authentication: configure a token for it");
            return false;
        }
        if (!tokenMatches(auth)) {
            HttpResponses.error(ex, 403, "the token sent is not valid for this registry");
            return false;
        }
        return true;
    }

    void requireWriteToken(HttpExchange ex) {
        if (options.token() == null) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            throw new RegistryError(403, "this action requires authentication: no token was sent");
        }
        if (!tokenMatches(auth)) {
            throw new RegistryError(403, "the token sent is not valid for this registry");
        }
    }

    private boolean tokenMatches(String header) {
        String expected = options.token();
        if (expected == null) {
            return true;
        }
        String sent = header.startsWith("Bearer ") ? header.substring(7) : header;
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

}
