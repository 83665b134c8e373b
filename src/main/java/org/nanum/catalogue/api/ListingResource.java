package org.nanum.catalogue.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.catalogue.application.CatalogueSearch;
import org.nanum.catalogue.application.CatalogueViews.ListingView;
import org.nanum.catalogue.application.ListingRequest;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.search.SearchPage;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/listings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Goods, spaces, services and childcare time: listing and searching")
public class ListingResource {
    @Inject
    ListingService listings;
    @Inject
    CatalogueSearch search;
    @Inject
    SignedInUserProducer signIn;
    @Context
    UriInfo uri;

    /** The status an owner asks for. */
    public record StatusRequest(@NotNull(message = "give the new status") ListingStatus status) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Search the catalogue",
            description = "Published listings matching the words in q (Korean, English or French; misspellings "
                    + "tolerated), filtered by kind, category (with its sub-categories), district, owner type and "
                    + "direction, optionally within withinKm of near=lat,lon, and available on every day from "
                    + "availableFrom to availableTo (YYYY-MM-DD, the city's calendar). Facet counts cover every match. "
                    + "Childcare listings appear only to signed-in residents (send a token).")
    @APIResponse(responseCode = "200", description = "A page of results with facet counts")
    @APIResponse(responseCode = "400", description = "A parameter is out of range")
    public SearchPage search(
            @QueryParam("q") @Size(max = 200, message = "at most 200 characters") String q,
            @QueryParam("kind") @Pattern(regexp = "GOODS|SPACE|SERVICE|CHILDCARE", message = "GOODS, SPACE, SERVICE or CHILDCARE") String kind,
            @QueryParam("category") @Size(max = 60) String category,
            @QueryParam("district") @Size(max = 40) String district,
            @QueryParam("ownerType") @Pattern(regexp = "RESIDENT|HOUSEHOLD|CITY", message = "RESIDENT, HOUSEHOLD or CITY") String ownerType,
            @QueryParam("direction") @Pattern(regexp = "OFFER|REQUEST", message = "OFFER or REQUEST") String direction,
            @QueryParam("near") @Pattern(regexp = "-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?", message = "lat,lon in degrees") String near,
            @QueryParam("withinKm") @DecimalMin(value = "0.1", message = "at least 0.1") @DecimalMax(value = "100", message = "at most 100") Double withinKm,
            @QueryParam("availableFrom") @Size(max = 10) String availableFrom,
            @QueryParam("availableTo") @Size(max = 10) String availableTo,
            @QueryParam("sort") @DefaultValue("RELEVANCE") @Pattern(regexp = "RELEVANCE|DISTANCE|NEWEST", message = "RELEVANCE, DISTANCE or NEWEST") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "0 or more") @Max(value = 500, message = "at most 500") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "1 to 100") @Max(value = 100, message = "1 to 100") int size) {
        return search.search(signIn.ifSignedIn().isPresent(), q, kind, category, district, ownerType, direction, near,
                withinKm, availableFrom, availableTo, sort, page, size);
    }

    @GET
    @Path("/suggest")
    @PermitAll
    @Operation(summary = "Suggestions as you type",
            description = "Up to 8 titles of published listings with a word starting with the prefix.")
    public List<String> suggest(@QueryParam("prefix") @NotBlank(message = "give a prefix")
                                @Size(max = 50, message = "at most 50 characters") String prefix) {
        return search.suggest(signIn.ifSignedIn().isPresent(), prefix);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A listing",
            description = "A published listing as anyone may see it (childcare: signed-in residents only). Its "
                    + "owner also sees it unpublished, with the exact place and private details; staff also see a "
                    + "listing moderation hid (HIDDEN), to decide on it.")
    @APIResponse(responseCode = "404", description = "No listing the caller may see has that id")
    public ListingView find(@PathParam("id") String id) {
        return listings.find(signIn.ifSignedIn().orElse(null), id);
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "List something",
            description = "Creates a draft listing. Goods belong to the resident (or to the city, for staff), "
                    + "spaces to the city (staff), services to the resident, childcare to the resident's household. "
                    + "Publish it with PUT /api/listings/{id}/status.")
    @APIResponse(responseCode = "201", description = "The draft, with Location")
    @APIResponse(responseCode = "400", description = "A field is missing or not valid")
    @APIResponse(responseCode = "403", description = "City listings are for staff")
    public Response create(@Valid @NotNull(message = "a JSON body is required") ListingRequest body) {
        ListingView view = listings.create(currentUser(), body);
        return Response.created(uri.getBaseUriBuilder().path(ListingResource.class).path(view.id()).build())
                .entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Describe my listing anew",
            description = "Replaces the title, description, category, place and details of the caller's listing.")
    @APIResponse(responseCode = "403", description = "Not the caller's listing")
    public ListingView edit(@PathParam("id") String id,
                            @Valid @NotNull(message = "a JSON body is required") ListingRequest body) {
        return listings.edit(currentUser(), id, body);
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Publish, pause or withdraw my listing",
            description = "DRAFT, PUBLISHED, PAUSED or WITHDRAWN (final). HIDDEN is moderation's alone.")
    @APIResponse(responseCode = "409", description = "That change is not allowed from the current status")
    public ListingView changeStatus(@PathParam("id") String id,
                                    @Valid @NotNull(message = "a JSON body is required") StatusRequest body) {
        return listings.changeStatus(currentUser(), id, body.status());
    }

    /** The periods the owner blocks, replacing the ones they set before. */
    public record AvailabilityRequest(
            @NotNull(message = "give the blocked periods (an empty list frees every day)")
            @Size(max = 100, message = "at most 100 periods") List<@Valid @NotNull BlockedDays> blocked) {
    }

    /** Inclusive days, the city's calendar. */
    public record BlockedDays(@NotNull(message = "give the first day") java.time.LocalDate firstDay,
                              @NotNull(message = "give the last day") java.time.LocalDate lastDay) {
    }

    @PUT
    @Path("/{id}/availability")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Block days of my listing",
            description = "Replaces the periods the owner has blocked (holidays, repairs). Periods added by loans "
                    + "and bookings stay. Search leaves the listing out for any day it is blocked.")
    @APIResponse(responseCode = "200", description = "The listing with its blocked periods")
    @APIResponse(responseCode = "400", description = "A period ends before it starts, or lies in the past or beyond two years")
    @APIResponse(responseCode = "403", description = "Not the caller's listing")
    public ListingView setAvailability(@PathParam("id") String id,
                                       @Valid @NotNull(message = "a JSON body is required") AvailabilityRequest body) {
        return listings.block(currentUser(), id, body.blocked().stream()
                .map(b -> new ListingService.Days(b.firstDay(), b.lastDay())).toList());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "My listings", description = "Every listing the caller created, in any status, newest change first.")
    public List<ListingView> mine() {
        return listings.mine(currentUser());
    }

    private SignedInUser currentUser() {
        return signIn.ifSignedIn().orElseThrow();
    }
}
