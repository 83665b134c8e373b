package org.nanum.residents.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.residents.domain.District;
import org.nanum.residents.domain.DistrictRepository;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.HouseholdRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;

/**
 * The demo city (nanum.demo.enabled=true, set by ./nanum run): the demo realm's people as
 * residents of Seoul, two households, and Ana's and Ben's residency verified by staff. Their Keycloak ids
 * are fixed in keycloak/nanum-realm.json. Loaded once; a resident that already exists is left
 * as it is, so what people did in the demo survives restarts.
 */
@ApplicationScoped
public class DemoCity {
    public static final int ORDER = CityDataLoader.ORDER + 10;
    private static final Logger LOG = Logger.getLogger(DemoCity.class.getName());

    public record DemoPerson(String subject, String username, String displayName, String district, String household) {
    }

    public static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("0b7f2c1e-0000-4000-8000-00000000a0a1", "ana", "Ana Kim", "mapo", "Kim family"),
            new DemoPerson("0b7f2c1e-0000-4000-8000-00000000b0b1", "ben", "Ben Park", "gangnam", "Park household"),
            new DemoPerson("0b7f2c1e-0000-4000-8000-00000000c1e0", "cleo", "Cleo Lee", "jongno", null),
            new DemoPerson("0b7f2c1e-0000-4000-8000-00000000005a", "sam", "Sam Choi", "jung", null),
            new DemoPerson("0b7f2c1e-0000-4000-8000-0000000000ad", "ada", "Ada Jung", "jung", null));

    @Inject
    @ConfigProperty(name = "nanum.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    ResidentRepository residents;
    @Inject
    HouseholdRepository households;
    @Inject
    DistrictRepository districts;
    @Inject
    AuditLog audit;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Transactional
    void load(@Observes @Priority(ORDER) Startup startup) {
        if (enabled) {
            int added = loadPeople();
            LOG.info(() -> "Demo city: " + added + " demo residents added, " + (PEOPLE.size() - added) + " kept");
            recordAnasSitterCheck();
        }
    }

    /** Ana offers babysitting in the demo catalogue: staff (Sam) recorded her checks as a sitter. */
    private void recordAnasSitterCheck() {
        Resident ana = residents.findBySubject(PEOPLE.get(0).subject()).orElseThrow();
        Resident sam = residents.findBySubject(PEOPLE.get(3).subject()).orElseThrow();
        if (em.find(org.nanum.residents.domain.SitterCheck.class, ana.id()) == null) {
            Instant now = Instant.now();
            em.persist(new org.nanum.residents.domain.SitterCheck(ana.id(),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30), sam.id(), now));
            audit.record(sam.id(), AuditRecord.ActorKind.STAFF, "sitter.checked", "resident", ana.id(),
                    "Demo city: criminal record check and first-aid certificate seen at the Mapo-gu office.");
        }
    }

    private int loadPeople() {
        Instant now = Instant.now();
        int added = 0;
        Resident sam = null;
        Resident ana = null;
        Resident ben = null;
        for (DemoPerson p : PEOPLE) {
            Resident r = residents.findBySubject(p.subject()).orElse(null);
            if (r == null) {
                r = new Resident(p.subject(), p.username(), p.displayName(), p.username() + "@demo.nanum.local", now);
                District district = districts.findByCode(p.district()).orElseThrow(
                        () -> new IllegalStateException("The demo city needs Seoul's district " + p.district()));
                r.moveTo(district);
                residents.add(r);
                if (p.household() != null) {
                    Household h = new Household(p.household(), now);
                    households.add(h);
                    r.joinHousehold(h);
                }
                added++;
                if (p.username().equals("ana")) {
                    ana = r;
                }
                if (p.username().equals("ben")) {
                    ben = r;
                }
            }
            if (p.username().equals("sam")) {
                sam = r;
            }
        }
        if (ana != null && sam != null) {
            em.flush();
            ana.verifyResidency(sam, now);
            audit.record(sam.id(), AuditRecord.ActorKind.STAFF, "residency.verified", "resident", ana.id(),
                    "Demo city: residency card seen at the Mapo-gu office.");
        }
        if (ben != null && sam != null) {
            ben.verifyResidency(sam, now);
            audit.record(sam.id(), AuditRecord.ActorKind.STAFF, "residency.verified", "resident", ben.id(),
                    "Demo city: residency card seen at the Gangnam-gu office.");
        }
        return added;
    }
}
