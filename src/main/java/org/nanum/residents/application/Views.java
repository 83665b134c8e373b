package org.nanum.residents.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.nanum.residents.domain.District;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.Resident;

/** What the residents capability shows, as response bodies. */
public final class Views {
    private Views() {
    }

    public record DistrictView(String code, String officialCode, String nameKo, String nameEn,
                               double latitude, double longitude) {
        static DistrictView of(District d) {
            return d == null ? null : new DistrictView(d.code(), d.officialCode(), d.nameKo(), d.nameEn(),
                    d.latitude(), d.longitude());
        }
    }

    /** The signed-in resident, as they see themselves. */
    public record MeView(String id, String username, String displayName, String email, DistrictView district,
                         String householdId, boolean residencyVerified, Set<String> roles, Instant memberSince) {
        static MeView of(Resident r, District district, Set<String> roles) {
            return new MeView(r.id(), r.username(), r.displayName(), r.email(), DistrictView.of(district),
                    r.householdId(), r.isResidencyVerified(), roles, r.createdAt());
        }
    }

    /** A resident as staff see them when verifying residency. */
    public record ResidentView(String id, String username, String displayName, String email, String districtCode,
                               String householdId, boolean residencyVerified, Instant residencyVerifiedAt,
                               String residencyVerifiedBy, Instant memberSince) {
        static ResidentView of(Resident r) {
            return new ResidentView(r.id(), r.username(), r.displayName(), r.email(), r.districtCode(),
                    r.householdId(), r.isResidencyVerified(), r.residencyVerifiedAt(), r.residencyVerifiedBy(),
                    r.createdAt());
        }
    }

    public record MemberView(String residentId, String displayName) {
    }

    /** A household as its members see it; the invitation code is shown to members only. */
    public record HouseholdView(String id, String name, Instant createdAt, List<MemberView> members,
                                String invitationCode, Instant invitationExpiresAt) {
        static HouseholdView of(Household h, List<Resident> members) {
            return new HouseholdView(h.id(), h.name(), h.createdAt(),
                    members.stream().map(m -> new MemberView(m.id(), m.displayName())).toList(),
                    h.invitationCode(), h.invitationExpiresAt());
        }
    }

    public record InvitationView(String invitationCode, Instant expiresAt) {
    }

    /** Whether a resident may offer childcare, as staff recorded it (never the documents). */
    public record SitterCheckView(String residentId, boolean verified, java.time.LocalDate checkedOn, String recordedBy,
                                  Instant recordedAt, Instant withdrawnAt) {
        static SitterCheckView of(String residentId, org.nanum.residents.domain.SitterCheck c) {
            return c == null ? new SitterCheckView(residentId, false, null, null, null, null)
                    : new SitterCheckView(residentId, c.isValid(), c.checkedOn(), c.recordedBy(), c.recordedAt(),
                    c.withdrawnAt());
        }
    }
}
