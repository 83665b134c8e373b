/**
 * Lending: bookings of spaces (and, next, loans of goods, holds and waitlists). Owns the tables
 * {@code booking} and {@code booking_slot}. The rule it exists for: a quarter hour of a space is
 * never taken twice, enforced by the database (the primary key of {@code booking_slot}), not only
 * by Java. It reads listings through the catalogue's {@code ListingService} and residents through
 * {@code ResidentDirectory}, never through JPA associations; limits come from platform/policy.
 */
package org.nanum.lending;
