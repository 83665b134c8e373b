package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.nanum.catalogue.search.CatalogueIndex;
import org.nanum.catalogue.search.SearchPage;
import org.nanum.catalogue.search.SearchQuery;
import org.nanum.platform.rest.ProblemException;

/** Searching the catalogue: what a resident typed and chose, turned into an index query. */
@ApplicationScoped
public class CatalogueSearch {
    @Inject
    CatalogueIndex index;

    public SearchPage search(boolean signedIn, String q, String kind, String category, String district,
                             String ownerType, String direction, String near, Double withinKm,
                             String availableFrom, String availableTo, String sort, int page, int size) {
        Double lat = null;
        Double lon = null;
        if (near != null) {
            String[] parts = near.split(",");
            lat = Double.parseDouble(parts[0]);
            lon = Double.parseDouble(parts[1]);
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new ProblemException.InvalidField("near", "latitude -90..90, longitude -180..180");
            }
        }
        SearchQuery.Sort order = SearchQuery.Sort.valueOf(sort);
        if ((order == SearchQuery.Sort.DISTANCE || withinKm != null) && near == null) {
            throw new ProblemException.InvalidField("near", "give near=lat,lon to sort or filter by distance");
        }
        Long firstDay = null;
        Long lastDay = null;
        if (availableFrom != null || availableTo != null) {
            LocalDate from = day("availableFrom", availableFrom != null ? availableFrom : availableTo);
            LocalDate to = day("availableTo", availableTo != null ? availableTo : availableFrom);
            if (to.isBefore(from)) {
                throw new ProblemException.InvalidField("availableTo", "must not be before availableFrom");
            }
            if (ChronoUnit.DAYS.between(from, to) > 366) {
                throw new ProblemException.InvalidField("availableTo", "a range of at most a year");
            }
            firstDay = from.toEpochDay();
            lastDay = to.toEpochDay();
        }
        if ("CHILDCARE".equals(kind) && !signedIn) {
            return new SearchPage(0, page, size, List.of(), java.util.Map.of());
        }
        try {
            return index.search(new SearchQuery(q, kind, category, district, ownerType, direction, lat, lon, withinKm,
                    firstDay, lastDay, order, page, size, signedIn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidField(field, "a date as YYYY-MM-DD");
        }
    }

    public List<String> suggest(boolean signedIn, String prefix) {
        try {
            return index.suggest(prefix, signedIn, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
