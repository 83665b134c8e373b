package org.nanum.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * No text Nanum keeps may hold the NUL character (U+0000): PostgreSQL refuses it in text, so a
 * resident's message with one would fail deep in a transaction. It is refused at the door instead,
 * as a 400 naming the field: in JSON bodies (as a raw byte or the {@code \u0000} escape) and in
 * query and path parameters. Found by {@code BadInputIT}.
 */
@Provider
public class NoNulCharacters implements ReaderInterceptor, ContainerRequestFilter {
    private static final byte[] ESCAPE = "\\u0000".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getQueryParameters());
        check(request.getUriInfo().getPathParameters());
    }

    private static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            for (String v : values) {
                if (v != null && v.indexOf('\0') >= 0) {
                    throw new ProblemException.InvalidField(name, "may not contain the NUL character (U+0000)");
                }
            }
        });
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            byte[] body = context.getInputStream().readAllBytes();
            if (contains(body)) {
                throw new ProblemException.InvalidField("body", "text may not contain the NUL character (U+0000)");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    static boolean contains(byte[] body) {
        outer:
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return true;
            }
            if (i + ESCAPE.length <= body.length) {
                for (int j = 0; j < ESCAPE.length; j++) {
                    if (body[i + j] != ESCAPE[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
