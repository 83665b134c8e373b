package org.nanum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web interface's messages: every key in Korean, English and French, none empty, every key the pages use. */
class MessagesTest {
    private static final Path WEB = Path.of("src/main/webapp");

    private static JsonObject messages(String language) throws Exception {
        try (Reader r = Files.newBufferedReader(WEB.resolve("i18n/" + language + ".json"))) {
            return Json.createReader(r).readObject();
        }
    }

    @Test
    void the_three_languages_have_the_same_keys_and_no_empty_message() throws Exception {
        JsonObject en = messages("en");
        for (String language : List.of("ko", "fr")) {
            assertEquals(en.keySet(), messages(language).keySet(), language + " lacks or adds keys");
        }
        for (String language : List.of("en", "ko", "fr")) {
            messages(language).forEach((key, value) -> assertFalse(value.toString().replace("\"", "").isBlank(),
                    language + ": " + key + " is empty"));
        }
    }

    @Test
    void every_literal_key_the_pages_use_has_a_message() throws Exception {
        JsonObject en = messages("en");
        Pattern use = Pattern.compile("\\bt\\('([a-z][\\w.]*)'|data-i18n(?:-aria)?=\"([\\w.]+)\"|tn\\('([\\w.]+)'");
        try (Stream<Path> files = Files.walk(WEB).filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))) {
            for (Path file : files.toList()) {
                Matcher m = use.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    boolean known = en.containsKey(key) || en.containsKey(key + ".other");
                    assertTrue(known, file + " uses " + key + ", which has no message");
                }
            }
        }
    }
}
