package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentEvents;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * The welcome grant: TIMEBANK_WELCOME_GRANT_MINUTES from the city's issuer, once per resident
 * ever, into their household's account, the first time their residency is verified while they are
 * in a household (decision 0008). Starting households again, joining others or opening throwaway
 * accounts brings nothing more. The resident's row is locked while it is decided, the grant names
 * them (its note), and the resident records the transfer, so that the ledger check can count one
 * grant per resident. A household at its ceiling waits: the grant comes with its next use.
 */
@ApplicationScoped
public class WelcomeGrants {
    /** The memo of a household's grant from before the rule (written by migration V22). */
    public static final String BEFORE_THE_RULE = "household welcome (before decision 0008)";

    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    ResidentDirectory residents;
    @Inject
    PolicyService policy;

    void onVerified(@Observes ResidentEvents.ResidencyVerified e) {
        grantIfDue(e.residentId());
    }

    void onJoined(@Observes ResidentEvents.JoinedHousehold e) {
        grantIfDue(e.residentId());
    }

    /** Pays the resident's welcome grant if it is due now; returns whether it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean grantIfDue(String residentId) {
        int grant = policy.value(Policy.TIMEBANK_WELCOME_GRANT_MINUTES);
        if (grant <= 0) {
            return false;
        }
        String household = residents.welcomeDue(residentId).orElse(null);
        if (household == null) {
            return false;
        }
        Account account = ledger.openFor(household);
        if (!ledger.mayReceive(account.id(), grant)) {
            return false;
        }
        Transfer t = ledger.pay(null, Account.ISSUER, account.id(), grant, Transfer.Kind.WELCOME, null, null);
        store.add(new TransferNote(t.id(), residentId, null, null));
        residents.welcomed(residentId, t.id());
        return true;
    }
}
