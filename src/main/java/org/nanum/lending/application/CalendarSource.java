package org.nanum.lending.application;

import java.time.Instant;
import org.nanum.lending.domain.ICalendar;

/**
 * Another capability's events in a resident's calendar feed (the time bank's sessions): the feed
 * asks every bean of this type to add what the resident should see. Keeps lending from knowing them.
 */
public interface CalendarSource {
    void addTo(ICalendar ics, String residentId, Instant now);
}
