package org.nanum.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The search benchmark's other baseline: what a city would build with PostgreSQL alone. A table
 * beside the listings ({@code bench_listing_fts}, dropped afterwards) holds each published
 * listing's tsvector — English and French stemmed, Korean with the 'simple' configuration, since
 * PostgreSQL has none for Korean — title weighted above description, and its category path; GIN
 * indexes on both. A query matches every word under any of the three configurations, filters on
 * the category, counts all results and ranks with ts_rank: what the catalogue's answer shows.
 */
final class PostgresFtsBaseline implements AutoCloseable {
    private static final String TABLE = "bench_listing_fts";
    private static final String SEARCH = "with q as (select plainto_tsquery('english', ?) || plainto_tsquery('french', ?) "
            + "|| plainto_tsquery('simple', ?) as query) "
            + "select f.id, count(*) over () as total from " + TABLE + " f, q "
            + "where f.tsv @@ q.query and f.category_path @> array[?]::text[] and f.kind <> 'CHILDCARE' "
            + "order by ts_rank(f.tsv, q.query) desc, f.id limit 20";

    private final String url;
    private final String user;
    private final String password;
    private final List<Connection> connections = new ArrayList<>();
    private final List<PreparedStatement> statements = new ArrayList<>();

    PostgresFtsBaseline(String url, String user, String password, int clients) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        for (int i = 0; i < clients; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            connections.add(c);
        }
    }

    /** Builds the table and its indexes; returns the milliseconds it took. */
    long build() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + " as select id, kind, "
                    + "array(select array_to_string((string_to_array(category_code, '.'))[1:i], '.') "
                    + "  from generate_series(1, cardinality(string_to_array(category_code, '.'))) i) as category_path, "
                    + "setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, description), 'B') as tsv "
                    + "from (select l.*, (case language when 'en' then 'english' when 'fr' then 'french' "
                    + "  else 'simple' end)::regconfig as cfg from listing l where status = 'PUBLISHED') l");
            s.execute("create index " + TABLE + "_tsv on " + TABLE + " using gin (tsv)");
            s.execute("create index " + TABLE + "_category on " + TABLE + " using gin (category_path)");
            s.execute("analyze " + TABLE);
        }
        for (Connection c : connections) {
            statements.add(c.prepareStatement(SEARCH));
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Runs the query on this client's own connection; returns the total number of results. */
    long search(SearchBench.BenchQuery q, int client) throws SQLException {
        PreparedStatement s = statements.get(client);
        s.setString(1, q.text());
        s.setString(2, q.text());
        s.setString(3, q.text());
        s.setString(4, q.category());
        long total = 0;
        try (ResultSet r = s.executeQuery()) {
            if (r.next()) {
                total = r.getLong(2);
            }
        }
        return total;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
        }
    }
}
