package org.nanum.timebank.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.DemoCatalogue;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.residents.application.DemoCity;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Session;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.infrastructure.LedgerStore;
import org.nanum.timebank.infrastructure.SessionStore;

/**
 * The demo city's time bank: the Kim and Park households with some history (three Saturdays on
 * which Ana minded the Parks' daughter, one adjusted by agreement; the Kims paid Ben for mending
 * their bicycles; the Parks gave to the community pot) and one session coming up. Goes through the ledger like any
 * transfer, so the books balance and the chain covers it. Runs once.
 */
@ApplicationScoped
public class TimebankDemo {
    public static final int ORDER = DemoCatalogue.ORDER + 5;
    private static final Logger LOG = Logger.getLogger(TimebankDemo.class.getName());
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Inject
    @ConfigProperty(name = "nanum.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    ResidentDirectory residents;
    @Inject
    ListingService listings;
    @Inject
    Ledger ledger;
    @Inject
    LedgerStore ledgerStore;
    @Inject
    SessionStore sessions;
    @Inject
    WelcomeGrants welcome;

    @Transactional
    void load(@Observes @Priority(ORDER) Startup startup) {
        if (!enabled) {
            return;
        }
        Who ana = who("ana");
        Who ben = who("ben");
        if (ledgerStore.accountOfHousehold(ana.householdId()).isPresent()) {
            return;
        }
        String offer = listings.createdBy(ana.residentId(), ListingKind.CHILDCARE).stream().findFirst().orElse(null);
        if (offer == null) {
            return;
        }
        // Both residents' residency is verified (DemoCity): each is welcomed once, as anyone would be.
        welcome.grantIfDue(ana.residentId());
        welcome.grantIfDue(ben.residentId());
        Account kim = ledger.openFor(ana.householdId());
        Account park = ledger.openFor(ben.householdId());
        Instant now = Instant.now();
        LocalDate lastSaturday = LocalDate.now(SEOUL).with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        int[][] past = {{21, 180, 180}, {14, 150, 165}, {7, 120, 120}};
        for (int[] p : past) {
            Instant start = lastSaturday.minusDays(p[0] - 7L).atTime(LocalTime.of(14, 0)).atZone(SEOUL).toInstant();
            Session s = new Session(Session.Kind.CHILDCARE, offer, ana.householdId(), ana.residentId(), ben.householdId(),
                    ben.residentId(), start, start.plusSeconds(p[1] * 60L), 1, now);
            sessions.add(s);
            s.schedule(ledger.hold(park.id(), kim.id(), s.minutes(), s.id()).id(), now);
            s.confirm(Session.Side.PROVIDER, p[2], now);
            s.confirm(Session.Side.RECEIVER, p[2], now);
            ledger.post(s.transferId(), p[2]);
            s.posted(now);
        }
        Transfer paid = ledger.pay(null, kim.id(), park.id(), 90, Transfer.Kind.PAYMENT, null, null);
        ledgerStore.add(new TransferNote(paid.id(), ana.residentId(), "Ben fixed our bicycles", null));
        Transfer gift = ledger.pay(null, park.id(), Account.POT, 30, Transfer.Kind.PAYMENT, null, null);
        ledgerStore.add(new TransferNote(gift.id(), ben.residentId(), "For the neighbourhood", null));
        Instant saturday = LocalDate.now(SEOUL).with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .atTime(LocalTime.of(14, 0)).atZone(SEOUL).toInstant();
        Session next = new Session(Session.Kind.CHILDCARE, offer, ana.householdId(), ana.residentId(), ben.householdId(),
                ben.residentId(), saturday, saturday.plusSeconds(3 * 3600), 1, now);
        sessions.add(next);
        next.schedule(ledger.hold(park.id(), kim.id(), next.minutes(), next.id()).id(), now);
        LOG.info("Demo city: the Kim and Park households' time bank, with 3 past sessions and 1 coming up");
    }

    private Who who(String username) {
        DemoCity.DemoPerson p = DemoCity.PEOPLE.stream().filter(d -> d.username().equals(username)).findFirst().orElseThrow();
        return residents.bySubject(p.subject()).orElseThrow();
    }
}
