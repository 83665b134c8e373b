package org.nanum.council.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.nanum.platform.rest.Csv;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.council.application.UsageReports;
import org.nanum.council.application.UsageReports.Report;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/council/reports")
@RequestScoped
@RolesAllowed({Roles.COUNCIL, Roles.ADMIN})
@SecurityRequirement(name = "keycloak")
@Tag(name = "Usage reports", description = "How Nanum is used, in aggregates with small cells withheld, for councils")
public class UsageReportResource {
    public static final String CSV = "text/csv";

    @Inject
    UsageReports reports;
    @Inject
    SignedInUserProducer signIn;

    @GET
    @Path("/usage")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The usage report (council members and admins)",
            description = "From month 'from' to month 'to' (YYYY-MM, whole months that have ended, at most 24), grouped "
                    + "by district, category or month (groupBy), with a total row ALL: listings published, loans and "
                    + "bookings made, items never borrowed, overdue loans (and the overall rate), estimated embodied "
                    + "carbon avoided (with the share of loans the method covers), hours exchanged in the time bank and "
                    + "childcare hours, active households, moderation actions by kind, appeals and their outcomes. Any "
                    + "cell behind which fewer than 5 residents or households stand is withheld (null in JSON, [c] in "
                    + "CSV), and so is any cell from which one could be recalculated. The report carries its query "
                    + "version and a digest of what it publishes and of the ledger's chain head at the period's end: "
                    + "the same data gives the same digest. Accept: text/csv gives the table, with the digest in the "
                    + "Nanum-Report-Digest header.")
    @APIResponse(responseCode = "400", description = "A period that is not whole past months, longer than 24 months, "
            + "or an unknown groupBy (the field is named)")
    @APIResponse(responseCode = "403", description = "Neither a sitting council member nor an admin, or staff")
    public Response usage(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("groupBy") String groupBy, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        Report report = reports.usage(signIn.ifSignedIn().orElseThrow(
                () -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\"")), from, to, groupBy);
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> CSV.equals(m.getType() + "/" + m.getSubtype()));
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(csv(report), CSV + "; charset=UTF-8")
                .header("Nanum-Report-Digest", report.digest())
                .header("Nanum-Report-Version", report.queryVersion())
                .header("Content-Disposition", "attachment; filename=\"usage-" + report.from() + "-" + report.to() + "-"
                        + report.groupBy().toLowerCase(java.util.Locale.ROOT) + ".csv\"").build();
    }

    /** The table (through {@link Csv}): one line per row, one column per measure; [c] where withheld, empty where not reported. */
    static String csv(Report report) {
        List<String> header = new java.util.ArrayList<>(List.of("group"));
        report.measures().forEach(m -> header.add(m.name().toLowerCase(java.util.Locale.ROOT)));
        List<List<?>> rows = new java.util.ArrayList<>();
        for (UsageReports.Row row : report.rows()) {
            List<Object> line = new java.util.ArrayList<>(List.of(row.group()));
            for (UsageReports.Measure m : UsageReports.Measure.values()) {
                if (row.withheld().contains(m.name())) {
                    line.add("[c]");
                } else if (row.values().get(m.name()) != null) {
                    double v = row.values().get(m.name());
                    line.add(v == Math.rint(v) ? (Object) (long) v : (Object) v);
                } else {
                    line.add(null);
                }
            }
            rows.add(line);
        }
        return Csv.write(header, rows);
    }
}
