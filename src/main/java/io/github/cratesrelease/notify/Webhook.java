package io.github.cratesrelease.notify;

import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.output.Masker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Delivers a {@link ReleaseNotice} to a webhook: {@code POST} of its JSON with {@code X-Crates-Event: release}, a
 * {@code X-Crates-Delivery} id that stays the same across retries and re-runs (receivers deduplicate on it) and,
 * with a secret, {@code X-Crates-Signature-256: sha256=<hex HMAC-SHA256 of the body>} (GitHub's
 * {@code X-Hub-Signature-256} scheme). The secret itself is never sent. 5xx, 429 and I/O errors are retried; any
 * other non-2xx answer fails at once.
 */
public final class Webhook {

    /**
     * A delivery that was accepted.
     *
     * @param status   the 2xx status of the answer
     * @param attempts how many requests it took
     */
    public record Result(int status, int attempts) {
    }

    static final String SIGNATURE_HEADER = "X-Crates-Signature-256";
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpRetry retry;

    /**
     * @param timeout      connect, read and write timeout of one request (the whole call gets twice that)
     * @param clock        sleeps between attempts go through it
     * @param retries      retries after the first attempt (0: one attempt only)
     * @param firstBackoff the first wait; it doubles at each retry, up to 60 s
     */
    public Webhook(Duration timeout, Clock clock, int retries, Duration firstBackoff) {
        this.retry = new HttpRetry(timeout, clock, retries, firstBackoff);
    }

    /**
     * Posts {@code notice} to {@code url}.
     *
     * @param secret     the signing secret, or null for an unsigned delivery
     * @param deliveryId the delivery id, the same for every attempt of one release
     * @throws NotifyException          when the receiver refuses it (4xx other than 429, 3xx) or the retries are
     *                                  used up; the message names the status (or cause) and the attempts
     * @throws IllegalArgumentException when the url is not http(s) or the delivery id is blank
     */
    public Result post(String url, String secret, String deliveryId, ReleaseNotice notice) {
        HttpUrl target = url == null ? null : HttpUrl.parse(url.strip());
        if (target == null) {
            throw new IllegalArgumentException("the webhook url is not an http(s) URL");
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new IllegalArgumentException("the webhook delivery id must not be blank");
        }
        Objects.requireNonNull(notice, "notice");
        Masker masker = new Masker();
        masker.add(secret);
        byte[] body = notice.toJson().getBytes(StandardCharsets.UTF_8);
        Request.Builder b = new Request.Builder().url(target)
                .post(RequestBody.create(body, JSON))
                .header("User-Agent", HttpRetry.USER_AGENT)
                .header("X-Crates-Event", "release")
                .header("X-Crates-Delivery", deliveryId.strip());
        if (secret != null) {
            b.header(SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(secret, body));
        }
        String what = "webhook POST " + target.redact();
        HttpRetry.Reply r = retry.send(b.build(), what, masker);
        if (!r.ok()) {
            String line = HttpRetry.firstLine(r.body());
            throw new NotifyException(r.status(), masker.mask(what + " answered HTTP " + r.status()
                    + (line.isEmpty() ? "" : ": " + line) + " (" + attempts(r.attempts()) + ", not retried)"));
        }
        return new Result(r.status(), r.attempts());
    }

    /** The lowercase hex HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // HmacSHA256 is in every JDK; an empty secret is the only way here
            throw new IllegalArgumentException("cannot sign the webhook body: the secret is unusable", null);
        }
    }

    private static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }
}
