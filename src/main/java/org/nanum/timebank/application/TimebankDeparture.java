package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.HouseholdPart;
import org.nanum.residents.application.ResidentEvents;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.infrastructure.LedgerStore;
import org.nanum.timebank.infrastructure.SessionStore;

/**
 * The time bank's part when a member leaves a household or is erased (decision 0008: minutes
 * follow people, not empty households). The last member may not leave minutes on the books (a
 * balance either way, held or incoming minutes) or a session not settled; any member may not
 * leave a session of theirs not settled, nor a household in debt where nobody with verified
 * residency stays to answer for it. When a household is dissolved, its account closes.
 */
@ApplicationScoped
public class TimebankDeparture implements HouseholdPart {
    @Inject
    LedgerStore store;
    @Inject
    SessionStore sessions;
    @Inject
    Ledger ledger;

    /**
     * Reads the household's account under its row lock, then its sessions: a payment or a hold
     * racing the departure waits for it (and then finds the account closed), or committed before
     * (and is seen here).
     */
    @Override
    public List<Problem.FieldError> keepsFromLeaving(Departure d) {
        List<Problem.FieldError> open = new ArrayList<>();
        Account.Balances account = d.householdId() == null ? null : store.accountOfHousehold(d.householdId())
                .flatMap(a -> store.lockBalances(a.id())).orElse(null);
        if (account != null && d.last() && account.balance() > 0) {
            open.add(new Problem.FieldError("balance/" + account.balance(), "the household has " + account.balance()
                    + " minutes: give them to another household or to the community pot first"));
        } else if (account != null && d.last() && account.balance() < 0) {
            open.add(new Problem.FieldError("balance/" + account.balance(), "the household owes " + -account.balance()
                    + " minutes: earn them back first, or ask city staff to write the debt off"));
        } else if (account != null && account.balance() < 0 && !d.verifiedRemain() && ledger.creditNeedsResidency()) {
            open.add(new Problem.FieldError("credit/" + account.balance(), "the household owes " + -account.balance()
                    + " minutes and nobody staying has verified residency to answer for them: settle the debt first"));
        }
        List<String> unsettled = sessions.openOf(d.residentId(), d.last() ? d.householdId() : null);
        for (String id : unsettled) {
            open.add(new Problem.FieldError("sessions/" + id,
                    "a time-bank session not settled: confirm, cancel or wait for staff's decision first"));
        }
        if (account != null && d.last() && unsettled.isEmpty() && (account.held() > 0 || account.incoming() > 0)) {
            open.add(new Problem.FieldError("held/" + (account.held() + account.incoming()),
                    "minutes are held for or by the household: wait until they are settled"));
        }
        return open;
    }

    /** The household is gone: its account closes (nothing is left on it, or LedgerRepair settled it first). */
    void onDissolved(@Observes ResidentEvents.HouseholdDissolved e) {
        store.accountOfHousehold(e.householdId()).ifPresent(a -> ledger.close(a.id()));
    }
}
