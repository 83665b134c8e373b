package org.nanum.catalogue.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.catalogue.application.CatalogueViews.PhotoView;
import org.nanum.catalogue.application.PhotoService;
import org.nanum.catalogue.domain.CatalogueProblems.PhotoTooLargeException;
import org.nanum.catalogue.infrastructure.PhotoProcessor;
import org.nanum.platform.rest.StrictBoolean;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/listings/{listingId}/photos")
@RequestScoped
@Tag(name = "Catalogue")
public class PhotoResource {
    @Inject
    PhotoService photos;
    @Inject
    SignedInUserProducer signIn;
    @Context
    UriInfo uri;

    /** A staff decision on a photo. */
    public record ModerationRequest(
            @NotNull(message = "say whether the photo is hidden")
            @jakarta.json.bind.annotation.JsonbTypeDeserializer(StrictBoolean.class) Boolean hidden,
            @NotBlank(message = "give a reason") @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Add a photo to my listing",
            description = "The body is the image itself (JPEG, PNG or WebP, at most 10 MB and 50 megapixels). It is "
                    + "re-encoded as a JPEG of at most 1600 px with a 320 px thumbnail; nothing of the original file "
                    + "but its pixels is kept (no EXIF, no GPS). At most 8 photos a listing.")
    @APIResponse(responseCode = "201", description = "The photo, with Location")
    @APIResponse(responseCode = "400", description = "The file is not a readable image, or too many pixels")
    @APIResponse(responseCode = "409", description = "The listing already has 8 photos")
    @APIResponse(responseCode = "413", description = "More than 10 MB")
    @APIResponse(responseCode = "415", description = "Not JPEG, PNG or WebP")
    public Response add(@PathParam("listingId") String listingId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                        InputStream body) throws IOException {
        byte[] upload = body.readNBytes(PhotoProcessor.MAX_BYTES + 1);
        if (upload.length > PhotoProcessor.MAX_BYTES) {
            throw new PhotoTooLargeException(PhotoProcessor.MAX_BYTES);
        }
        String contentType = MediaType.valueOf(type).getType() + "/" + MediaType.valueOf(type).getSubtype();
        PhotoView view = photos.add(signIn.ifSignedIn().orElseThrow(), listingId, upload, contentType);
        return Response.created(URI.create(uri.getBaseUri().resolve("listings/" + listingId + "/photos/" + view.id())
                .toString())).type(MediaType.APPLICATION_JSON).entity(view).build();
    }

    @GET
    @Path("/{photoId}")
    @PermitAll
    @Produces("image/jpeg")
    @Operation(summary = "A photo",
            description = "The photo (or with size=thumbnail its thumbnail) of a listing the caller may see. A photo "
                    + "hidden by moderation is shown to the listing's owner only.")
    @APIResponse(responseCode = "404", description = "No photo the caller may see has that id")
    public Response photo(@PathParam("listingId") String listingId, @PathParam("photoId") String photoId,
                          @QueryParam("size") String size) {
        PhotoService.PhotoBytes b = photos.bytes(signIn.ifSignedIn().orElse(null), listingId, photoId,
                "thumbnail".equals(size));
        CacheControl cache = new CacheControl();
        if (b.publicCache()) {
            cache.setMaxAge(3600);
        } else {
            cache.setPrivate(true);
            cache.setNoStore(true);
        }
        return Response.ok(b.bytes(), "image/jpeg").cacheControl(cache).build();
    }

    @DELETE
    @Path("/{photoId}")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Delete a photo of my listing", description = "Removes the photo and its thumbnail for good.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the caller's listing")
    public Response delete(@PathParam("listingId") String listingId, @PathParam("photoId") String photoId) {
        photos.delete(signIn.ifSignedIn().orElseThrow(), listingId, photoId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{photoId}/moderation")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Hide or restore a photo (staff)",
            description = "Hides a photo from everyone but the listing's owner, or restores it, with a reason that "
                    + "goes on the audit record.")
    @APIResponse(responseCode = "200", description = "The photo after the decision")
    public PhotoView moderate(@PathParam("listingId") String listingId, @PathParam("photoId") String photoId,
                              @Valid @NotNull(message = "a JSON body is required") ModerationRequest body) {
        return photos.moderate(signIn.ifSignedIn().orElseThrow(), listingId, photoId, body.hidden(), body.reason());
    }
}
