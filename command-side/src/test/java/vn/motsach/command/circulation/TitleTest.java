package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.command.circulation.InMemoryAggregates.inUnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.ExpireHold;
import vn.motsach.command.circulation.CirculationCommands.ReviseTitle;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/** The title's hold queue: order, the hold shelf, and who a shelved copy is kept for. */
class TitleTest {

    private static final SchoolId SCHOOL = SchoolId.of("th-a");
    private static final TitleId TITLE = new TitleId(UUID.fromString("00000000-0000-0000-0000-000000000007"));
    private static final Barcode COPY = Barcode.of("DM-1");
    private static final Instant NOW = Instant.parse("2026-09-07T02:00:00Z");
    private static final Function<PatronCategory, LocalDate> PICKUP = category -> LocalDate.of(2026, 9, 10);

    @Test
    void canCatalogueATitleExactlyAsTyped() {
        new AggregateTestFixture<>(Title.class).givenNoPriorActivity()
                .when(new CatalogueTitle(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), "9786041085251", "Kim Đồng",
                        2020, "895.9223", List.of("Văn học thiếu nhi"), DocType.CHILDREN, "vi"))
                .expectEvents(new TitleCatalogued(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), "9786041085251",
                        "Kim Đồng", 2020, "895.9223", List.of("Văn học thiếu nhi"), DocType.CHILDREN, "vi"));
    }

    @Test
    void aRevisionReplacesTheWholeDescriptionAndTheSameOneAgainChangesNothing() {
        TitleCatalogued catalogued = new TitleCatalogued(SCHOOL, TITLE, "De Men", List.of("To Hoai"), null, null, null, null,
                List.of(), DocType.CHILDREN, null);
        TitleRevised revised = new TitleRevised(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), "9786041085251",
                "Kim Đồng", 2020, "895.9223", List.of("Văn học thiếu nhi"), DocType.REFERENCE, "vie");
        ReviseTitle revision = new ReviseTitle(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), "9786041085251",
                "Kim Đồng", 2020, "895.9223", List.of("Văn học thiếu nhi"), DocType.REFERENCE, "vie");

        new AggregateTestFixture<>(Title.class).given(catalogued).when(revision).expectEvents(revised);
        new AggregateTestFixture<>(Title.class).given(catalogued, revised).when(revision).expectNoEvents();
        new AggregateTestFixture<>(Title.class).given(catalogued)
                .when(new ReviseTitle(SCHOOL, TITLE, "De Men", List.of("To Hoai"), null, null, null, null, List.of(),
                        DocType.CHILDREN, null))
                .expectNoEvents();
    }

    private final InMemoryAggregates store = new InMemoryAggregates();
    @Test
    void aRevisionStoredBeforeEditionsReadsAsOneWithoutEdition() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .addModules(vn.motsach.infra.json.EventReading.modules()).build();
        TitleRevised old = json.readValue("""
                {"schoolId":"th-a","titleId":"00000000-0000-0000-0000-000000000007","title":"Dế Mèn","authors":["Tô Hoài"],
                 "isbn":null,"publisher":null,"publishedYear":null,"classification":null,"subjects":[],"docType":"GENERAL",
                 "language":"vie"}""", TitleRevised.class);

        assertThat(old.edition()).isNull();
        assertThat(old.title()).isEqualTo("Dế Mèn");
    }

    private final EventSourcingRepository<Title> titles = store.repository(Title.class);

    @Test
    void holdsQueueInOrderAndTheFirstGetsTheReturnedCopy() {
        catalogued();
        HoldId binh = hold();
        HoldId lan = hold();

        HoldPlaced first = inUnitOfWork(() -> title().invoke(t -> t.place(binh, patron("hs-binh"), NOW)));
        HoldPlaced second = inUnitOfWork(() -> title().invoke(t -> t.place(lan, patron("gv-lan"), NOW)));

        assertThat(first.position()).isEqualTo(1);
        assertThat(second.position()).isEqualTo(2);
        assertThat(inUnitOfWork(() -> title().invoke(Title::nextWaiting))).contains(binh);
        assertThat(inUnitOfWork(() -> title().invoke(Title::waitingHolds))).isEqualTo(2);
    }

    @Test
    void aCopyOnTheHoldShelfIsKeptForItsPatron() {
        catalogued();
        HoldId binh = hold();
        inUnitOfWork(() -> title().invoke(t -> t.place(binh, patron("hs-binh"), NOW)));
        inUnitOfWork(() -> title().invoke(t -> {
            t.keepFor(binh, COPY, NOW, PICKUP);
            return null;
        }));

        assertThat(store.lastEvent(ID)).isEqualTo(
                new HoldReadyForPickup(SCHOOL, binh, TITLE, PatronId.of("hs-binh"), COPY, NOW, LocalDate.of(2026, 9, 10)));
        PatronId heldFor = inUnitOfWork(() -> title().invoke(t -> t.heldFor(COPY)));
        Optional<HoldId> fulfilled = inUnitOfWork(() -> title().invoke(t -> t.holdFulfilledBy(COPY, PatronId.of("hs-binh"))));
        assertThat(heldFor).isEqualTo(PatronId.of("hs-binh"));
        Optional<HoldId> someoneElse = inUnitOfWork(() -> title().invoke(t -> t.holdFulfilledBy(COPY, PatronId.of("hs-an"))));
        assertThat(fulfilled).contains(binh);
        assertThat(someoneElse).isEmpty();
    }

    @Test
    void anExpiredHoldPassesTheCopyToTheNextPatron() {
        shelfFixture().given(CATALOGUED, placed(BINH, "hs-binh", 1), placed(LAN, "gv-lan", 2), readyFor(BINH, "hs-binh"))
                .when(new ExpireHold(SCHOOL, TITLE, BINH, LocalDate.of(2026, 9, 11), NOW))
                .expectEvents(new HoldExpired(SCHOOL, BINH, TITLE, PatronId.of("hs-binh"), COPY, LocalDate.of(2026, 9, 10)),
                        new HoldReadyForPickup(SCHOOL, LAN, TITLE, PatronId.of("gv-lan"), COPY, NOW, LocalDate.of(2026, 9, 16)));
    }

    @Test
    void aHoldIsCollectableOnItsPickupDay() {
        shelfFixture().given(CATALOGUED, placed(BINH, "hs-binh", 1), readyFor(BINH, "hs-binh"))
                .when(new ExpireHold(SCHOOL, TITLE, BINH, LocalDate.of(2026, 9, 10), NOW))
                .expectNoEvents();
    }

    /** The sweep may ask about a hold that is still waiting, or one already collected: that changes nothing. */
    @Test
    void onlyAHoldOnTheShelfExpires() {
        shelfFixture().given(CATALOGUED, placed(BINH, "hs-binh", 1))
                .when(new ExpireHold(SCHOOL, TITLE, BINH, LocalDate.of(2026, 9, 11), NOW))
                .expectNoEvents();
        shelfFixture().given(CATALOGUED, placed(BINH, "hs-binh", 1), readyFor(BINH, "hs-binh"),
                        new HoldFulfilled(SCHOOL, BINH, TITLE, PatronId.of("hs-binh"), COPY, LOAN))
                .when(new ExpireHold(SCHOOL, TITLE, BINH, LocalDate.of(2026, 9, 11), NOW))
                .expectNoEvents();
    }

    private static final HoldId BINH = new HoldId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final HoldId LAN = new HoldId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final LoanId LOAN = new LoanId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final TitleCatalogued CATALOGUED = new TitleCatalogued(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký",
            List.of("Tô Hoài"), null, null, null, null, List.of(), DocType.CHILDREN, null);

    /** A title whose copies, once on the hold shelf again, wait there until 16 September. */
    private static AggregateTestFixture<Title> shelfFixture() {
        AggregateTestFixture<Title> fixture = new AggregateTestFixture<>(Title.class);
        fixture.registerInjectableResource((HoldShelf) (school, category, today) -> LocalDate.of(2026, 9, 16));
        return fixture;
    }

    private static HoldPlaced placed(HoldId hold, String patron, int position) {
        return new HoldPlaced(SCHOOL, hold, TITLE, PatronId.of(patron), PatronCategory.STUDENT, ClassId.of("5a4"), NOW, position);
    }

    private static HoldReadyForPickup readyFor(HoldId hold, String patron) {
        return new HoldReadyForPickup(SCHOOL, hold, TITLE, PatronId.of(patron), COPY, NOW, LocalDate.of(2026, 9, 10));
    }

    @Test
    void knowsWhoHoldsIt() {
        catalogued();
        inUnitOfWork(() -> title().invoke(t -> t.place(hold(), patron("hs-binh"), NOW)));

        boolean binh = inUnitOfWork(() -> title().invoke(t -> t.holds(PatronId.of("hs-binh"))));
        boolean an = inUnitOfWork(() -> title().invoke(t -> t.holds(PatronId.of("hs-an"))));
        assertThat(binh).isTrue();
        assertThat(an).isFalse();
    }

    private static final String ID = Title.aggregateId(SCHOOL, TITLE);

    private void catalogued() {
        inUnitOfWork(() -> titles.newInstance(() -> new Title(new CatalogueTitle(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký",
                List.of("Tô Hoài"), null, null, null, null, List.of(), DocType.CHILDREN, null))));
    }

    private org.axonframework.modelling.command.Aggregate<Title> title() {
        return titles.load(ID);
    }

    private static HoldId hold() {
        return new HoldId(UUID.randomUUID());
    }

    private static PatronStanding patron(String id) {
        return new PatronStanding(PatronId.of(id), PatronCategory.STUDENT, true, ClassId.of("5a4"), 0, 0, null);
    }
}
