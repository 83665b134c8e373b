package org.nanum.catalogue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Listing listing(OwnerType owner) {
        Listing l = new Listing(ListingKind.GOODS, Direction.OFFER, owner, "someone", "someone", NOW);
        l.describe("Drill", "A drill", Language.EN,
                new Category("goods.tools.power", "goods.tools", ListingKind.GOODS, "전동 공구", "Power tools",
                        "Outils électriques", 1),
                "mapo", 37.55712, 126.90891,
                new ListingDetails(new ListingDetails.Goods(ListingDetails.Condition.GOOD, null, 3, null, "flat 2"),
                        null, null, null), NOW);
        return l;
    }

    @Test
    void a_residents_place_is_shown_coarsened_to_about_200_m() {
        Listing l = listing(OwnerType.RESIDENT);
        double dLatMetres = Math.abs(l.publicLatitude() - l.latitude()) * 111_000;
        double dLonMetres = Math.abs(l.publicLongitude() - l.longitude()) * 111_000 * Math.cos(Math.toRadians(37.557));
        assertTrue(dLatMetres <= 100 && dLonMetres <= 100, dLatMetres + " m, " + dLonMetres + " m");
        // Two homes in the same cell are shown at the same point: the point says nothing finer.
        double[] a = Listing.coarsen(37.55712, 126.90891);
        double[] b = Listing.coarsen(a[0] + 0.0003, a[1] - 0.0003);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
    }

    @Test
    void the_citys_place_is_shown_as_it_is() {
        Listing l = listing(OwnerType.CITY);
        assertEquals(l.latitude(), l.publicLatitude());
        assertEquals(l.longitude(), l.publicLongitude());
    }

    @Test
    void owners_move_between_draft_published_paused_and_withdrawn_and_withdrawn_is_final() {
        Listing l = listing(OwnerType.RESIDENT);
        assertEquals(ListingStatus.DRAFT, l.status());
        assertFalse(l.isSearchable());
        assertTrue(l.moveTo(ListingStatus.PUBLISHED, NOW));
        assertTrue(l.isSearchable());
        assertTrue(l.moveTo(ListingStatus.PAUSED, NOW));
        assertFalse(l.isSearchable());
        assertTrue(l.moveTo(ListingStatus.PUBLISHED, NOW));
        assertTrue(l.moveTo(ListingStatus.WITHDRAWN, NOW));
        for (ListingStatus s : ListingStatus.values()) {
            assertFalse(l.moveTo(s, NOW), "from WITHDRAWN to " + s);
        }
    }

    @Test
    void the_private_pickup_place_is_not_in_the_public_details() {
        ListingDetails d = listing(OwnerType.RESIDENT).details();
        assertEquals("flat 2", d.goods().pickupPlace());
        assertEquals(null, d.withoutPrivate().goods().pickupPlace());
        assertEquals(3, d.withoutPrivate().goods().loanPeriodDays());
    }

    @Test
    void kinds_decide_owners_and_directions() {
        assertTrue(ListingKind.SPACE.allows(OwnerType.CITY));
        assertFalse(ListingKind.SPACE.allows(OwnerType.RESIDENT));
        assertTrue(ListingKind.CHILDCARE.allows(OwnerType.HOUSEHOLD));
        assertFalse(ListingKind.CHILDCARE.allows(OwnerType.RESIDENT));
        assertFalse(ListingKind.GOODS.allows(Direction.REQUEST));
        assertTrue(ListingKind.SERVICE.allows(Direction.REQUEST));
        assertFalse(ListingKind.CHILDCARE.isPublic());
    }

    @Test
    void a_category_path_runs_from_the_root() {
        assertEquals(List.of("goods", "goods.tools", "goods.tools.power"), Category.pathOf("goods.tools.power"));
        assertEquals(List.of("space"), Category.pathOf("space"));
    }

    @Test
    void the_language_is_detected_when_not_declared() {
        assertEquals(Language.KO, Language.detect("충전식 전동 드릴 빌려드려요"));
        assertEquals(Language.FR, Language.detect("Je prête ma perceuse pour vos travaux"));
        assertEquals(Language.EN, Language.detect("I can lend my drill for the weekend"));
        assertEquals(Language.EN, Language.detect(""));
        assertEquals(Language.KO, Language.detect("Drill 드릴"));
    }
}
