package org.nanum.residents.notification;

import java.util.Map;

/**
 * What residents are told about, with the subject in each language ({0}: the thing's title).
 * The body is the subject and a link: nothing private goes by mail.
 */
public enum NotificationKind {
    LOAN_REQUESTED(Map.of("en", "Someone asks to borrow {0}", "ko", "{0} 대여 요청이 왔어요",
            "fr", "Quelqu'un demande à emprunter {0}")),
    LOAN_APPROVED(Map.of("en", "You can borrow {0}", "ko", "{0} 대여가 승인됐어요", "fr", "Vous pouvez emprunter {0}")),
    LOAN_DECLINED(Map.of("en", "Your request for {0} was declined", "ko", "{0} 대여 요청이 거절됐어요",
            "fr", "Votre demande pour {0} a été refusée")),
    MESSAGE(Map.of("en", "New message about {0}", "ko", "{0}에 대한 새 메시지", "fr", "Nouveau message à propos de {0}")),
    LOAN_OVERDUE(Map.of("en", "{0} is overdue: please bring it back", "ko", "{0} 반납일이 지났어요. 돌려주세요",
            "fr", "{0} : le retour est en retard")),
    HOLD_OFFERED(Map.of("en", "{0} is yours to take now", "ko", "{0}을(를) 지금 빌릴 수 있어요",
            "fr", "{0} est à vous maintenant")),
    BOOKING_CANCELLED(Map.of("en", "Your booking of {0} was cancelled", "ko", "{0} 예약이 취소됐어요",
            "fr", "Votre réservation de {0} a été annulée"));

    private final Map<String, String> subjects;

    NotificationKind(Map<String, String> subjects) {
        this.subjects = subjects;
    }

    /** The subject in the language (English when it has none), with the title in place. */
    public String subject(String language, String title) {
        return subjects.getOrDefault(language, subjects.get("en")).replace("{0}", title);
    }
}
