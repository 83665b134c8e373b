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

    /** How much of a year to write besides the listings: loans over the year and time-bank events (null: the defaults). */
    public record Year(Integer loans, Integer timebankEvents) {
        static final Year DEFAULT = new Year(null, null);
    }

    public record Result(int households, int listings, int bookings, int loans, int transfers, int sessions, long journal,
                         int yearLoans, int cases, long millis) {
    }

    public static void main(String[] args) throws Exception {
        int listings = 100_000;
        long seed = 42;
        boolean activity = true;
        Integer loans = null;
        Integer events = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--listings" -> listings = Integer.parseInt(args[i + 1]);
                case "--loans" -> loans = Integer.parseInt(args[i + 1]);
                case "--timebank-events" -> events = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--activity" -> activity = !args[i + 1].equals("no");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = "jdbc:postgresql://" + env("NANUM_DB_HOST", "127.0.0.1") + ":" + env("NANUM_DB_PORT", "5432") + "/"
                + env("NANUM_DB_NAME", "nanum");
        Result r = generate(url, env("NANUM_DB_USER", "nanum"), env("NANUM_DB_PASSWORD", "nanum"), listings, seed, activity,
                new Year(loans, events));
        System.out.printf(Locale.ROOT, "Generated %,d households, %,d listings, %,d bookings, %,d recent loans and %,d over "
                        + "the year, %,d moderation cases, %,d time-bank transfers, %,d sessions and %,d journal entries in "
                        + "%.1f s (%,.0f listings/s)%n", r.households(), r.listings(), r.bookings(), r.loans(), r.yearLoans(),
                r.cases(), r.transfers(), r.sessions(), r.journal(), r.millis() / 1000.0,
                r.listings() * 1000.0 / Math.max(1, r.millis()));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static Result generate(String url, String user, String password, int listings, long seed)
            throws SQLException, IOException {
        return generate(url, user, password, listings, seed, true);
    }

    public static Result generate(String url, String user, String password, int listings, long seed, boolean activity)
            throws SQLException, IOException {
        return generate(url, user, password, listings, seed, activity, Year.DEFAULT);
    }

    /**
     * With {@code activity}, also a year of activity: loans over the year, moderation and a council
     * ({@link GenerateYear}, {@code year.loans()} loans, one per listing by default), bookings and
     * recent loans (see {@link #activity}) and the time bank ({@link GenerateTimebank},
     * {@code year.timebankEvents()} events, four per household by default).
     */
    public static Result generate(String url, String user, String password, int listings, long seed, boolean activity,
                                  Year year) throws SQLException, IOException {
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
            // Listings were published over the past year (their own random, so the listings stay as they were).
            SplittableRandom when = new SplittableRandom(seed + 1);
            java.time.Instant yearAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(365));
            for (int start = 0; start < listings; start += batch) {
                StringBuilder rows = new StringBuilder(batch * 400);
                for (int i = start; i < Math.min(listings, start + batch); i++) {
                    appendListing(rows, random, districts, householdIds, residentIds, residentDistrict,
                            yearAgo.plusSeconds(when.nextLong(365L * 86_400)).toString());
                }
                copy.copyIn(columns, new StringReader(rows.toString()));
            }
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("insert into listing_change (seq, listing_id, changed_at) select "
                        + "nextval('listing_change_seq'), l.id, now() from listing l join resident r on r.id = l.created_by "
                        + "where r.subject like 'generated-" + run + "-%'");
            }
            int[] made = activity ? activity(conn, copy, run, residentIds, random) : new int[] {0, 0};
            GenerateYear.Made past = activity ? GenerateYear.generate(conn, copy, run, residentIds,
                    year.loans() == null ? listings : year.loans(), random) : new GenerateYear.Made(0, 0, 0);
            GenerateTimebank.Made timebank = activity
                    ? GenerateTimebank.generate(conn, copy, run, householdIds, residentIds, random,
                            year.timebankEvents() == null ? households * 4 : year.timebankEvents())
                    : new GenerateTimebank.Made(0, 0, 0);
            conn.commit();
            return new Result(households, listings, made[0], made[1], timebank.transfers(), timebank.sessions(),
                    timebank.journal(), past.loans(), past.cases(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Bookings of the generated spaces (two each, one or two hours on the coming 60 days, by random
     * residents) and loans of a fifth of the goods (returned ones in the past 60 days, approved and
     * out ones now), with the quarter hours and days they hold: never two on the same time, as the
     * keys require. Returns {bookings, loans}.
     */
    private static int[] activity(Connection conn, CopyManager copy, String run, String[] residentIds,
                                  SplittableRandom random) throws SQLException, IOException {
        List<String[]> spaces = new java.util.ArrayList<>();
        List<String[]> goods = new java.util.ArrayList<>();
        try (Statement s = conn.createStatement();
             java.sql.ResultSet r = s.executeQuery("select l.id, l.kind, coalesce(l.owner_id, '') from listing l "
                     + "join resident x on x.id = l.created_by where x.subject like 'generated-" + run + "-%' "
                     + "and l.kind in ('SPACE', 'GOODS')")) {
            while (r.next()) {
                (r.getString(2).equals("SPACE") ? spaces : goods).add(new String[] {r.getString(1), r.getString(3)});
            }
        }
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");
        java.time.LocalDate today = java.time.LocalDate.now(seoul);
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        StringBuilder bookings = new StringBuilder();
        StringBuilder slots = new StringBuilder();
        java.util.Set<String> taken = new java.util.HashSet<>();
        int booked = 0;
        for (String[] space : spaces) {
            for (int k = 0; k < 2; k++) {
                java.time.LocalDate day = today.plusDays(1 + random.nextInt(60));
                int hour = 9 + random.nextInt(11);
                int hours = 1 + random.nextInt(2);
                java.time.Instant start = day.atTime(hour, 0).atZone(seoul).toInstant();
                java.time.Instant end = start.plusSeconds(3600L * hours);
                List<java.time.Instant> quarters = new java.util.ArrayList<>();
                for (java.time.Instant q = start; q.isBefore(end); q = q.plusSeconds(900)) {
                    quarters.add(q);
                }
                if (quarters.stream().anyMatch(q -> taken.contains(space[0] + q))) {
                    continue;
                }
                String id = UUID.randomUUID().toString();
                quarters.forEach(q -> {
                    taken.add(space[0] + q);
                    slots.append(space[0]).append('\t').append(q).append('\t').append(id).append('\n');
                });
                bookings.append(id).append('\t').append(space[0]).append('\t')
                        .append(residentIds[random.nextInt(residentIds.length)]).append("\tBOOKING\t\\N\t\\N\t")
                        .append(start).append('\t').append(end).append("\t\\N\tCONFIRMED\t").append(now)
                        .append("\t\\N\t\\N\t\\N\t1\n");
                booked++;
            }
        }
        copy.copyIn("copy booking (id, listing_id, booker_id, purpose, group_name, note, starts_at, ends_at, series_id, "
                + "status, created_at, cancelled_at, cancelled_by, cancel_reason, version) from stdin",
                new StringReader(bookings.toString()));
        copy.copyIn("copy booking_slot (listing_id, slot_start, booking_id) from stdin", new StringReader(slots.toString()));

        StringBuilder loans = new StringBuilder();
        StringBuilder days = new StringBuilder();
        int lent = 0;
        for (int i = 0; i < goods.size(); i += 5) {
            String[] item = goods.get(i);
            String borrower = residentIds[random.nextInt(residentIds.length)];
            if (borrower.equals(item[1])) {
                continue;
            }
            int kind = random.nextInt(3);
            java.time.LocalDate first = kind == 0 ? today.minusDays(5 + random.nextInt(55))
                    : kind == 1 ? today.minusDays(random.nextInt(3)) : today.plusDays(1 + random.nextInt(30));
            java.time.LocalDate last = first.plusDays(random.nextInt(5));
            String status = kind == 0 ? "RETURNED" : kind == 1 ? "OUT" : "APPROVED";
            String id = UUID.randomUUID().toString();
            for (java.time.LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                days.append(item[0]).append('\t').append(d).append('\t').append(id).append('\n');
            }
            String picked = kind == 2 ? "\\N" : first.atStartOfDay(seoul).toOffsetDateTime().toString();
            String returned = kind == 0 ? last.atTime(18, 0).atZone(seoul).toOffsetDateTime().toString() : "\\N";
            loans.append(id).append('\t').append(item[0]).append('\t').append(borrower).append('\t').append(first)
                    .append('\t').append(last).append('\t').append(status).append("\t\\N\t\\N\t\\N\t")
                    .append(now).append("\t\\N\t").append(picked).append('\t').append(kind == 2 ? "\\N" : "GOOD")
                    .append('\t').append(returned).append('\t').append(kind == 0 ? "GOOD" : "\\N")
                    .append("\t\\N\t0\t").append(now).append("\t1\n");
            lent++;
        }
        copy.copyIn("copy loan (id, listing_id, borrower_id, first_day, last_day, status, message, deposit_krw, decided_by, "
                + "decided_at, decision_note, picked_up_at, condition_out, returned_at, condition_back, damage_note, "
                + "renewals, created_at, version) from stdin", new StringReader(loans.toString()));
        copy.copyIn("copy loan_day (listing_id, lent_day, loan_id) from stdin", new StringReader(days.toString()));
        return new int[] {booked, lent};
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
                    + "\"slotMinutes\":60,\"bookableHours\":[{\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\","
                    + "\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"from\":\"09:00\",\"to\":\"21:00\"}]}}";
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
