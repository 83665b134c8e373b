package org.nanum.timebank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a sitter needs to know for one session, written by the family: an emergency contact,
 * allergies, the children's first names if the family chooses. Read only by that sitter and the
 * family, for that session; erased when the session is settled or soon after it ends. Its
 * {@code toString} says nothing, so it cannot end up in a log by accident.
 */
@Entity
@Table(name = "tb_care_note")
public class CareNote {
    @Id
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "emergency_contact")
    private String emergencyContact;
    private String allergies;
    @Column(name = "children_names")
    private String childrenNames;
    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    protected CareNote() {
    }

    public CareNote(String sessionId, String emergencyContact, String allergies, String childrenNames, Instant now) {
        this.sessionId = sessionId;
        rewrite(emergencyContact, allergies, childrenNames, now);
    }

    public void rewrite(String emergencyContact, String allergies, String childrenNames, Instant now) {
        this.emergencyContact = emergencyContact;
        this.allergies = allergies;
        this.childrenNames = childrenNames;
        this.writtenAt = now;
    }

    public String sessionId() {
        return sessionId;
    }

    public String emergencyContact() {
        return emergencyContact;
    }

    public String allergies() {
        return allergies;
    }

    public String childrenNames() {
        return childrenNames;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    @Override
    public String toString() {
        return "CareNote[session " + sessionId + "]";
    }
}
