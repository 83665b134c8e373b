package org.nanum.moderation.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.moderation.application.TransparencyLog;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.rest.QueryParams;

@Path("/transparency")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Transparency", description = "The public record of every moderation action")
public class TransparencyResource {
    @Inject
    TransparencyLog log;

    @GET
    @Path("/log")
    @Operation(summary = "The transparency log (public)",
            description = "Every moderation action, newest first, 50 a page (next: the id to pass as 'before'): the "
                    + "action, the kind of target, the reason's category, when, by whom as a role and a stable "
                    + "pseudonym, whether it was automatic, and the case. Never a resident's identity nor a report's text.")
    @APIResponse(responseCode = "400", description = "An unknown action or target type, or 'since' not an instant")
    public TransparencyLog.Page page(@QueryParam("action") String action, @QueryParam("targetType") String targetType,
                                     @QueryParam("since") String since, @QueryParam("before") String before) {
        return log.page(QueryParams.oneOf(TransparencyEntry.Action.class, "action", action),
                QueryParams.oneOf(TargetType.class, "targetType", targetType), instant(since), before);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidField("since", "an instant such as 2026-11-01T00:00:00Z");
        }
    }
}
