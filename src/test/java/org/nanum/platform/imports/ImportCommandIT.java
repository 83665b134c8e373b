package org.nanum.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.SharedData;

/**
 * ./nanum import as an operator runs it, on the real files of ../shared/data and on broken ones,
 * through the real server: each import twice, the second changing nothing; an import killed
 * half-way resumes without a duplicate; a TimeOverflow export becomes balanced history; broken
 * files end with the right exit code and a report naming line, column and reason.
 */
@ExtendWith(ArquillianExtension.class)
class ImportCommandIT {
    @TempDir
    Path dir;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long imported(String source) {
        return Database.count("select count(*) from import_record where source = ?", source);
    }

    private static long everything() {
        return Database.count("select count(*) from listing") + Database.count("select count(*) from import_record")
                + Database.count("select count(*) from audit_record") + Database.count("select count(*) from resident")
                + Database.count("select count(*) from tb_transfer");
    }

    @Test
    void the_houston_inventory_twice_then_nothing_changes() throws Exception {
        Path houston = SharedData.file("library-of-things/houston_library_items.json");
        ImportTool tool = new ImportTool(Keycloak.newPerson("staff"), dir);
        String source = "houston-" + nonce();

        ImportTool.Run dry = tool.run("library-json", houston.toString(), "--source", source, "--dry-run");
        assertEquals(0, dry.exit(), dry.output());
        assertEquals(0, imported(source), "a dry run writes nothing");

        ImportTool.Run first = tool.run("library-json", houston.toString(), "--source", source);
        assertEquals(0, first.exit(), first.output());
        // 324 rows: 12 items, each scraped 27 times; no condition or loan period: drafts for staff.
        assertEquals(12, imported(source), first.output());
        assertEquals(12, Database.count("select count(*) from import_record r join listing l on l.id = r.target_id "
                + "where r.source = ? and l.status = 'DRAFT' and l.owner_type = 'CITY' and r.review is not null", source));
        assertTrue(first.report().contains("12 created"), first.report());

        long before = everything();
        ImportTool.Run second = tool.run("library-json", houston.toString(), "--source", source);
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.report().contains("0 created") && second.report().contains("12 unchanged"), second.report());
        assertEquals(before, everything(), "the second import changed something");
    }

    @Test
    void the_time_bank_listings_survive_an_interruption_and_a_second_import_changes_nothing() throws Exception {
        Path listings = SharedData.file("timebank-listings.csv");
        ImportTool tool = new ImportTool(Keycloak.newPerson("staff"), dir);
        String source = "timebanks-" + nonce();

        Process interrupted = tool.start("timebank-listings", listings.toString(), "--source", source);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (imported(source) < 600 && interrupted.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(interrupted.isAlive(), "the import ended before it could be interrupted: " + tool.lastOutput());
        interrupted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long partly = imported(source);
        assertTrue(partly > 0 && partly < 5_464, partly + " listings before the interruption");

        ImportTool.Run resumed = tool.run("timebank-listings", listings.toString(), "--source", source);
        assertEquals(0, resumed.exit(), resumed.output());
        assertTrue(resumed.output().contains("resuming after"), resumed.output());
        // 30,756 rows, 5,464 listings: each once, whatever the interruption.
        assertEquals(5_464, Database.count("select count(*) from import_record where source = ? and kind = 'LISTING'", source));
        assertEquals(5_464, Database.count("select count(distinct target_id) from import_record where source = ? "
                + "and kind = 'LISTING'", source));
        assertEquals(56, Database.count("select count(*) from import_record r join listing l on l.id = r.target_id "
                + "where r.source = ? and l.kind = 'CHILDCARE'", source));
        assertEquals(0, Database.count("select count(*) from import_record r join listing l on l.id = r.target_id "
                + "where r.source = ? and l.status <> 'DRAFT'", source), "services without a duration wait for staff");

        long before = everything();
        ImportTool.Run again = tool.run("timebank-listings", listings.toString(), "--source", source);
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.report().contains("0 created") && again.report().contains("5464 unchanged"), again.report());
        assertEquals(before, everything(), "the second import changed something");
    }

    @Test
    void a_timeoverflow_export_becomes_balanced_history() throws Exception {
        ImportTool tool = new ImportTool(Keycloak.newPerson("staff"), dir);
        String source = "timeoverflow-" + nonce();
        Path members = dir.resolve("members.csv");
        Files.writeString(members, """
                N,Name,Email,Phone,Alternative Phone,Created,Locale,Balance
                1,Marta Puig,marta-%1$s@example.org,600000000,,2019-01-10 09:00:00 +0100,es,-2.5
                2,Jordi Vila,,,,2019-01-11 09:00:00 +0100,ca,4
                3,Ana Soler,ana-%1$s@example.org,,,2019-01-12 09:00:00 +0100,es,0.5
                """.formatted(source));
        Path posts = dir.resolve("posts.csv");
        Files.writeString(posts, """
                Id,Title,Type,N,Description,Category,Created,Updated,Tags
                10,Clases de guitarra,Offer,2,Guitarra para principiantes,Clases,2019-01-15 10:00:00 +0100,,musica
                11,Canguro por las tardes,Inquiry,1,Necesito canguro,Cuidado de niños,2019-01-16 10:00:00 +0100,,
                """);
        Path transfers = dir.resolve("transfers.csv");
        Files.writeString(transfers, """
                Date,from ID,to ID,quantity,post ID,Comments
                2019-02-01 18:00:00 +0100,1,2,3,10,Guitar lesson
                2019-02-08 18:00:00 +0100,0,3,0.5,,Helping at the fair
                2019-03-01 18:00:00 +0100,2,1,0:30,,Thanks
                """);
        ImportTool.Run run = tool.run("timeoverflow", members.toString(), posts.toString(), transfers.toString(),
                "--source", source);
        assertEquals(0, run.exit(), run.output());
        assertEquals(3, Database.count("select count(*) from import_record where source = ? and kind = 'MEMBER'", source));
        assertEquals(3, Database.count("select count(*) from import_record where source = ? and kind = 'TRANSFER'", source));
        // Marta: history -3 h + 0.5 h = -2.5 h, as her balance says: no opening. Jordi: 2.5 h, balance 4 h: +1.5 h opening.
        long jordi = ((Number) Database.one("select a.balance from import_record r join resident p on p.id = r.target_id "
                + "join tb_account a on a.household_id = p.household_id where r.source = ? and r.kind = 'MEMBER' "
                + "and r.external_id = '2'", source).get("balance")).longValue();
        assertEquals(240, jordi);
        long marta = ((Number) Database.one("select a.balance from import_record r join resident p on p.id = r.target_id "
                + "join tb_account a on a.household_id = p.household_id where r.source = ? and r.kind = 'MEMBER' "
                + "and r.external_id = '1'", source).get("balance")).longValue();
        assertEquals(-150, marta, "history may break today's floor: it is history");
        var check = NanumDeployment.as(Keycloak.token("ada", "ada")).get("/api/timebank/ledger/check").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(check.getBoolean("verified"), check.prettify());
        assertEquals(0L, check.getLong("sumOfBalances"));

        long before = everything();
        ImportTool.Run again = tool.run("timeoverflow", members.toString(), posts.toString(), transfers.toString(),
                "--source", source);
        assertEquals(0, again.exit(), again.output());
        assertEquals(before, everything(), "the second import changed something");
    }

    @Test
    void broken_files_end_with_the_right_exit_code_and_a_report_that_names_line_column_and_reason() throws Exception {
        ImportTool tool = new ImportTool(Keycloak.newPerson("staff"), dir);
        String source = "broken-" + nonce();
        Path missing = dir.resolve("missing-columns.csv");
        Files.writeString(missing, "external_id,kind,description,category\nx1,GOODS,A drill,goods.tools.power\n");
        ImportTool.Run refused = tool.run("listings-csv", missing.toString(), "--source", source);
        assertEquals(2, refused.exit(), refused.output());
        assertTrue(refused.output().contains("title"), refused.output());

        Path semicolons = dir.resolve("semicolons.csv");
        Files.writeString(semicolons, "external_id;kind;title;description;category\nx1;GOODS;Drill;A drill;goods.tools.power\n");
        ImportTool.Run wrongDelimiter = tool.run("listings-csv", semicolons.toString(), "--source", source);
        assertEquals(2, wrongDelimiter.exit(), wrongDelimiter.output());
        assertTrue(wrongDelimiter.output().contains(";"), wrongDelimiter.output());
        assertEquals(0, imported(source));

        // Good rows, and rows broken in the ways real exports are: each reported, the good ones imported.
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(("external_id,kind,title,description,category,condition,loan_period_days,updated_at,owner_external_id\n"
                + "ok1,GOODS,Hand saw,A sharp saw,goods.tools.hand,GOOD,7,2024-03-01,\n"
                + "bad-date,GOODS,Hammer,A hammer,goods.tools.hand,GOOD,7,03/04/2019,\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("latin1,GOODS,Caf".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // é in Windows-1252: not UTF-8
        file.writeBytes((" machine,An espresso machine,goods.kitchen,GOOD,7,,\n"
                + "huge,GOOD,Long,").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        file.writeBytes((",goods.kitchen,GOOD,7,,\n"
                + "nobody,GOODS,Ladder,A ladder,goods.tools.ladders,GOOD,7,,member-404\n"
                + "ok2,GOODS,Tent,A tent for four,goods.camping,FAIR,14,,\n").getBytes(StandardCharsets.UTF_8));
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, file.toByteArray());
        ImportTool.Run partly = tool.run("listings-csv", broken.toString(), "--source", source);
        assertEquals(1, partly.exit(), partly.output());
        String report = partly.report();
        assertTrue(report.contains("ERROR line 3, column \"updated_at\""), report);
        assertTrue(report.contains("ERROR line 4") && report.contains("UTF-8"), report);
        assertTrue(report.contains("ERROR line 5"), report);
        assertTrue(report.contains("ownerExternalId"), report);
        assertEquals(2, imported(source), report);
        assertEquals(2, Database.count("select count(*) from import_record r join listing l on l.id = r.target_id "
                + "where r.source = ? and l.status = 'PUBLISHED'", source));
        assertFalse(Files.exists(dir.resolve("import-reports").resolve("broken.csv." + source + ".state.json")));
    }
}
