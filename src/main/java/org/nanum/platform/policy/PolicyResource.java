package org.nanum.platform.policy;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.rest.ProblemException;

@Path("/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Policy", description = "The platform's rules as values: limits and periods, decided in the open")
public class PolicyResource {
    /** An unknown policy name. */
    public static class PolicyNotFoundException extends ProblemException {
        PolicyNotFoundException(String key) {
            super(404, "policy-not-found", "No such policy", "There is no policy " + key + "; GET /api/policy lists them.");
        }
    }

    @Inject
    PolicyService policies;

    @GET
    @Operation(summary = "The policy values in force",
            description = "Every limit and period the platform applies (loans and holds per resident, how long a "
                    + "waitlist offer stands, how far ahead spaces may be booked …), with the value in force, since "
                    + "when, who decided it and why, the range a decision may choose from, and values decided for "
                    + "the future. Public: the rules of a public service are public.")
    public List<PolicyService.PolicyView> all() {
        return policies.all();
    }

    @GET
    @Path("/{key}/history")
    @Operation(summary = "Every value a policy has had",
            description = "The decided values of one policy, newest first (empty while it has its initial value).")
    public List<PolicyService.Change> history(@PathParam("key") String key) {
        Policy policy;
        try {
            policy = Policy.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new PolicyNotFoundException(key);
        }
        return policies.history(policy);
    }
}
