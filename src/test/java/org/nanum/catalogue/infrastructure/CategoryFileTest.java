package org.nanum.catalogue.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.ListingKind;

class CategoryFileTest {
    private static List<Category> read(String text) throws IOException {
        return CategoryFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv");
    }

    @Test
    void the_bundled_tree_covers_the_four_kinds_in_three_languages() throws IOException {
        try (InputStream in = CategoryFile.class.getResourceAsStream("/catalogue/categories.tsv")) {
            List<Category> all = CategoryFile.read(in, "categories.tsv");
            Map<ListingKind, Long> byKind = all.stream().collect(Collectors.groupingBy(Category::kind, Collectors.counting()));
            assertEquals(4, byKind.size());
            for (Category c : all) {
                assertTrue(!c.nameKo().isBlank() && !c.nameEn().isBlank() && !c.nameFr().isBlank(), c.code());
                assertTrue(c.code().startsWith(c.kind() == ListingKind.SPACE ? "space" : c.kind().name().toLowerCase()),
                        c.code());
            }
            assertTrue(all.stream().anyMatch(c -> c.code().equals("childcare.babysitting")));
            assertTrue(all.stream().anyMatch(c -> c.code().equals("service.transport.rides")));
        }
    }

    @Test
    void a_broken_tree_is_refused_with_its_line() {
        String h = "code\tparent\tkind\tname_ko\tname_en\tname_fr\n";
        IOException e = assertThrows(IOException.class, () -> read(h + "goods.tools\tgoods\tGOODS\t공구\tTools\tOutils\n"));
        assertTrue(e.getMessage().startsWith("t.tsv:2:"), e.getMessage());
        assertThrows(IOException.class, () -> read(h + "goods\t\tGOODS\ta\tb\tc\ngoods.x\tgoods\tSPACE\ta\tb\tc\n"));
        assertThrows(IOException.class, () -> read(h + "goods\t\tBOATS\ta\tb\tc\n"));
        assertThrows(IOException.class, () -> read(h + "goods\t\tGOODS\ta\tb\tc\ngoods\t\tGOODS\ta\tb\tc\n"));
        assertThrows(IOException.class, () -> read("code,parent\n"));
    }
}
