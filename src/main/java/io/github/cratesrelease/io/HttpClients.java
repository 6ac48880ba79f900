package io.github.cratesrelease.io;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one way this plugin configures an HTTP client (registries, webhooks, GitHub): every phase bounded by the
 * timeout, the whole call by twice that, no silent retry by okhttp (our callers retry with their own backoff and
 * journal), redirects followed; TLS set up by the first https request ({@link Http}).
 */
public final class HttpClients {

    private HttpClients() {
    }

    public static Http withTimeout(Duration timeout) {
        return new Http(new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .followRedirects(true));
    }
}
