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
            "fr", "Votre réservation de {0} a été annulée")),
    MINUTES_RECEIVED(Map.of("en", "Your household received {0}", "ko", "우리 집 시간은행에 {0}이 들어왔어요",
            "fr", "Votre foyer a reçu {0}")),
    SESSION_PROPOSED(Map.of("en", "Someone answered your request: {0}", "ko", "요청에 응답이 왔어요: {0}",
            "fr", "Quelqu'un a répondu à votre demande : {0}")),
    SESSION_SCHEDULED(Map.of("en", "A session is scheduled: {0}", "ko", "돌봄·품앗이 일정이 잡혔어요: {0}",
            "fr", "Une séance est prévue : {0}")),
    SESSION_CANCELLED(Map.of("en", "A session was called off: {0}", "ko", "일정이 취소됐어요: {0}",
            "fr", "Une séance est annulée : {0}")),
    SESSION_TO_CONFIRM(Map.of("en", "Please confirm the time given: {0}", "ko", "시간을 확인해 주세요: {0}",
            "fr", "Merci de confirmer le temps donné : {0}")),
    SESSION_DISPUTED(Map.of("en", "A session went to city staff: {0}", "ko", "일정에 이견이 있어 담당자가 확인해요: {0}",
            "fr", "Une séance est soumise au personnel de la ville : {0}")),
    NO_SHOW_CLAIMED(Map.of("en", "The other side says you did not come: {0}. Confirm or dispute it",
            "ko", "상대방이 오지 않았다고 알렸어요: {0}. 맞는지 알려 주세요",
            "fr", "L'autre partie dit que vous n'êtes pas venu·e : {0}. Confirmez ou contestez")),
    SESSION_SETTLED(Map.of("en", "City staff settled a session: {0}", "ko", "담당자가 일정을 정리했어요: {0}",
            "fr", "Le personnel de la ville a tranché : {0}")),
    LISTING_HIDDEN(Map.of("en", "{0} is hidden while staff review reports about it",
            "ko", "신고가 접수되어 담당자 검토 중에는 {0}이(가) 보이지 않아요",
            "fr", "{0} est masquée pendant que le personnel examine des signalements")),
    ASSISTANCE_STARTED(Map.of("en", "{0} of the city's staff may act for you, as you asked",
            "ko", "요청하신 대로 시 담당자 {0}님이 회원님을 대신해 처리할 수 있어요",
            "fr", "{0}, du personnel de la ville, peut agir pour vous, comme vous l'avez demandé")),
    MODERATION_DECIDED(Map.of("en", "Staff decided about {0}", "ko", "담당자가 {0}에 대해 결정했어요",
            "fr", "Le personnel a statué sur {0}")),
    REPORT_DECIDED(Map.of("en", "Your report was handled: {0}", "ko", "신고가 처리됐어요: {0}",
            "fr", "Votre signalement a été traité : {0}")),
    MODERATION_WARNING(Map.of("en", "A warning from city staff ({0})", "ko", "담당자의 경고가 있어요 ({0})",
            "fr", "Un avertissement du personnel de la ville ({0})")),
    ACCOUNT_SUSPENDED(Map.of("en", "Your account is suspended ({0})", "ko", "계정이 일시 정지됐어요 ({0})",
            "fr", "Votre compte est suspendu ({0})")),
    SUSPENSION_LIFTED(Map.of("en", "Your account is active again{0}", "ko", "계정을 다시 쓸 수 있어요{0}",
            "fr", "Votre compte est de nouveau actif{0}")),
    APPEAL_DECIDED(Map.of("en", "The council heard your appeal: {0}", "ko", "시민위원회가 이의신청을 심리했어요: {0}",
            "fr", "Le conseil a entendu votre recours : {0}")),
    PROPOSAL_DECIDED(Map.of("en", "A proposal you took part in was decided: {0}", "ko", "참여한 제안이 결정됐어요: {0}",
            "fr", "Une proposition à laquelle vous avez pris part est tranchée : {0}"));

    private final Map<String, String> subjects;

    NotificationKind(Map<String, String> subjects) {
        this.subjects = subjects;
    }

    /** The subject in the language (English when it has none), with the title in place. */
    public String subject(String language, String title) {
        return subjects.getOrDefault(language, subjects.get("en")).replace("{0}", title);
    }
}
