package org.nanum.residents.application;

/**
 * A capability's part of a resident's data export (their right of access): what it holds about
 * the resident and their household, as plain values. Each capability that keeps personal data
 * has one bean implementing this; {@link DataExport} gathers them all. Another household's
 * personal data is never part of it: the other party of a loan or a session appears by display
 * name at most.
 */
public interface PersonalData {
    /** The section's name in the export: the capability's name. */
    String section();

    /** What the capability holds about this resident and their household. */
    Object of(Subject subject);

    /** Whose data: the resident, and their household (null when they have none). */
    record Subject(String residentId, String householdId) {
    }
}
