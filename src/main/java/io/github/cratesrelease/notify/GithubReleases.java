package io.github.cratesrelease.notify;

import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.output.Masker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Creates a GitHub release for a tag through the REST API (github.com or GitHub Enterprise), idempotently: when a
 * release for the tag exists already (422 {@code already_exists} on {@code tag_name}) it is looked up by tag and
 * updated instead. 5xx, 429 and I/O errors are retried; other 4xx are reported with GitHub's message. The token
 * goes only into the Authorization header. Request bodies are written by {@link JsonText}, answers read by
 * {@link JsonValue}.
 */
public final class GithubReleases {

    /**
     * A published release.
     *
     * @param htmlUrl  its page
     * @param created  true when created, false when an existing release was updated
     * @param attempts how many requests it took in all (create, and lookup and update when it existed)
     */
    public record Result(String htmlUrl, boolean created, int attempts) {
    }

    /** The public API. */
    public static final String GITHUB_API = "https://api.github.com";
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpUrl api;
    private final String token;
    private final HttpRetry retry;

    /**
     * @param apiUrl       the API root: null for {@value #GITHUB_API}; GitHub Enterprise is {@code https://host/api/v3}
     * @param token        a token allowed to write the repository's contents (releases)
     * @param timeout      connect, read and write timeout of one request
     * @param clock        sleeps between attempts go through it
     * @param retries      retries after the first attempt of each request
     * @param firstBackoff the first wait; it doubles at each retry, up to 60 s
     */
    public GithubReleases(String apiUrl, String token, Duration timeout, Clock clock, int retries,
            Duration firstBackoff) {
        String root = apiUrl == null || apiUrl.isBlank() ? GITHUB_API : apiUrl.strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        this.api = HttpUrl.parse(root);
        if (api == null) {
            throw new IllegalArgumentException("the GitHub API url is not an http(s) URL: " + root);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a GitHub token is required to publish releases");
        }
        this.token = token.strip();
        this.retry = new HttpRetry(timeout, clock, retries, firstBackoff);
    }

    /**
     * Creates the release of {@code tag} in {@code repo}, or updates it (name, body, prerelease) when it exists.
     *
     * @param repo the repository as {@code owner/name}
     * @param name the release title; the tag when null
     * @param body the release notes (Markdown); empty when null
     * @throws IllegalArgumentException when {@code repo} is not {@code owner/name} or the tag is blank
     * @throws NotifyException          when GitHub refuses (with its message) or the retries are used up
     */
    public Result publish(String repo, String tag, String name, String body, boolean prerelease) {
        if (repo == null || !REPO.matcher(repo).matches() || repo.endsWith("/.") || repo.endsWith("/..")) {
            throw new IllegalArgumentException("the GitHub repository must be owner/name, got: " + repo);
        }
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("the release tag must not be blank");
        }
        Masker masker = new Masker();
        masker.add(token);
        String[] on = repo.split("/");
        HttpUrl releases = api.newBuilder().addPathSegment("repos").addPathSegment(on[0]).addPathSegment(on[1])
                .addPathSegment("releases").build();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tag_name", tag);
        fields.put("name", name == null ? tag : name);
        fields.put("body", body == null ? "" : body);
        fields.put("draft", false);
        fields.put("prerelease", prerelease);

        String what = "GitHub: create release " + tag + " in " + repo;
        HttpRetry.Reply created = retry.send(request(releases, "POST", fields), what, masker);
        int attempts = created.attempts();
        if (created.ok()) {
            return new Result(htmlUrl(created, what, masker), true, attempts);
        }
        if (created.status() != 422 || !alreadyExists(parse(created.body()))) {
            throw refused(created, what, repo, masker);
        }

        what = "GitHub: look up the existing release " + tag + " in " + repo;
        HttpUrl byTag = releases.newBuilder().addPathSegment("tags").addPathSegment(tag).build();
        HttpRetry.Reply found = retry.send(request(byTag, "GET", null), what, masker);
        attempts += found.attempts();
        if (found.status() == 404) {
            throw new NotifyException(404, masker.mask(what + ": GitHub says a release of the tag exists but "
                    + "cannot find it by tag; a draft release may hold it (publish or delete the draft)"));
        }
        if (!found.ok()) {
            throw refused(found, what, repo, masker);
        }
        JsonValue id = parse(found.body()).path("id");
        if (!id.isIntegral()) {
            throw new NotifyException(found.status(), masker.mask(what + ": the answer has no release id"));
        }

        what = "GitHub: update release " + tag + " in " + repo;
        fields.remove("tag_name");
        fields.remove("draft");
        HttpUrl byId = releases.newBuilder().addPathSegment(Long.toString(id.longValue(0))).build();
        HttpRetry.Reply updated = retry.send(request(byId, "PATCH", fields), what, masker);
        attempts += updated.attempts();
        if (!updated.ok()) {
            throw refused(updated, what, repo, masker);
        }
        return new Result(htmlUrl(updated, what, masker), false, attempts);
    }

    private Request request(HttpUrl url, String method, Map<String, Object> json) {
        RequestBody rb = json == null ? null
                : RequestBody.create(JsonText.compact(json).getBytes(StandardCharsets.UTF_8), JSON_TYPE);
        return new Request.Builder().url(url).method(method, rb)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", HttpRetry.USER_AGENT)
                .build();
    }

    private static boolean alreadyExists(JsonValue answer) {
        for (JsonValue e : values(answer.path("errors"))) {
            if ("already_exists".equals(e.path("code").string())
                    && "tag_name".equals(e.path("field").string())) {
                return true;
            }
        }
        return false;
    }

    private static String htmlUrl(HttpRetry.Reply r, String what, Masker masker) {
        JsonValue url = parse(r.body()).path("html_url");
        if (!url.isString()) {
            throw new NotifyException(r.status(), masker.mask(what + ": HTTP " + r.status()
                    + " but the answer has no html_url"));
        }
        return url.string();
    }

    /** GitHub's refusal as one message: status, message, the errors, a hint, and the documentation link. */
    private static NotifyException refused(HttpRetry.Reply r, String what, String repo, Masker masker) {
        JsonValue n = parse(r.body());
        String message = n.path("message").isString() ? n.path("message").string()
                : HttpRetry.firstLine(r.body());
        List<String> errors = new ArrayList<>();
        for (JsonValue e : values(n.path("errors"))) {
            errors.add(e.isString() ? e.string()
                    : e.path("message").isString() ? e.path("message").string()
                    : e.path("field").text("?") + " " + e.path("code").text("invalid"));
        }
        StringBuilder sb = new StringBuilder(what).append(": HTTP ").append(r.status());
        if (!message.isEmpty()) {
            sb.append(' ').append(message);
        }
        if (!errors.isEmpty()) {
            sb.append(" (").append(String.join("; ", errors)).append(')');
        }
        switch (r.status()) {
            case 401 -> sb.append(" - the token is invalid or expired");
            case 403 -> sb.append(" - the token may lack the permission to write releases of ").append(repo);
            case 404 -> sb.append(" - the repository ").append(repo)
                    .append(" may be wrong, or the token lacks access to it");
            default -> {
            }
        }
        if (n.path("documentation_url").isString()) {
            sb.append(" [").append(n.path("documentation_url").string()).append(']');
        }
        return new NotifyException(r.status(), masker.mask(sb.toString()));
    }

    /** The elements of an array, or the values of an object (GitHub sends an array; either is read). */
    private static Collection<JsonValue> values(JsonValue v) {
        return v.isObject() ? v.members().values() : v.elements();
    }

    /** The answer; {@link JsonValue#MISSING} when it is empty or not JSON (an HTML error page). */
    private static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.MISSING;
        }
        try {
            return JsonValue.parse(body);
        } catch (JsonValue.Malformed e) {
            return JsonValue.MISSING;
        }
    }
}
