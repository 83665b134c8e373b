package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.lending.domain.Booking;
import org.nanum.lending.domain.LendingProblems.BookingNotFoundException;
import org.nanum.lending.domain.LendingProblems.LoanNotFoundException;
import org.nanum.lending.domain.Loan;
import org.nanum.lending.domain.Message;
import org.nanum.lending.infrastructure.BookingStore;
import org.nanum.lending.infrastructure.LoanStore;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;
import org.nanum.catalogue.domain.OwnerType;

/**
 * The thread of a loan (its borrower and its lender) or of a booking (its booker and the space's
 * staff or owner). Only they read and write it; nobody's contact details are in it unless they
 * write them. A thread of someone else's loan or booking does not exist for the caller (404).
 */
@ApplicationScoped
public class ConversationService {
    /** Longest thread kept answering in one page. */
    static final int PAGE = 500;
    static final int MAX_LENGTH = 2000;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    LoanStore loans;
    @Inject
    BookingStore bookings;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    Clock clock;
    @Inject
    NotificationService notifications;

    /** A message as the people in the thread see it. */
    public record MessageView(String id, String authorName, boolean yours, String body, Instant createdAt) {
    }

    @Transactional
    public List<MessageView> read(@NotNull SignedInUser user, @NotNull Message.Thread type, @NotNull String id) {
        Who who = residents.signIn(user);
        requireParticipant(user, who, type, id);
        return messages(who, type, id);
    }

    /**
     * The thread of another capability's thing (a time-bank session), whose caller has checked
     * that the signed-in resident is among {@code people}; everyone else among them is told of a
     * new message.
     */
    public record Participants(java.util.Set<String> people, String title, String path) {
    }

    @Transactional
    public List<MessageView> read(@NotNull SignedInUser user, @NotNull Message.Thread type, @NotNull String id,
                                  @NotNull Participants participants) {
        Who who = residents.signIn(user);
        return messages(who, type, id);
    }

    @Transactional
    public MessageView write(@NotNull SignedInUser user, @NotNull Message.Thread type, @NotNull String id,
                             @NotNull Participants participants, String body) {
        Who who = residents.signIn(user);
        Message m = persist(type, id, who, body);
        for (String other : participants.people()) {
            if (!other.equals(who.residentId())) {
                notifications.tell(other, NotificationKind.MESSAGE, participants.title(), participants.path());
            }
        }
        return new MessageView(m.id(), user.displayName(), true, m.body(), m.createdAt());
    }

    private List<MessageView> messages(Who who, Message.Thread type, String id) {
        List<Message> messages = em.createQuery("select m from Message m where m.threadType = :t and m.threadId = :i "
                        + "order by m.createdAt, m.id", Message.class).setParameter("t", type).setParameter("i", id)
                .setMaxResults(PAGE).getResultList();
        Map<String, String> names = residents.displayNames(messages.stream().map(Message::authorId).toList());
        return messages.stream().map(m -> new MessageView(m.id(), names.get(m.authorId()),
                m.authorId().equals(who.residentId()), m.body(), m.createdAt())).toList();
    }

    @Transactional
    public MessageView write(@NotNull SignedInUser user, @NotNull Message.Thread type, @NotNull String id, String body) {
        Who who = residents.signIn(user);
        Parties parties = requireParticipant(user, who, type, id);
        Message m = persist(type, id, who, body);
        tellOtherSide(user, who, parties, type, id);
        return new MessageView(m.id(), user.displayName(), true, m.body(), m.createdAt());
    }

    private Message persist(Message.Thread type, String id, Who who, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new ProblemException.InvalidField("body", "write something");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ProblemException.InvalidField("body", "at most " + MAX_LENGTH + " characters");
        }
        Message m = new Message(type, id, who.residentId(), text, clock.instant());
        em.persist(m);
        return m;
    }

    /** The author of a message (moderation: a reported message), if there is one with that id. */
    @Transactional
    public java.util.Optional<String> authorOf(@NotNull String messageId) {
        return java.util.Optional.ofNullable(em.find(Message.class, messageId)).map(Message::authorId);
    }

    /** The thread's people: who asked (borrower, booker), and the listing. */
    private record Parties(String asker, String listingId) {
    }

    private Parties requireParticipant(SignedInUser user, Who who, Message.Thread type, String id) {
        if (type == Message.Thread.LOAN) {
            Loan loan = loans.loan(id).orElseThrow(() -> new LoanNotFoundException(id));
            if (!loan.borrowerId().equals(who.residentId()) && !manages(user, loan.listingId())) {
                throw new LoanNotFoundException(id);
            }
            return new Parties(loan.borrowerId(), loan.listingId());
        }
        Booking booking = bookings.booking(id).orElseThrow(() -> new BookingNotFoundException(id));
        if (!booking.bookerId().equals(who.residentId()) && !manages(user, booking.listingId())) {
            throw new BookingNotFoundException(id);
        }
        return new Parties(booking.bookerId(), booking.listingId());
    }

    /** Tells the other side: the asker when the owner or staff wrote; a resident owner when the asker did. */
    private void tellOtherSide(SignedInUser user, Who author, Parties parties, Message.Thread type, String id) {
        String path = "/api/" + (type == Message.Thread.LOAN ? "loans/" : "bookings/") + id + "/messages";
        ListingFacts listing = listings.factsForParty(user, parties.listingId());
        if (!parties.asker().equals(author.residentId())) {
            notifications.tell(parties.asker(), NotificationKind.MESSAGE, listing.title(), path);
        } else if (listing.ownerType() == OwnerType.RESIDENT && listing.ownerId() != null) {
            notifications.tell(listing.ownerId(), NotificationKind.MESSAGE, listing.title(), path);
        }
    }

    private boolean manages(SignedInUser user, String listingId) {
        try {
            ListingFacts facts = listings.factsForParty(user, listingId);
            return facts.managedByCaller();
        } catch (ProblemException hidden) {
            return false;
        }
    }
}
