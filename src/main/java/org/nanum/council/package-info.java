/**
 * Councils: who sits on which council for which term (assigned by an admin), usage reports with
 * small cells suppressed, proposals and votes that set the platform's policy values, residents'
 * petitions that put a proposal on the agenda, and the hearing of appeals of moderation decisions
 * and deposit outcomes. Owns the council_* tables; reaches the other capabilities only through
 * their application services.
 */
package org.nanum.council;
