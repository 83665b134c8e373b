package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.nanum.catalogue.application.ListingService;
import org.nanum.lending.application.CalendarSource;
import org.nanum.lending.domain.ICalendar;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.domain.Session;
import org.nanum.timebank.infrastructure.SessionStore;

/** A household's sessions in its members' calendar feeds: times and titles, never the care note. */
@ApplicationScoped
public class SessionCalendar implements CalendarSource {
    @Inject
    SessionStore store;
    @Inject
    ResidentDirectory residents;
    @Inject
    ListingService listings;

    @Override
    @Transactional
    public void addTo(ICalendar ics, String residentId, Instant now) {
        String household = residents.householdOfResident(residentId);
        if (household == null) {
            return;
        }
        Map<String, String> titles = new HashMap<>();
        for (Session s : store.ofHousehold(household, now.minus(Duration.ofDays(30)))) {
            if (s.status() == Session.Status.PROPOSED || s.status() == Session.Status.DECLINED) {
                continue;
            }
            String title = titles.computeIfAbsent(s.listingId(), listings::titleOf);
            boolean giving = household.equals(s.providerHousehold());
            String what = s.kind() == Session.Kind.CHILDCARE ? (giving ? "Babysitting: " : "Childcare for us: ")
                    : (giving ? "Helping: " : "Help for us: ");
            ics.event("session-" + s.id() + "@nanum", s.startsAt(), s.endsAt(), what + title,
                    s.minutes() + " minutes in the time bank.", null,
                    s.status() == Session.Status.CANCELLED || s.status() == Session.Status.NO_SHOW
                            || s.status() == Session.Status.VOIDED);
        }
    }
}
