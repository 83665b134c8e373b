package org.nanum.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
    private static Synonyms of(String text) throws IOException {
        return Synonyms.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_word_of_a_group_brings_the_others() throws IOException {
        Synonyms s = of("# comment\n드릴, drill, perceuse\n");
        assertEquals(List.of("perceuse this weekend", "드릴 this weekend"),
                s.variants("Drill this weekend", 8).stream().sorted().toList());
        assertTrue(s.variants("드릴을 빌려요", 8).contains("drill을 빌려요"), s.variants("드릴을 빌려요", 8).toString());
    }

    @Test
    void only_whole_words_count_and_phrases_work() throws IOException {
        Synonyms s = of("drill, perceuse\nmeeting room, salle de réunion\n");
        assertTrue(s.variants("drilling rig", 8).isEmpty());
        assertEquals(List.of("salle de réunion for 10"), s.variants("meeting room for 10", 8));
        assertTrue(s.variants("nothing here", 8).isEmpty());
    }

    @Test
    void the_bundled_list_bridges_korean_english_and_french() throws IOException {
        Synonyms s = Synonyms.read(Synonyms.class.getResourceAsStream("/catalogue/synonyms.txt"));
        assertTrue(s.variants("perceuse", 8).containsAll(List.of("드릴", "drill")));
        assertTrue(s.variants("babysitting", 8).contains("베이비시팅"));
    }
}
