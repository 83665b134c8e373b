package org.nanum.residents.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.persistence.DatabaseMigration;
import org.nanum.residents.domain.District;
import org.nanum.residents.infrastructure.DistrictFile;

/**
 * Loads the city's districts at startup, after the schema is migrated: the bundled Seoul file,
 * or the file named by nanum.city.districts-file. A broken file stops the start with a message
 * that names the line.
 */
@ApplicationScoped
public class CityDataLoader {
    public static final int ORDER = DatabaseMigration.ORDER + 10;
    static final String BUNDLED = "/city/seoul/districts.tsv";
    private static final Logger LOG = Logger.getLogger(CityDataLoader.class.getName());

    @Inject
    DistrictService districtService;
    @Inject
    @ConfigProperty(name = "nanum.city.districts-file")
    Optional<String> districtsFile;

    void load(@Observes @Priority(ORDER) Startup startup) {
        String source = districtsFile.filter(s -> !s.isBlank()).orElse(null);
        try (InputStream in = source == null ? CityDataLoader.class.getResourceAsStream(BUNDLED)
                : Files.newInputStream(Path.of(source))) {
            List<District> districts = DistrictFile.read(in, source == null ? BUNDLED : source);
            int added = districtService.load(districts);
            LOG.info(() -> districts.size() + " districts loaded from " + (source == null ? BUNDLED : source)
                    + " (" + added + " new)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the city's districts: " + e.getMessage(), e);
        }
    }
}
