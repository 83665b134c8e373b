package org.nanum.platform.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;

@Path("/import/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Import")
public class ImportReviewResource {
    static final int PAGE = 50;

    @Inject
    ImportRecords records;

    /** An imported record waiting for staff: what it became (targetId) and why it waits. */
    public record ToReview(String source, ImportRecord.Kind kind, String externalId, String targetId, int line,
                           String review, Instant importedAt) {
    }

    @GET
    @Transactional
    @Operation(summary = "Imported records waiting for staff (staff)",
            description = "Listings kept as drafts because their source did not say enough (no category, condition, "
                    + "loan period, duration; childcare) and members imported apart from a resident with the same "
                    + "email; oldest first, 50 a page (page from 0), for one source or all.")
    public List<ToReview> review(@QueryParam("source") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}",
                                         message = "letters, digits, '.', '_' and '-', at most 60") String source,
                                 @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "from 0")
                                 @Max(value = 100_000, message = "at most 100000") int page) {
        return records.toReview(source, page * PAGE, PAGE).stream().map(r -> new ToReview(r.source(), r.kind(),
                r.externalId(), r.targetId(), r.sourceLine(), r.review(), r.firstImportedAt())).toList();
    }
}
