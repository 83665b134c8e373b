package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.nanum.catalogue.application.CatalogueViews.PhotoView;
import org.nanum.catalogue.domain.CatalogueProblems.ListingNotFoundException;
import org.nanum.catalogue.domain.CatalogueProblems.PhotoNotFoundException;
import org.nanum.catalogue.domain.CatalogueProblems.TooManyPhotosException;
import org.nanum.catalogue.domain.CatalogueProblems.UnusablePhotoException;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.Photo;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.catalogue.infrastructure.PhotoProcessor;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;

/** Photos of listings: owners add and delete them, anyone sees those of visible listings, staff hide them. */
@ApplicationScoped
public class PhotoService {
    public static final int MAX_PHOTOS = 8;

    @Inject
    CatalogueStore store;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;

    /** The bytes of a photo and whether anyone may cache them. */
    public record PhotoBytes(byte[] bytes, boolean publicCache) {
    }

    @Transactional
    public PhotoView add(@NotNull SignedInUser user, @NotNull String listingId, @NotNull byte[] upload, String contentType) {
        Listing listing = listings.ownedForChange(user, listingId);
        List<Photo> existing = store.photos(listing.id());
        if (existing.size() >= MAX_PHOTOS) {
            throw new TooManyPhotosException(MAX_PHOTOS);
        }
        PhotoProcessor.Processed p;
        try {
            p = PhotoProcessor.process(upload, contentType);
        } catch (PhotoProcessor.UnusableImageException e) {
            throw new UnusablePhotoException(e.getMessage());
        }
        int position = existing.stream().mapToInt(Photo::position).max().orElse(-1) + 1;
        Photo photo = new Photo(listing.id(), position, p.width(), p.height(), p.image(), p.thumbnail(), Instant.now());
        store.add(photo);
        return CatalogueViews.PhotoView.of(listing.id(), photo);
    }

    @Transactional
    public void delete(@NotNull SignedInUser user, @NotNull String listingId, @NotNull String photoId) {
        Listing listing = listings.ownedForChange(user, listingId);
        store.remove(store.photo(listing.id(), photoId).orElseThrow(() -> new PhotoNotFoundException(photoId)));
    }

    /** A photo for whoever may see its listing; a hidden photo only for the listing's owner. */
    @Transactional
    public PhotoBytes bytes(SignedInUser userOrNull, @NotNull String listingId, @NotNull String photoId, boolean thumbnail) {
        CatalogueViews.ListingView visible;
        try {
            visible = listings.find(userOrNull, listingId);
        } catch (ListingNotFoundException e) {
            throw new PhotoNotFoundException(photoId);
        }
        Photo photo = store.photo(listingId, photoId).filter(p -> visible.mine() || !p.hidden())
                .orElseThrow(() -> new PhotoNotFoundException(photoId));
        boolean publicCache = !visible.mine() && userOrNull == null;
        return new PhotoBytes(thumbnail ? photo.thumbnail() : photo.image(), publicCache);
    }

    /** Staff hide (or restore) a photo, with a reason, on the record. */
    @Transactional
    public PhotoView moderate(@NotNull SignedInUser staff, @NotNull String listingId, @NotNull String photoId,
                              boolean hidden, @NotBlank @Size(max = 2000) String reason) {
        Photo photo = store.photo(listingId, photoId).orElseThrow(() -> new PhotoNotFoundException(photoId));
        if (hidden) {
            photo.hide();
        } else {
            photo.restore();
        }
        audit.record(residents.signIn(staff).residentId(), AuditRecord.ActorKind.STAFF,
                hidden ? "photo.hidden" : "photo.restored", "photo", photo.id(), reason);
        return CatalogueViews.PhotoView.of(listingId, photo);
    }
}
