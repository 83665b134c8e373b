package org.nanum.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Rows read as ordered maps of plain values (text, numbers, booleans), keyed by the column's name in
 * camelCase: for a resident's data export, where each capability lists what it holds about them.
 * Times become ISO-8601 text; binary columns (photos) are left out.
 */
@ApplicationScoped
public class Rows {
    @Resource(lookup = "jdbc/nanum")
    DataSource db;

    public List<Map<String, Object>> of(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        Object value = plain(r.getObject(col), meta.getColumnTypeName(col));
                        if (value != Omitted.VALUE) {
                            row.put(camel(meta.getColumnLabel(col)), value);
                        }
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export query failed: " + e.getMessage(), e);
        }
    }

    private enum Omitted { VALUE }

    static Object plain(Object v, String type) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof byte[] bytes) {
            // JSON columns (H2 hands them over as bytes) are text; binary columns (images) are left out.
            return type != null && type.toUpperCase(java.util.Locale.ROOT).startsWith("JSON")
                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : Omitted.VALUE;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        if (v instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return v.toString();
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
