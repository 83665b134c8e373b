package org.nanum.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the test server's PostgreSQL holds, to assert a request's effect (or its absence). */
public final class Database {
    private Database() {
    }

    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(),
                TestEnvironment.dbPassword());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Runs a statement that changes the database, for setting up a situation a test needs. */
    public static int execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(),
                TestEnvironment.dbPassword());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    public static Map<String, Object> one(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row from " + sql + " but found " + rows.size());
        }
        return rows.get(0);
    }

    public static long count(String sql, Object... params) {
        return ((Number) one(sql, params).values().iterator().next()).longValue();
    }

    /** The resident row of a Keycloak subject, or null. */
    public static Map<String, Object> residentBySubject(String subject) {
        List<Map<String, Object>> rows = rows("select * from resident where subject = ?", subject);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
