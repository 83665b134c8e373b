package org.nanum.catalogue.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.catalogue.infrastructure.CategoryFile;
import org.nanum.residents.application.CityDataLoader;

/** Loads the category tree at startup: new categories added, known ones updated, none deleted. */
@ApplicationScoped
public class CategoryLoader {
    public static final int ORDER = CityDataLoader.ORDER + 1;
    static final String FILE = "/catalogue/categories.tsv";
    private static final Logger LOG = Logger.getLogger(CategoryLoader.class.getName());

    @Inject
    CatalogueStore store;

    @Transactional
    void load(@Observes @Priority(ORDER) Startup startup) {
        List<Category> categories;
        try (InputStream in = CategoryLoader.class.getResourceAsStream(FILE)) {
            categories = CategoryFile.read(in, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the category tree: " + e.getMessage(), e);
        }
        int added = 0;
        for (Category c : categories) {
            Category known = store.category(c.code()).orElse(null);
            if (known == null) {
                store.add(c);
                added++;
            } else {
                known.updateFrom(c);
            }
        }
        int n = added;
        LOG.info(() -> categories.size() + " categories loaded (" + n + " new)");
    }
}
