/**
 * Lending: bookings of spaces and loans of goods (holds and waitlists next). Owns the tables
 * {@code booking}, {@code booking_slot}, {@code loan} and {@code loan_day}. The rule it exists
 * for: a quarter hour of a space, a day of an item, is never taken twice, enforced by the database
 * (the primary keys of {@code booking_slot} and {@code loan_day}), not only by Java. It reads
 * listings through the catalogue's {@code ListingService} and residents through
 * {@code ResidentDirectory}, never through JPA associations; limits come from platform/policy.
 */
package org.nanum.lending;
