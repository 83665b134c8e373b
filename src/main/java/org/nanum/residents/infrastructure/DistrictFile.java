package org.nanum.residents.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nanum.residents.domain.District;

/**
 * Reads a city's districts from a tab-separated file: a header line, then
 * {@code code, official_code, name_ko, name_en, latitude, longitude}; lines starting with '#'
 * are comments. Another city swaps in its own file (nanum.city.districts-file).
 */
public final class DistrictFile {
    static final String HEADER = "code\tofficial_code\tname_ko\tname_en\tlatitude\tlongitude";

    private DistrictFile() {
    }

    public static List<District> read(InputStream in, String source) throws IOException {
        List<District> districts = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = false;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IOException(source + ":" + number + ": expected the header '" + HEADER + "'");
                    }
                    header = true;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IOException(source + ":" + number + ": expected 6 tab-separated fields, found " + f.length);
                }
                String code = f[0].strip();
                if (!code.matches("[a-z0-9-]{1,40}")) {
                    throw new IOException(source + ":" + number + ": code '" + code + "' must be 1-40 of a-z, 0-9, '-'");
                }
                if (!codes.add(code)) {
                    throw new IOException(source + ":" + number + ": code '" + code + "' appears twice");
                }
                double lat;
                double lon;
                try {
                    lat = Double.parseDouble(f[4].strip());
                    lon = Double.parseDouble(f[5].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(source + ":" + number + ": latitude and longitude must be numbers");
                }
                if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                    throw new IOException(source + ":" + number + ": latitude/longitude out of range");
                }
                districts.add(new District(code, f[1].strip(), f[2].strip(), f[3].strip(), lat, lon));
            }
        }
        if (districts.isEmpty()) {
            throw new IOException(source + ": no districts");
        }
        return districts;
    }
}
