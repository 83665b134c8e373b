/**
 * Residents, households and districts. Owns the tables {@code resident}, {@code household} and
 * {@code district}. A resident is created on first sign-in from the token; chooses a district;
 * starts a household or joins one with a member's invitation code, and may leave it (a household
 * whose last member leaves is dissolved). Staff verify residency, on the record.
 */
package org.nanum.residents;
