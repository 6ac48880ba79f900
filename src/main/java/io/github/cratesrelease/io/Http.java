package io.github.cratesrelease.io;

import java.io.IOException;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The plugin's HTTP client as {@link HttpClients} configures it, whose TLS set-up is made by the first https request
 * rather than up front. okhttp reads and parses the JDK's trusted certificates when it builds a client that may speak
 * TLS: about 130 ms of CPU in a fresh JVM, spent while cargo packages beside it. A run against a registry over http
 * (the embedded registry of a rehearsal, a registry on the local network) never needs them.
 *
 * <p>The two clients share one connection pool and one dispatcher. The cleartext one does not follow a redirect to
 * https; such a request is sent again by the TLS client, which follows it by okhttp's rules (the Authorization header
 * is dropped on the way to another host, as before).
 */
public final class Http implements AutoCloseable {
    private final OkHttpClient cleartext;
    private volatile OkHttpClient tls;

    /** {@code configured} is not built as it is: a client built with okhttp's TLS defaults sets TLS up at once. */
    Http(OkHttpClient.Builder configured) {
        this.cleartext = configured.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false)
                .build();
    }

    /** Sends {@code request} and returns the answer, redirects followed; the caller closes it. */
    public Response execute(Request request) throws IOException {
        if (request.url().isHttps()) {
            return tls().newCall(request).execute();
        }
        Response r = cleartext.newCall(request).execute();
        if (r.isRedirect() && toHttps(r)) {
            r.close();
            return tls().newCall(request).execute();
        }
        return r;
    }

    /**
     * Sets TLS up now, for a caller that knows an https request will come and has a thread to spare (the set-up is
     * then not in the first request's time).
     */
    public void prepareTls() {
        tls();
    }

    /** Whether the TLS client has been made (an https request, a redirect to one, or {@link #prepareTls}). */
    boolean tlsReady() {
        return tls != null;
    }

    private static boolean toHttps(Response r) {
        String location = r.header("Location");
        HttpUrl to = location == null ? null : r.request().url().resolve(location);
        return to != null && to.isHttps();
    }

    private OkHttpClient tls() {
        OkHttpClient t = tls;
        if (t == null) {
            synchronized (this) {
                if (tls == null) {
                    // okhttp's own default: modern TLS, and cleartext for http URLs and redirects back to them
                    tls = cleartext.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS,
                            ConnectionSpec.CLEARTEXT)).followSslRedirects(true).build();
                }
                t = tls;
            }
        }
        return t;
    }

    @Override
    public void close() {
        cleartext.dispatcher().executorService().shutdown();
        cleartext.connectionPool().evictAll();
    }
}
