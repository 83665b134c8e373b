package org.nanum.catalogue.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Direction;
import org.nanum.catalogue.domain.Language;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingDetails.Access;
import org.nanum.catalogue.domain.ListingDetails.AgeBand;
import org.nanum.catalogue.domain.ListingDetails.Condition;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.residents.application.DemoCity;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * The demo city's catalogue (with nanum.demo.enabled): residents' goods, services and childcare
 * offers and requests in Korean, English and French, and the city's spaces and tool library.
 * Loaded once, when the demo people have no listings yet.
 */
@ApplicationScoped
public class DemoCatalogue {
    public static final int ORDER = DemoCity.ORDER + 5;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class.getName());

    @Inject
    @ConfigProperty(name = "nanum.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    CatalogueStore store;
    @Inject
    ResidentDirectory residents;

    private record Item(String who, ListingKind kind, Direction direction, OwnerType owner, String category,
                        String title, String description, double dLat, double dLon, ListingDetails details) {
    }

    @Transactional
    void load(@Observes @Priority(ORDER) Startup startup) {
        if (!enabled) {
            return;
        }
        Who ana = who("ana");
        List<Item> items = items();
        if (!store.createdBy(ana.residentId()).isEmpty()) {
            bringSpacesUpToDate(items);
            return;
        }
        Instant now = Instant.now();
        for (Item item : items) {
            Who owner = who(item.who());
            String district = item.owner() == OwnerType.CITY ? cityDistrictFor(item) : owner.districtCode();
            ResidentDirectory.Place place = residents.district(district);
            String ownerId = switch (item.owner()) {
                case RESIDENT -> owner.residentId();
                case HOUSEHOLD -> owner.householdId();
                case CITY -> null;
            };
            Listing l = new Listing(item.kind(), item.direction(), item.owner(), ownerId, owner.residentId(), now);
            Category category = store.category(item.category()).orElseThrow();
            l.describe(item.title(), item.description(), Language.detect(item.title() + " " + item.description()),
                    category, district, place.latitude() + item.dLat(), place.longitude() + item.dLon(), item.details(), now);
            l.moveTo(ListingStatus.PUBLISHED, now);
            store.add(l);
            store.changed(l, now);
        }
        LOG.info(() -> "Demo city: " + items.size() + " listings added to the catalogue");
    }

    /**
     * A demo city made by an earlier version keeps its data; its spaces get what they lack since
     * (weekly bookable hours), so they can be booked.
     */
    private void bringSpacesUpToDate(List<Item> items) {
        Instant now = Instant.now();
        List<Listing> staffs = store.createdBy(who("sam").residentId());
        for (Item item : items) {
            if (item.kind() != ListingKind.SPACE) {
                continue;
            }
            for (Listing l : staffs) {
                if (l.kind() == ListingKind.SPACE && l.title().equals(item.title()) && l.details() != null
                        && l.details().space() != null && l.details().space().bookableHours() == null) {
                    l.describe(l.title(), l.description(), l.language(), store.category(l.categoryCode()).orElseThrow(),
                            l.districtCode(), l.latitude(), l.longitude(), item.details(), now);
                    store.changed(l, now);
                    LOG.info(() -> "Demo city: bookable hours added to " + l.title());
                }
            }
        }
    }

    private List<Item> items() {
        Instant saturday = LocalDate.now(SEOUL).with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .atTime(LocalTime.of(13, 0)).atZone(SEOUL).toInstant();
        Instant friday = LocalDate.now(SEOUL).with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                .atTime(LocalTime.of(18, 30)).atZone(SEOUL).toInstant();
        return List.of(
                new Item("ana", ListingKind.GOODS, Direction.OFFER, OwnerType.RESIDENT, "goods.tools.power",
                        "충전식 전동 드릴 (18V)", "비트 세트와 배터리 두 개를 함께 빌려드려요. 주말에 망원동에서 가져가세요.",
                        0.004, -0.006, goods(Condition.GOOD, 120000, 3, 20000, "망원동 아파트 경비실")),
                new Item("ana", ListingKind.GOODS, Direction.OFFER, OwnerType.RESIDENT, "goods.camping",
                        "Four-person camping tent", "Dome tent for four with groundsheet and pegs. Easy to pitch.",
                        0.002, -0.004, goods(Condition.GOOD, 180000, 7, 30000, null)),
                new Item("ana", ListingKind.SERVICE, Direction.OFFER, OwnerType.RESIDENT, "service.education.computers",
                        "Computer and smartphone help for seniors",
                        "I can help set up a phone, video calls with family, online banking safety and email.",
                        0.003, -0.002, new ListingDetails(null, null, new ListingDetails.Service(60), null)),
                new Item("ana", ListingKind.CHILDCARE, Direction.OFFER, OwnerType.HOUSEHOLD, "childcare.babysitting",
                        "토요일 오후 아이 돌봄 가능해요",
                        "저희 집에서 두 아이까지 함께 놀 수 있어요. 놀이터와 도서관이 가까워요.",
                        0.001, -0.001, childcare(saturday, saturday.plusSeconds(5 * 3600), 2,
                        Set.of(AgeBand.AGE_3_5, AgeBand.AGE_6_9))),
                new Item("ben", ListingKind.GOODS, Direction.OFFER, OwnerType.RESIDENT, "goods.tools.ladders",
                        "Aluminium ladder, 3 m", "Folding ladder, good for painting ceilings and cleaning gutters.",
                        -0.003, 0.004, goods(Condition.FAIR, 90000, 5, null, null)),
                new Item("ben", ListingKind.GOODS, Direction.OFFER, OwnerType.RESIDENT, "goods.electronics.audio-video",
                        "Projector and screen for parties", "Full HD projector with a 100-inch screen and HDMI cable.",
                        -0.002, 0.002, goods(Condition.GOOD, 450000, 3, 50000, null)),
                new Item("ben", ListingKind.SERVICE, Direction.REQUEST, OwnerType.RESIDENT, "service.transport.rides",
                        "병원 동행해 주실 분 찾아요", "아버지의 정기 진료에 동행해 주실 분을 찾습니다. 강남세브란스, 한 달에 한 번이에요.",
                        -0.001, 0.003, new ListingDetails(null, null, new ListingDetails.Service(120), null)),
                new Item("ben", ListingKind.CHILDCARE, Direction.REQUEST, OwnerType.HOUSEHOLD, "childcare.babysitting",
                        "Babysitter needed on Friday evening",
                        "Looking for someone to look after our daughter while we attend a school meeting.",
                        -0.002, 0.001, childcare(friday, friday.plusSeconds(3 * 3600), 1, Set.of(AgeBand.AGE_6_9))),
                new Item("cleo", ListingKind.SERVICE, Direction.OFFER, OwnerType.RESIDENT, "service.education.languages",
                        "한국어 회화 연습 도와드려요", "외국인 이웃과 한국어로 이야기 나누며 연습해요. 카페나 도서관에서 만나요.",
                        0.002, 0.002, new ListingDetails(null, null, new ListingDetails.Service(60), null)),
                new Item("cleo", ListingKind.GOODS, Direction.OFFER, OwnerType.RESIDENT, "goods.tools.power",
                        "Perceuse sans fil avec ses forets", "Je prête ma perceuse sans fil pour vos travaux de bricolage, "
                        + "avec un jeu de forets pour le bois et le béton.", 0.001, 0.003,
                        goods(Condition.GOOD, 100000, 4, null, null)),
                new Item("sam", ListingKind.SPACE, Direction.OFFER, OwnerType.CITY, "space.meeting-room",
                        "마포 공유 회의실 (망원동 주민센터)", "12명이 앉을 수 있는 회의실. 프로젝터와 화이트보드가 있어요.",
                        0.0, 0.0, space(12, "월–토 09:00–22:00", 60, Set.of(Access.STEP_FREE, Access.ACCESSIBLE_TOILET),
                        hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), "09:00", "22:00"))),
                new Item("sam", ListingKind.SPACE, Direction.OFFER, OwnerType.CITY, "space.hall",
                        "Jongno community hall", "A hall for 80 with a piano and chairs; good for choirs and meetings.",
                        0.0, 0.0, space(80, "Mon–Sun 10:00–21:00", 120, Set.of(Access.STEP_FREE, Access.HEARING_LOOP),
                        hours(EnumSet.allOf(DayOfWeek.class), "10:00", "21:00"))),
                new Item("sam", ListingKind.SPACE, Direction.OFFER, OwnerType.CITY, "space.workshop",
                        "성수 메이커 작업실", "목공 작업대와 공구가 갖춰진 공유 작업실입니다. 안전 교육 후 이용하세요.",
                        0.0, 0.0, space(10, "화–일 10:00–20:00", 180, Set.of(Access.STEP_FREE),
                        hours(EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY), "10:00", "20:00"))),
                new Item("sam", ListingKind.GOODS, Direction.OFFER, OwnerType.CITY, "goods.tools.power",
                        "공구도서관: 원형톱", "서울시 공구도서관의 원형톱입니다. 보안경과 함께 대여해요.",
                        0.0, 0.0, goods(Condition.GOOD, 250000, 3, null, "공구도서관 (주민센터 1층)")),
                new Item("sam", ListingKind.GOODS, Direction.OFFER, OwnerType.CITY, "goods.cleaning",
                        "Tool library: pressure washer", "The city tool library's pressure washer, for patios and bikes.",
                        0.0, 0.0, goods(Condition.GOOD, 300000, 3, null, "Tool library, community centre ground floor")),
                new Item("sam", ListingKind.GOODS, Direction.OFFER, OwnerType.CITY, "goods.crafts",
                        "공구도서관: 재봉틀", "가정용 재봉틀과 기본 실 세트. 수선과 간단한 옷 만들기에 좋아요.",
                        0.0, 0.0, goods(Condition.GOOD, 200000, 7, null, "공구도서관 (주민센터 1층)")));
    }

    private static String cityDistrictFor(Item item) {
        if (item.title().contains("Jongno")) {
            return "jongno";
        }
        if (item.title().contains("성수")) {
            return "seongdong";
        }
        return "mapo";
    }

    private Who who(String username) {
        DemoCity.DemoPerson p = DemoCity.PEOPLE.stream().filter(d -> d.username().equals(username)).findFirst().orElseThrow();
        return residents.bySubject(p.subject()).orElseThrow();
    }

    private static ListingDetails goods(Condition c, Integer value, int days, Integer deposit, String pickup) {
        return new ListingDetails(new ListingDetails.Goods(c, value, days, deposit, pickup), null, null, null);
    }

    private static ListingDetails space(int capacity, String hours, int slot, Set<Access> access,
                                        ListingDetails.BookableHours bookable) {
        return new ListingDetails(null, new ListingDetails.Space(capacity, hours, slot, access, List.of(bookable)), null, null);
    }

    private static ListingDetails.BookableHours hours(Set<DayOfWeek> days, String from, String to) {
        return new ListingDetails.BookableHours(days, from, to);
    }

    private static ListingDetails childcare(Instant from, Instant to, int children, Set<AgeBand> bands) {
        return new ListingDetails(null, null, null, new ListingDetails.Childcare(from, to, children, bands));
    }
}
