package org.nanum.dataimport.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.TestFiles;
import org.nanum.dataimport.formats.ImportFormat;

class CategoryMappingTest {
    private final NanumCategories nanum = TestFiles.nanumCategories();

    @Test
    void readsNanumsOwnCategoryFile() {
        assertEquals(49, nanum.size());
        assertEquals(Optional.of(ListingKind.CHILDCARE), nanum.kindOf("childcare.babysitting"));
        assertTrue(nanum.contains("goods.tools.power"));
    }

    @Test
    void mapsSourceNamesIgnoringCaseAndRepeatedSpaces() throws Exception {
        CategoryMapping mapping = CategoryMapping.parse("""
                # a comment
                Crafts & Hobbies\tgoods.crafts

                Educational Kits\t
                """, nanum);

        assertEquals(Optional.of("goods.crafts"), mapping.codeFor("crafts  &  hobbies "));
        assertEquals(Optional.empty(), mapping.codeFor("Educational Kits"), "listed, but kept unmapped on purpose");
        assertTrue(mapping.isListed("educational kits"));
        assertFalse(mapping.isListed("Tools & Equipment"));
    }

    @Test
    void theFirstCategoryOfTheListingsKindWins() throws Exception {
        CategoryMapping mapping = CategoryMapping.parse("""
                Tool Share / Lending\tgoods.tools
                Help At Home > Child Care\tchildcare.babysitting
                Help At Home\tservice.home
                """, nanum);
        List<String> categories = List.of("Tool Share / Lending", "Help At Home > Child Care", "Help At Home");

        assertEquals("service.home", mapping.firstCodeOfKind(categories, ListingKind.SERVICE));
        assertEquals("childcare.babysitting", mapping.firstCodeOfKind(categories, ListingKind.CHILDCARE));
        assertNull(mapping.firstCodeOfKind(categories, ListingKind.SPACE));
    }

    @Test
    void everyUnusableLineIsReportedWithItsLine() {
        InvalidMappingFileException e = assertThrows(InvalidMappingFileException.class, () -> CategoryMapping.parse("""
                # header
                Power Tools\tgoods.tools.power
                Hand Tools goods.tools.hand
                Saws\tgoods.tool.saws
                power tools\tgoods.tools
                \tgoods.tools
                """, nanum));

        assertEquals(List.of(
                new RowError(3, null, "expected a source category, a tab and a Nanum category code"),
                new RowError(4, "Nanum category", "\"goods.tool.saws\" is not a category code of Nanum"),
                new RowError(5, "source category", "\"power tools\" is already mapped on line 2"),
                new RowError(6, "source category", "is empty")), e.errors());
    }

    /** Loading checks every code against Nanum's categories; a bad line would fail here with its number. */
    @ParameterizedTest
    @EnumSource(value = ImportFormat.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"TIMEOVERFLOW_MEMBERS", "TIMEOVERFLOW_TRANSFERS", "LISTINGS_CSV"})
    void theShippedMappingFilesAreValid(ImportFormat format) {
        assertTrue(format.mapsCategories());
        assertTrue(TestFiles.shippedMapping(format.formatName()).size() > 0, format.formatName());
    }
}
