package org.nanum.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.TestEnvironment;

/** A small synthetic city goes into the database, and the running server indexes it through the outbox. */
@ExtendWith(ArquillianExtension.class)
class GenerateCityIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void a_generated_city_is_in_the_database_and_searchable() throws Exception {
        long listingsBefore = Database.count("select count(*) from listing");
        int washersBefore = as(null).queryParam("q", "pressure washer").get("/api/listings?size=1").then().statusCode(200)
                .extract().path("total");

        GenerateCity.Result r = GenerateCity.generate(TestEnvironment.jdbcUrl(), TestEnvironment.dbUser(),
                TestEnvironment.dbPassword(), 2000, 7);

        assertEquals(2000, r.listings());
        // Bookings and loans, holding their quarter hours and days (the keys would refuse a clash).
        assertTrue(r.bookings() > 0 && r.loans() > 0, r.toString());
        assertTrue(Database.count("select count(*) from booking_slot s join booking b on b.id = s.booking_id join resident r "
                + "on r.id = b.booker_id where r.subject like 'generated-%'") >= r.bookings() * 4L);
        assertEquals(0, Database.count("select count(*) from loan l join resident r on r.id = l.borrower_id where "
                + "r.subject like 'generated-%' and not exists (select 1 from loan_day d where d.loan_id = l.id)"));
        // A year of the time bank: sessions and transfers, each account as its journal says, the books at zero.
        assertTrue(r.transfers() > 400 && r.sessions() > 50, r.toString());
        assertEquals(0, Database.count("select coalesce(sum(balance), 0) from tb_account"));
        // The generator sealed its journal entries into the chain (the check below walks it).
        assertEquals(0, Database.count("select count(*) from tb_journal where chain_pos is null and transfer_id in "
                + "(select t.id from tb_transfer t join tb_account a on a.id = t.to_account join household h on "
                + "h.id = a.household_id where h.name like 'Household %')"));
        assertTrue(r.journal() >= r.transfers(), r.toString());
        // The past year: loans spread over it (a day lent once), moderation with its public log, a council.
        assertTrue(r.yearLoans() > 1000 && r.cases() >= 10, r.toString());
        assertTrue(Database.count("select count(distinct extract(month from o.created_at)) from loan o join resident r "
                + "on r.id = o.borrower_id where r.subject like 'generated-%'") >= 8, "loans in most months of the year");
        String generatedCases = "select c.id from moderation_case c join resident r on r.id = c.decided_by "
                + "where r.subject like 'generated-%'";
        assertTrue(Database.count("select count(*) from (" + generatedCases + ") x") >= r.cases());
        assertTrue(Database.count("select count(*) from transparency_entry where case_id in (" + generatedCases + ")")
                >= 4L * r.cases(), "three reports and a decision per case, in the public log");
        assertTrue(Database.count("select count(*) from council_proposal where rationale = 'Generated proposal'") >= 2);
        assertTrue(Database.count("select count(*) from tb_session s join resident r on r.id = s.provider_resident "
                + "where r.subject like 'generated-%' and s.status = 'SCHEDULED'") > 0, "sessions coming up");
        assertEquals(0, Database.count("select count(*) from tb_account a join household h on h.id = a.household_id "
                + "where h.name like 'Household %' and (a.balance - a.held < -600 or a.balance + a.incoming > 4800)"));
        as(Keycloak.newPerson("council").token()).get("/api/timebank/ledger/check").then().statusCode(200)
                .body("verified", org.hamcrest.Matchers.equalTo(true));
        assertEquals(listingsBefore + 2000, Database.count("select count(*) from listing"));
        assertTrue(Database.count("select count(distinct language) from listing") >= 3, "three languages");
        assertEquals(4, Database.count("select count(distinct kind) from listing"));
        // Residents' homes are stored exactly and shown coarsened.
        assertEquals(0, Database.count("select count(*) from listing where owner_type <> 'CITY' "
                + "and abs(public_latitude - latitude) > 0.0018"));
        Eventually.within(60, "the server indexes the generated listings", () -> {
            int washers = as(null).queryParam("q", "pressure washer").get("/api/listings?size=1").then().statusCode(200)
                    .extract().path("total");
            return washers > washersBefore;
        });
    }
}
