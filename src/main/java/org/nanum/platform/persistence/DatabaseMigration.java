package org.nanum.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before the application takes requests. EclipseLink
 * never generates DDL; the migrations in db/migration are the schema's only author.
 */
@ApplicationScoped
public class DatabaseMigration {
    /** Observers that need the schema run after this one (higher priorities run later). */
    public static final int ORDER = 100;
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/nanum")
    DataSource dataSource;

    private volatile String identity;

    void migrate(@Observes @Priority(ORDER) Startup startup) {
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo first = flyway.info().applied()[0];
        identity = first.getInstalledOn().toInstant() + "/" + first.getInstalledBy();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, database " + result.database + ")");
    }

    /**
     * Which database this is: when its first migration was applied, and by whom. Caches derived
     * from the database (the search index) remember it, to notice that they belong to another one.
     */
    public String databaseIdentity() {
        return identity;
    }
}
