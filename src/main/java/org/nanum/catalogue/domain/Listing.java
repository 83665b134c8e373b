package org.nanum.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Something offered or asked for in the catalogue: goods, a space, a service or childcare time.
 *
 * <p>Rules: the kind decides who may own it (goods: a resident or the city; spaces: the city;
 * services: a resident; childcare: a household) and whether it may be a request (services and
 * childcare only). Its category belongs to its kind. Owners move it between draft, published,
 * paused and withdrawn; only moderation hides it, and a hidden listing stays hidden until
 * moderation restores it; a withdrawn listing is final. For residents' homes, search and everyone
 * but the owner see the place coarsened to a grid of about 200 m.
 */
@Entity
@Table(name = "listing")
public class Listing {
    /** ~200 m in latitude; longitude steps are widened by 1/cos(latitude) to stay ~200 m. */
    static final double GRID_DEGREES = 0.0018;

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false)
    private OwnerType ownerType;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false)
    private String language;
    @Column(name = "category_code", nullable = false)
    private String categoryCode;
    @Column(name = "district_code")
    private String districtCode;
    private Double latitude;
    private Double longitude;
    @Column(name = "public_latitude")
    private Double publicLatitude;
    @Column(name = "public_longitude")
    private Double publicLongitude;
    @Column(nullable = false)
    private String details;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hidden")
    private ListingStatus statusBeforeHidden;
    /** MODERATION (a decision or an automatic hold) or SUSPENSION (its owner's), while hidden. */
    @Column(name = "hidden_cause")
    private String hiddenCause;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Listing() {
    }

    public Listing(ListingKind kind, Direction direction, OwnerType ownerType, String ownerId, String createdBy,
                   Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.direction = direction;
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.createdBy = createdBy;
        this.status = ListingStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String title, String description, Language language, Category category, String districtCode,
                         Double latitude, Double longitude, ListingDetails details, Instant now) {
        this.title = title;
        this.description = description;
        this.language = language.code();
        this.categoryCode = category.code();
        this.districtCode = districtCode;
        this.latitude = latitude;
        this.longitude = longitude;
        if (latitude == null || longitude == null) {
            this.publicLatitude = null;
            this.publicLongitude = null;
        } else if (ownerType == OwnerType.CITY) {
            this.publicLatitude = latitude;
            this.publicLongitude = longitude;
        } else {
            double[] coarse = coarsen(latitude, longitude);
            this.publicLatitude = coarse[0];
            this.publicLongitude = coarse[1];
        }
        this.details = details.toJson();
        this.updatedAt = now;
    }

    /** The centre of the ~200 m grid cell the point falls in. */
    public static double[] coarsen(double latitude, double longitude) {
        double lat = (Math.floor(latitude / GRID_DEGREES) + 0.5) * GRID_DEGREES;
        double lonStep = GRID_DEGREES / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        double lon = (Math.floor(longitude / lonStep) + 0.5) * lonStep;
        return new double[] {Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6};
    }

    /** Moves between the statuses an owner may set; returns false when the move is not allowed. */
    public boolean moveTo(ListingStatus target, Instant now) {
        boolean allowed = switch (status) {
            case DRAFT, PAUSED -> target == ListingStatus.PUBLISHED || target == ListingStatus.PAUSED
                    || target == ListingStatus.WITHDRAWN;
            case PUBLISHED -> target == ListingStatus.PAUSED || target == ListingStatus.WITHDRAWN
                    || target == ListingStatus.PUBLISHED;
            case HIDDEN -> target == ListingStatus.WITHDRAWN;
            case WITHDRAWN -> false;
        };
        if (allowed) {
            status = target;
            updatedAt = now;
        }
        return allowed;
    }

    public static final String BY_MODERATION = "MODERATION";
    public static final String BY_SUSPENSION = "SUSPENSION";

    /**
     * Hides the listing (from any status but withdrawn) for a cause; returns whether it changed. A
     * listing its owner's suspension hid and moderation now hides stays hidden when the suspension ends.
     */
    public boolean hide(String cause, Instant now) {
        if (status == ListingStatus.HIDDEN) {
            if (BY_MODERATION.equals(cause)) {
                hiddenCause = BY_MODERATION;
            }
            return false;
        }
        if (status == ListingStatus.WITHDRAWN) {
            return false;
        }
        statusBeforeHidden = status;
        status = ListingStatus.HIDDEN;
        hiddenCause = cause;
        updatedAt = now;
        return true;
    }

    /** Held for review when its owner publishes it: hidden, and published when moderation restores it. */
    public void holdForReview(Instant now) {
        statusBeforeHidden = ListingStatus.PUBLISHED;
        status = ListingStatus.HIDDEN;
        hiddenCause = BY_MODERATION;
        updatedAt = now;
    }

    /**
     * Shows the listing again, as it was before: moderation lifts any hiding; the end of a
     * suspension lifts only what the suspension hid. Returns whether it changed.
     */
    public boolean restore(String cause, Instant now) {
        if (status != ListingStatus.HIDDEN || (BY_SUSPENSION.equals(cause) && !BY_SUSPENSION.equals(hiddenCause))) {
            return false;
        }
        status = statusBeforeHidden != null ? statusBeforeHidden : ListingStatus.PUBLISHED;
        statusBeforeHidden = null;
        hiddenCause = null;
        updatedAt = now;
        return true;
    }

    /**
     * Its owner was erased: withdrawn for good, and nothing of what they wrote or where it was
     * stays (the row remains for the loans and bookings that point to it).
     */
    public void erase(Instant now) {
        this.title = "(erased)";
        this.description = "(erased)";
        this.latitude = null;
        this.longitude = null;
        this.publicLatitude = null;
        this.publicLongitude = null;
        ListingDetails d = details();
        this.details = d == null ? null : d.withoutPrivate().toJson();
        this.statusBeforeHidden = null;
        this.hiddenCause = null;
        this.status = ListingStatus.WITHDRAWN;
        this.updatedAt = now;
    }

    /** Something about the listing changed outside its own fields (e.g. its availability). */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean isSearchable() {
        return status == ListingStatus.PUBLISHED;
    }

    public String id() {
        return id;
    }

    public ListingKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public String ownerId() {
        return ownerId;
    }

    public String createdBy() {
        return createdBy;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Language language() {
        return Language.ofCode(language);
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String districtCode() {
        return districtCode;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }

    public Double publicLatitude() {
        return publicLatitude;
    }

    public Double publicLongitude() {
        return publicLongitude;
    }

    public ListingDetails details() {
        return ListingDetails.fromJson(details);
    }

    public ListingStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
