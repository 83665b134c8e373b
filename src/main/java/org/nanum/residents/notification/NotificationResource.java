package org.nanum.residents.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;
import org.nanum.residents.notification.NotificationService.NotificationView;
import org.nanum.residents.notification.NotificationService.PreferenceView;

@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Notifications", description = "What residents are told: the inbox, and mail")
public class NotificationResource {
    @Inject
    NotificationService notifications;
    @Inject
    SignedInUserProducer signIn;

    /** Mail at once, a daily digest, or none; and the language (ko, en, fr). */
    public record PreferenceRequest(@NotNull(message = "IMMEDIATE, DIGEST or NONE") NotificationPreference.MailMode mailMode,
                                    @NotNull(message = "ko, en or fr") String language) {
    }

    @GET
    @Operation(summary = "My inbox", description = "Newest first: loan requests and decisions, messages, waitlist offers, "
            + "cancellations; with whether each was read and how its mail stands.")
    public List<NotificationView> inbox() {
        return notifications.inbox(user());
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a notification read", description = "Only one's own.")
    @APIResponse(responseCode = "404", description = "Not the caller's notification")
    public NotificationView read(@PathParam("id") String id) {
        return notifications.markRead(user(), id);
    }

    @GET
    @Path("/preference")
    @Operation(summary = "How I am told", description = "Mail at once (the default), a daily digest or none, and the language.")
    public PreferenceView preference() {
        return notifications.preference(user());
    }

    @PUT
    @Path("/preference")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose how I am told", description = "IMMEDIATE, DIGEST (one mail a day at most) or NONE "
            + "(the inbox only); language ko, en or fr.")
    @APIResponse(responseCode = "400", description = "Unknown mode or language")
    public PreferenceView choose(@Valid @NotNull(message = "a JSON body is required") PreferenceRequest body) {
        return notifications.choose(user(), body.mailMode(), body.language());
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
