package org.nanum.lending.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.lending.application.ConversationService;
import org.nanum.lending.application.ConversationService.MessageView;
import org.nanum.lending.domain.Message;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;

/**
 * The thread of one loan or booking: {@code /api/loans/{id}/messages} and
 * {@code /api/bookings/{id}/messages} both lead here (sub-resource of each), for the people
 * involved only.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations", description = "Arranging a loan or a booking without giving out phone numbers")
public class ThreadResource {
    private final ConversationService conversations;
    private final SignedInUser user;
    private final Message.Thread type;
    private final String id;

    ThreadResource(ConversationService conversations, SignedInUser user, Message.Thread type, String id) {
        this.conversations = conversations;
        this.user = user;
        this.type = type;
        this.id = id;
    }

    /** A message: plain text, at most 2,000 characters. */
    public record MessageRequest(String body) {
    }

    @GET
    @Operation(summary = "The thread of a loan or a booking",
            description = "A loan's borrower and lender; a booking's booker and the space's staff or owner; oldest first. "
                    + "Nobody's contact details are shown unless they write them.")
    @APIResponse(responseCode = "404", description = "No loan or booking the caller takes part in has that id")
    public List<MessageView> read() {
        return conversations.read(user, type, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write in the thread of a loan or a booking", description = "For the people involved only.")
    @APIResponse(responseCode = "201", description = "The message")
    @APIResponse(responseCode = "400", description = "Empty or longer than 2,000 characters")
    @APIResponse(responseCode = "404", description = "No loan or booking the caller takes part in has that id")
    public Response write(MessageRequest body) {
        if (body == null) {
            throw new ProblemException.InvalidField("body", "a JSON body is required");
        }
        return Response.status(201).entity(conversations.write(user, type, id, body.body())).build();
    }
}
