package org.nanum.platform.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.rest.Problem;

/**
 * Limits on what one client may send, before any work is done: a body size (1 MiB; photos 10 MiB),
 * and rates, each per client per hour or minute, on what can be abused without an account or at
 * others' expense:
 * <ul>
 * <li>reports to staff: {@code NANUM_RATE_REPORTS_PER_HOUR} per signed-in person (default 20);</li>
 * <li>calendar feeds (the address is the secret): {@code NANUM_RATE_FEEDS_PER_HOUR} per address (default 120);</li>
 * <li>anything asked without signing in: {@code NANUM_RATE_ANONYMOUS_PER_MINUTE} per client address (default 600).</li>
 * </ul>
 * Over a limit is a 429 problem with Retry-After. The counts are kept per node, in memory (a city
 * with N nodes behind a balancer allows up to N times as much: set the limits accordingly).
 */

public class RequestLimits extends HttpFilter {
    static final long MAX_BODY = 1 << 20;
    static final long MAX_PHOTO = 10L * 1024 * 1024 + 64 * 1024;
    private static final int MAX_TRACKED = 100_000;

    @Inject
    @ConfigProperty(name = "nanum.rate.reports-per-hour", defaultValue = "20")
    int reportsPerHour;
    @Inject
    @ConfigProperty(name = "nanum.rate.feeds-per-hour", defaultValue = "120")
    int feedsPerHour;
    @Inject
    @ConfigProperty(name = "nanum.rate.anonymous-per-minute", defaultValue = "600")
    int anonymousPerMinute;

    /** A fixed window: how many requests a key made since the window started. */
    private record Window(long startedAt, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long length = request.getContentLengthLong();
        long max = path.matches("/api/listings/[^/]+/photos/?") ? MAX_PHOTO : MAX_BODY;
        if (length > max) {
            refuse(request, response, 413, "request-too-large", "The request is too large",
                    "the body is " + length + " bytes; at most " + max + " are accepted here", 0);
            return;
        }
        if (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
            // No length announced: read at most one byte past the limit, and go on with what was read.
            byte[] body = request.getInputStream().readNBytes((int) max + 1);
            if (body.length > max) {
                refuse(request, response, 413, "request-too-large", "The request is too large",
                        "the body is larger than the " + max + " bytes accepted here", 0);
                return;
            }
            request = new ReadBody(request, body);
        }
        long now = System.currentTimeMillis();
        String authorization = request.getHeader("Authorization");
        if ("POST".equals(request.getMethod()) && path.equals("/api/reports") && authorization != null) {
            if (over("reports:" + subject(authorization), reportsPerHour, 3_600_000, now, request, response)) {
                return;
            }
        } else if ("GET".equals(request.getMethod()) && path.startsWith("/api/calendar/") && path.endsWith(".ics")) {
            if (over("feed:" + path, feedsPerHour, 3_600_000, now, request, response)) {
                return;
            }
        } else if (authorization == null) {
            if (over("anonymous:" + request.getRemoteAddr(), anonymousPerMinute, 60_000, now, request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean over(String key, int limit, long windowMillis, long now, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> now - w.startedAt() > windowMillis);
        }
        Window w = windows.compute(key, (k, old) -> old == null || now - old.startedAt() >= windowMillis
                ? new Window(now, 1) : new Window(old.startedAt(), old.count() + 1));
        if (w.count() <= limit) {
            return false;
        }
        long retryAfter = Math.max(1, (w.startedAt() + windowMillis - now + 999) / 1000);
        refuse(request, response, 429, "rate-limited", "Too many requests",
                "at most " + limit + " such requests per " + (windowMillis >= 3_600_000 ? "hour" : "minute")
                        + "; try again in " + retryAfter + " s", retryAfter);
        return true;
    }

    /** The token's subject, read without checking it (the API checks it): only to count per person. */
    static String subject(String authorization) {
        try {
            String[] parts = authorization.substring(authorization.indexOf(' ') + 1).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Json.createReader(new java.io.StringReader(payload)).readObject().getString("sub", authorization);
        } catch (RuntimeException unreadable) {
            return Integer.toHexString(authorization.hashCode());
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                               String title, String detail, long retryAfter) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        response.getWriter().write(Json.createObjectBuilder().add("type", Problem.TYPE_PREFIX + slug)
                .add("title", title).add("status", status).add("detail", detail)
                .add("instance", request.getRequestURI()).build().toString());
    }

    /** A request whose body was read here (it came without a length): the same bytes, read again. */
    static final class ReadBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new IllegalStateException("the body was read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(body),
                    java.nio.charset.Charset.forName(charset)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
