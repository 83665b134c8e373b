package org.nanum.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.infrastructure.CategoryFile;
import org.nanum.residents.domain.District;
import org.nanum.residents.infrastructure.DistrictFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code ./nanum generate}: a synthetic city of a chosen size in PostgreSQL — households and their
 * residents, and published listings of all four kinds in Korean, English and French, spread over
 * the city's districts — for benchmarks and load tests. Deterministic for a seed. Rows go in with
 * COPY, so a million listings take seconds, not minutes. Every listing also gets an outbox row,
 * so running servers index them.
 */
public final class GenerateCity {
    /** One thing people lend or offer, named in the three languages, under a category. */
    record Thing(String category, String en, String ko, String fr) {
    }

    static final List<Thing> THINGS = List.of(
            new Thing("goods.tools.power", "drill", "드릴", "perceuse"),
            new Thing("goods.tools.power", "circular saw", "원형톱", "scie circulaire"),
            new Thing("goods.tools.power", "sander", "샌더", "ponceuse"),
            new Thing("goods.tools.hand", "hammer and chisel set", "망치와 끌 세트", "marteau et ciseaux"),
            new Thing("goods.tools.ladders", "ladder", "사다리", "échelle"),
            new Thing("goods.garden", "lawn mower", "잔디깎이", "tondeuse"),
            new Thing("goods.garden", "hedge trimmer", "전정기", "taille-haie"),
            new Thing("goods.kitchen", "pasta machine", "파스타 기계", "machine à pâtes"),
            new Thing("goods.kitchen", "stand mixer", "반죽기", "robot pâtissier"),
            new Thing("goods.camping", "tent", "텐트", "tente"),
            new Thing("goods.camping", "sleeping bag", "침낭", "sac de couchage"),
            new Thing("goods.electronics.audio-video", "projector", "프로젝터", "projecteur"),
            new Thing("goods.electronics.cameras", "camera tripod", "카메라 삼각대", "trépied"),
            new Thing("goods.sports", "bicycle", "자전거", "vélo"),
            new Thing("goods.children", "stroller", "유모차", "poussette"),
            new Thing("goods.children", "car seat", "카시트", "siège auto"),
            new Thing("goods.games", "board game", "보드게임", "jeu de société"),
            new Thing("goods.music", "guitar", "기타", "guitare"),
            new Thing("goods.crafts", "sewing machine", "재봉틀", "machine à coudre"),
            new Thing("goods.cleaning", "pressure washer", "고압 세척기", "nettoyeur haute pression"),
            new Thing("service.education.tutoring", "maths tutoring", "수학 과외", "cours de mathématiques"),
            new Thing("service.education.languages", "conversation practice", "회화 연습", "conversation"),
            new Thing("service.education.computers", "computer help", "컴퓨터 도움", "aide informatique"),
            new Thing("service.transport.rides", "ride to the doctor", "병원 동행", "accompagnement chez le médecin"),
            new Thing("service.home.repairs", "small repairs", "간단한 수리", "petites réparations"),
            new Thing("service.home.gardening", "gardening", "정원 가꾸기", "jardinage"),
            new Thing("service.home.pets", "pet sitting", "반려동물 돌봄", "garde d'animaux"),
            new Thing("service.companionship", "companionship visits", "말벗 방문", "visites de compagnie"),
            new Thing("childcare.babysitting", "babysitting", "아이 돌봄", "garde d'enfants"),
            new Thing("childcare.school-run", "school run", "등하교 동행", "accompagnement à l'école"),
            new Thing("childcare.homework", "homework help", "숙제 도움", "aide aux devoirs"),
            new Thing("space.meeting-room", "meeting room", "회의실", "salle de réunion"),
            new Thing("space.hall", "community hall", "마을 강당", "salle des fêtes"),
            new Thing("space.workshop", "maker workshop", "메이커 작업실", "atelier"));
    static final String[][] ADJECTIVES = {
            {"cordless", "무선", "sans fil"}, {"sturdy", "튼튼한", "robuste"}, {"compact", "작은", "compact"},
            {"almost new", "거의 새것인", "presque neuf"}, {"large", "큰", "grand"}, {"friendly", "친절한", "sympathique"},
            {"weekend", "주말", "du week-end"}, {"evening", "저녁", "du soir"}};
    static final String[] WHEN_EN = {"this weekend", "on weekday evenings", "on Saturdays", "any morning"};
    static final String[] WHEN_KO = {"이번 주말에", "평일 저녁에", "토요일마다", "오전 아무 때나"};
    static final String[] WHEN_FR = {"ce week-end", "en semaine le soir", "le samedi", "le matin"};

    private GenerateCity() {
    }

    public record Result(int households, int listings, long millis) {
    }

    public static void main(String[] args) throws Exception {
        int listings = 100_000;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--listings" -> listings = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = "jdbc:postgresql://" + env("NANUM_DB_HOST", "127.0.0.1") + ":" + env("NANUM_DB_PORT", "5432") + "/"
                + env("NANUM_DB_NAME", "nanum");
        Result r = generate(url, env("NANUM_DB_USER", "nanum"), env("NANUM_DB_PASSWORD", "nanum"), listings, seed);
        System.out.printf(Locale.ROOT, "Generated %,d households and %,d listings in %.1f s (%,.0f listings/s)%n",
                r.households(), r.listings(), r.millis() / 1000.0, r.listings() * 1000.0 / Math.max(1, r.millis()));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static Result generate(String url, String user, String password, int listings, long seed)
            throws SQLException, IOException {
        long started = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        List<District> districts;
        List<Category> categories;
        try (InputStream d = GenerateCity.class.getResourceAsStream("/city/seoul/districts.tsv");
             InputStream c = GenerateCity.class.getResourceAsStream("/catalogue/categories.tsv")) {
            districts = DistrictFile.read(d, "districts.tsv");
            categories = CategoryFile.read(c, "categories.tsv");
        }
        int households = Math.max(1, listings / 5);
        SplittableRandom random = new SplittableRandom(seed);
        String run = Long.toString(seed, 36) + "-" + Long.toString(System.nanoTime(), 36);
        try (Connection conn = DriverManager.getConnection(url, user, password)) {
            conn.setAutoCommit(false);
            referenceData(conn, districts, categories);
            CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
            String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
            String[] householdIds = new String[households];
            String[] residentIds = new String[households];
            String[] residentDistrict = new String[households];
            StringBuilder h = new StringBuilder();
            StringBuilder r = new StringBuilder();
            for (int i = 0; i < households; i++) {
                householdIds[i] = UUID.randomUUID().toString();
                residentIds[i] = UUID.randomUUID().toString();
                residentDistrict[i] = districts.get(random.nextInt(districts.size())).code();
                h.append(householdIds[i]).append('\t').append("Household ").append(i).append('\t').append(now)
                        .append("\t\\N\t\\N\t\\N\t0\n");
                r.append(residentIds[i]).append('\t').append("generated-").append(run).append('-').append(i).append('\t')
                        .append("gen").append(i).append('\t').append("Resident ").append(i).append("\t\\N\t")
                        .append(residentDistrict[i]).append('\t').append(householdIds[i]).append("\t\\N\t\\N\t")
                        .append(now).append("\t0\n");
            }
            copy.copyIn("copy household (id, name, created_at, invitation_code, invitation_expires_at, dissolved_at, version)"
                    + " from stdin", new StringReader(h.toString()));
            copy.copyIn("copy resident (id, subject, username, display_name, email, district_code, household_id, "
                    + "residency_verified_at, residency_verified_by, created_at, version) from stdin", new StringReader(r.toString()));

            String columns = "copy listing (id, kind, direction, owner_type, owner_id, created_by, title, description, "
                    + "language, category_code, district_code, latitude, longitude, public_latitude, public_longitude, "
                    + "details, status, created_at, updated_at, version) from stdin";
            int batch = 50_000;
            for (int start = 0; start < listings; start += batch) {
                StringBuilder rows = new StringBuilder(batch * 400);
                for (int i = start; i < Math.min(listings, start + batch); i++) {
                    appendListing(rows, random, districts, householdIds, residentIds, residentDistrict, now);
                }
                copy.copyIn(columns, new StringReader(rows.toString()));
            }
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("insert into listing_change (seq, listing_id, changed_at) select "
                        + "nextval('listing_change_seq'), l.id, now() from listing l join resident r on r.id = l.created_by "
                        + "where r.subject like 'generated-" + run + "-%'");
            }
            conn.commit();
        }
        return new Result(households, listings, (System.nanoTime() - started) / 1_000_000);
    }

    private static void referenceData(Connection conn, List<District> districts, List<Category> categories)
            throws SQLException {
        try (PreparedStatement d = conn.prepareStatement("insert into district (code, official_code, name_ko, name_en, "
                + "latitude, longitude) values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing");
             PreparedStatement c = conn.prepareStatement("insert into category (code, parent_code, kind, name_ko, "
                     + "name_en, name_fr, position) values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing")) {
            for (District x : districts) {
                d.setString(1, x.code());
                d.setString(2, x.officialCode());
                d.setString(3, x.nameKo());
                d.setString(4, x.nameEn());
                d.setDouble(5, x.latitude());
                d.setDouble(6, x.longitude());
                d.addBatch();
            }
            d.executeBatch();
            for (Category x : categories) {
                c.setString(1, x.code());
                c.setString(2, x.parentCode());
                c.setString(3, x.kind().name());
                c.setString(4, x.nameKo());
                c.setString(5, x.nameEn());
                c.setString(6, x.nameFr());
                c.setInt(7, x.position());
                c.addBatch();
            }
            c.executeBatch();
        }
    }

    private static void appendListing(StringBuilder out, SplittableRandom random, List<District> districts,
                                      String[] householdIds, String[] residentIds, String[] residentDistrict, String now) {
        Thing thing = THINGS.get(random.nextInt(THINGS.size()));
        String kind = thing.category().startsWith("goods") ? "GOODS" : thing.category().startsWith("space") ? "SPACE"
                : thing.category().startsWith("service") ? "SERVICE" : "CHILDCARE";
        int who = random.nextInt(residentIds.length);
        boolean city = kind.equals("SPACE") || (kind.equals("GOODS") && random.nextInt(10) == 0);
        String ownerType = city ? "CITY" : kind.equals("CHILDCARE") ? "HOUSEHOLD" : "RESIDENT";
        String ownerId = city ? "\\N" : kind.equals("CHILDCARE") ? householdIds[who] : residentIds[who];
        String direction = (kind.equals("SERVICE") || kind.equals("CHILDCARE")) && random.nextInt(3) == 0 ? "REQUEST" : "OFFER";
        String district = city ? districts.get(random.nextInt(districts.size())).code() : residentDistrict[who];
        District place = districts.stream().filter(x -> x.code().equals(district)).findFirst().orElseThrow();
        double lat = place.latitude() + (random.nextDouble() - 0.5) * 0.03;
        double lon = place.longitude() + (random.nextDouble() - 0.5) * 0.03;
        double[] shown = city ? new double[] {lat, lon} : Listing.coarsen(lat, lon);
        int lang = random.nextInt(20);
        String[] adj = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        int when = random.nextInt(WHEN_EN.length);
        String title;
        String description;
        String language;
        if (lang < 5) {
            language = "ko";
            title = adj[1] + " " + thing.ko();
            description = (direction.equals("OFFER") ? thing.ko() + " 나눠요. " : thing.ko() + " 필요해요. ")
                    + WHEN_KO[when] + " 가능해요. 편하게 연락 주세요.";
        } else if (lang < 8) {
            language = "fr";
            title = thing.fr() + " " + adj[2];
            description = (direction.equals("OFFER") ? "Je propose " : "Je cherche ") + thing.fr() + " " + WHEN_FR[when]
                    + ". Écrivez-moi.";
        } else {
            language = "en";
            title = adj[0] + " " + thing.en();
            description = (direction.equals("OFFER") ? "Offering " : "Looking for ") + thing.en() + " " + WHEN_EN[when]
                    + ". Happy to help neighbours.";
        }
        String details = switch (kind) {
            case "GOODS" -> "{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":" + (1 + random.nextInt(14)) + "}}";
            case "SPACE" -> "{\"space\":{\"capacity\":" + (6 + random.nextInt(100)) + ",\"openingHours\":\"09:00-21:00\","
                    + "\"slotMinutes\":60}}";
            case "SERVICE" -> "{\"service\":{\"minutes\":" + (30 + 30 * random.nextInt(4)) + "}}";
            default -> {
                Instant from = Instant.now().plusSeconds(3600L * (24 + random.nextInt(24 * 60)));
                yield "{\"childcare\":{\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(3 * 3600) + "\","
                        + "\"children\":" + (1 + random.nextInt(3)) + ",\"ageBands\":[\"AGE_3_5\"]}}";
            }
        };
        out.append(UUID.randomUUID()).append('\t').append(kind).append('\t').append(direction).append('\t')
                .append(ownerType).append('\t').append(ownerId).append('\t').append(residentIds[who]).append('\t')
                .append(title).append('\t').append(description).append('\t').append(language).append('\t')
                .append(thing.category()).append('\t').append(district).append('\t').append(lat).append('\t')
                .append(lon).append('\t').append(shown[0]).append('\t').append(shown[1]).append('\t')
                .append(details.replace("\\", "\\\\")).append('\t').append("PUBLISHED").append('\t').append(now)
                .append('\t').append(now).append("\t1\n");
    }

}
