/**
 * Residents, households and districts. Owns the tables {@code resident}, {@code household} and
 * {@code district}. A resident is created on first sign-in from the token; chooses a district;
 * starts a household or joins one with a member's invitation code, and may leave it (a household
 * whose last member leaves is dissolved). Staff verify residency, on the record.
 *
 * <p>{@code residents.notification} owns {@code notification} and {@code notification_preference}:
 * what residents are told (an inbox, and the outbox mail is sent from), written by other
 * capabilities through {@code NotificationService.tell} inside their own transactions.
 */
package org.nanum.residents;
