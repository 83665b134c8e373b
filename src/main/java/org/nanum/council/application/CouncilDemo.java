package org.nanum.council.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.council.domain.Council;
import org.nanum.council.domain.Member;
import org.nanum.council.domain.Term;
import org.nanum.residents.application.DemoCity;
import org.nanum.residents.application.ResidentDirectory;

/**
 * The demo city's council: the city-wide Seoul Sharing Council, its term for this year and next,
 * with Cleo (the demo council member) seated by Ada (the demo admin). Runs once.
 */
@ApplicationScoped
public class CouncilDemo {
    public static final String NAME = "Seoul Sharing Council";

    @Inject
    @ConfigProperty(name = "nanum.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentDirectory residents;
    @Inject
    Clock clock;

    @Transactional
    void load(@Observes @Priority(DemoCity.ORDER + 20) Startup startup) {
        if (!enabled || !em.createQuery("select c from Council c where c.name = :n", Council.class)
                .setParameter("n", NAME).getResultList().isEmpty()) {
            return;
        }
        String cleo = subject("cleo");
        String ada = subject("ada");
        if (cleo == null || ada == null) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, cityZone);
        Council council = new Council(NAME, null, ada, now);
        em.persist(council);
        Term term = new Term(council.id(), today.withDayOfYear(1), today.withDayOfYear(1).plusYears(2).minusDays(1), now);
        em.persist(term);
        em.flush();
        em.persist(new Member(term.id(), cleo, ada, now));
    }

    private String subject(String username) {
        return DemoCity.PEOPLE.stream().filter(p -> p.username().equals(username)).findFirst()
                .flatMap(p -> residents.bySubject(p.subject())).map(ResidentDirectory.Who::residentId).orElse(null);
    }
}
