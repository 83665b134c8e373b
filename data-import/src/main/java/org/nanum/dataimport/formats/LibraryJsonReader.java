package org.nanum.dataimport.formats;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.Duplicates;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.RowException;

/**
 * A library-of-things inventory in JSON: an array of items, or an object whose {@code items} is
 * one (as in Houston Public Library's). Each item is goods the library lends, with its {@code id},
 * {@code name} and {@code category}. The file is read as a stream, item by item, and each item's
 * line is where its object opens. Scraped inventories repeat items (once per page scraped); the
 * repeats are merged. Scrape bookkeeping ({@code page}, {@code generatedId}) is not kept, so a
 * repeat that differs only there counts as identical.
 */
public final class LibraryJsonReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "library-json";
    private static final List<String> KEPT = List.of("libraryName", "reserveUrl", "format", "publication");

    private final ReadOptions options;

    public LibraryJsonReader(ReadOptions options) {
        this.options = Formats.requireMapping(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        Duplicates<ImportedListing> duplicates = new Duplicates<>();
        List<RowError> errors = new ArrayList<>();
        int items = 0;
        Integer announced = null;
        try (JsonParser json = Json.createParser(new StrictUtf8Reader(Files.newInputStream(file)))) {
            Event event = json.hasNext() ? json.next() : null;
            if (event == Event.START_OBJECT) {
                while ((event = json.next()) == Event.KEY_NAME) {
                    String key = json.getString();
                    event = json.next();
                    if (key.equals("items") && event == Event.START_ARRAY) {
                        items += readItems(json, duplicates, errors);
                    } else if (key.equals("totalItems") && event == Event.VALUE_NUMBER) {
                        announced = json.getInt();
                    } else {
                        skip(json, event);
                    }
                }
            } else if (event == Event.START_ARRAY) {
                items += readItems(json, duplicates, errors);
            } else {
                errors.add(new RowError(1, null, "expected a JSON array of items or an object with \"items\""));
            }
        } catch (JsonParsingException e) {
            errors.add(new RowError((int) e.getLocation().getLineNumber(), null, "the JSON breaks here: " + e.getMessage()));
        } catch (JsonException e) {
            if (!(e.getCause() instanceof StrictUtf8Reader.NotUtf8Exception notUtf8)) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            errors.add(new RowError(notUtf8.line, null, "bytes that are not UTF-8 (0x" + notUtf8.bytes
                    + "): save the file as UTF-8; nothing after this line was read"));
        }
        if (announced != null && announced != items && errors.isEmpty()) {
            errors.add(new RowError(1, "totalItems", "says " + announced + " items, the file has " + items));
        }
        return ImportResult.of(FORMAT, options.source(), duplicates, items, errors);
    }

    private int readItems(JsonParser json, Duplicates<ImportedListing> duplicates, List<RowError> errors) {
        int count = 0;
        Event event;
        while ((event = json.next()) != Event.END_ARRAY) {
            count++;
            int line = (int) json.getLocation().getLineNumber();
            if (event != Event.START_OBJECT) {
                errors.add(new RowError(line, null, "an item that is not a JSON object"));
                skip(json, event);
                continue;
            }
            try {
                duplicates.add(listing(json.getObject(), line));
            } catch (RowException e) {
                errors.add(e.error());
            }
        }
        return count;
    }

    private ImportedListing listing(JsonObject item, int line) {
        ImportedListing.Builder listing = ImportedListing.builder(options.source(),
                text(item, "id", line).required(), line);
        List<String> categories = categories(item, line);
        KEPT.forEach(key -> listing.extra(key, text(item, key, line).orNull()));
        return listing.kind(ListingKind.GOODS)
                .title(Texts.title(text(item, "name", line).required()))
                .description(Texts.description(text(item, "description", line)))
                .sourceCategories(categories)
                .nanumCategory(options.mapping().firstCodeOfKind(categories, ListingKind.GOODS))
                .build();
    }

    /** "category" is one name or a list of names. */
    private static List<String> categories(JsonObject item, int line) {
        JsonValue value = item.get("category");
        if (value instanceof JsonArray array) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                names.addAll(CsvImport.split(scalar(array.get(i), "category", line).orNull(), ""));
            }
            return names;
        }
        return CsvImport.split(text(item, "category", line).orNull(), "");
    }

    private static Cell text(JsonObject item, String key, int line) {
        return scalar(item.get(key), key, line);
    }

    private static Cell scalar(JsonValue value, String key, int line) {
        if (value == null || value == JsonValue.NULL) {
            return new Cell(line, key, null);
        }
        return switch (value) {
            case JsonString string -> new Cell(line, key, string.getString());
            case JsonNumber number -> new Cell(line, key, number.toString());
            default -> throw new Cell(line, key, null).fail("is " + value.getValueType() + ", expected a text or a number");
        };
    }

    private static void skip(JsonParser json, Event event) {
        if (event == Event.START_OBJECT) {
            json.skipObject();
        } else if (event == Event.START_ARRAY) {
            json.skipArray();
        }
    }
}
