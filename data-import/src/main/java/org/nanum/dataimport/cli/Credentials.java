package org.nanum.dataimport.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who the command signs in as, chosen from the environment (never from the command line, where
 * other users of the machine could read it in the process list): the {@code nanum-import}
 * service account in production, a named staff member, or the demo staff user {@code sam} of
 * {@code ./nanum run}'s realm. {@link #toString()} leaves the secret out, so it can be logged.
 */
public final class Credentials {
    public static final String DEFAULT_SERVICE_CLIENT = "nanum-import";
    public static final String CLI_CLIENT = "nanum-cli";
    public static final String DEMO_USER = "sam";

    private final Map<String, String> form;
    private final String description;
    private final boolean demo;

    private Credentials(Map<String, String> form, String description, boolean demo) {
        this.form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
        this.description = description;
        this.demo = demo;
    }

    /**
     * The first that applies: {@code NANUM_IMPORT_CLIENT_SECRET} (client credentials, client
     * {@code NANUM_IMPORT_CLIENT_ID} or nanum-import); {@code NANUM_IMPORT_USER} and
     * {@code NANUM_IMPORT_PASSWORD} (password grant, client nanum-cli); the demo user sam.
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
        String secret = env.get("NANUM_IMPORT_CLIENT_SECRET");
        if (secret != null && !secret.isEmpty()) {
            String client = env.getOrDefault("NANUM_IMPORT_CLIENT_ID", "");
            client = client.isBlank() ? DEFAULT_SERVICE_CLIENT : client.strip();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", client);
            form.put("client_secret", secret);
            return new Credentials(form, "the service account of client \"" + client + "\"", false);
        }
        String user = env.get("NANUM_IMPORT_USER");
        String password = env.get("NANUM_IMPORT_PASSWORD");
        if (user != null && !user.isBlank() && password != null && !password.isEmpty()) {
            return password(user.strip(), password, false);
        }
        return password(DEMO_USER, DEMO_USER, true);
    }

    private static Credentials password(String user, String password, boolean demo) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", user);
        form.put("password", password);
        return new Credentials(form, (demo ? "the demo staff user \"" : "user \"") + user + "\" (client " + CLI_CLIENT + ")",
                demo);
    }

    /** The token request's form fields (grant, client, and the secret or password). */
    public Map<String, String> form() {
        return form;
    }

    public String grantType() {
        return form.get("grant_type");
    }

    public String clientId() {
        return form.get("client_id");
    }

    /** Whether these are the demo realm's sam/sam, which only {@code ./nanum run}'s Keycloak knows. */
    public boolean isDemo() {
        return demo;
    }

    @Override
    public String toString() {
        return description;
    }
}
