package org.nanum.residents.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanum.residents.domain.District;

class DistrictFileTest {
    private static List<District> read(String text) throws IOException {
        return DistrictFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
    }

    @Test
    void seoul_has_25_districts_inside_the_city() throws IOException {
        try (InputStream in = DistrictFile.class.getResourceAsStream("/city/seoul/districts.tsv")) {
            List<District> seoul = DistrictFile.read(in, "seoul");
            assertEquals(25, seoul.size());
            for (District d : seoul) {
                assertTrue(d.latitude() > 37.42 && d.latitude() < 37.70, d.code());
                assertTrue(d.longitude() > 126.76 && d.longitude() < 127.19, d.code());
                assertTrue(d.nameKo().endsWith("구"), d.code());
                assertTrue(d.nameEn().endsWith("-gu"), d.code());
                assertTrue(d.officialCode().matches("11\\d{3}"), d.code());
            }
            District mapo = seoul.stream().filter(d -> d.code().equals("mapo")).findFirst().orElseThrow();
            assertEquals("마포구", mapo.nameKo());
        }
    }

    @Test
    void errors_name_the_line() {
        String header = DistrictFile.HEADER + "\n";
        IOException e = assertThrows(IOException.class, () -> read(header + "a\t1\tA\tA\t37.5\n"));
        assertTrue(e.getMessage().startsWith("test.tsv:2:"), e.getMessage());
        e = assertThrows(IOException.class, () -> read(header + "a\t1\tA\tA\tnorth\t127\n"));
        assertTrue(e.getMessage().contains("numbers"), e.getMessage());
        e = assertThrows(IOException.class, () -> read(header + "a\t1\tA\tA\t37\t127\na\t2\tB\tB\t37\t127\n"));
        assertTrue(e.getMessage().startsWith("test.tsv:3:") && e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IOException.class, () -> read("code,name\n"));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertThrows(IOException.class, () -> read(header));
        assertThrows(IOException.class, () -> read(header + "Bad Code\t1\tA\tA\t37\t127\n"));
        assertThrows(IOException.class, () -> read(header + "a\t1\tA\tA\t97\t127\n"));
    }
}
