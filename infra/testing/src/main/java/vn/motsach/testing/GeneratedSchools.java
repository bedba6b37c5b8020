package vn.motsach.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.schoolclass.ClassOpened;

/**
 * Generated schools' lives for the benchmarks that need a full event store: a school set up, its
 * classes opened, its roster and catalogue entered, then a school year of loans, returns,
 * renewals, holds, reading sessions and library periods. Schools work at the same time, so a
 * store holds their events interleaved, a few at a time from each ({@link #interleaved}); the
 * events are made as they are read, so a store of millions never sits in memory.
 */
public final class GeneratedSchools {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant FIRST_MONDAY = Instant.parse("2026-09-07T01:00:00Z");
    /** Loans spread over the teaching weeks of a school year. */
    private static final Duration TEACHING_YEAR = Duration.ofDays(35 * 7);

    /** What one school holds and does in the generated year. */
    public record Sizes(int classes, int patrons, int titles, int copiesPerTitle, int loans, int holds, int readingSessions,
            int periodsPerClass) {

        /** The first weeks of a lower-secondary school: catalogue, roster and circulation only. */
        public static Sizes firstWeeks() {
            return new Sizes(10, 400, 1_200, 3, 4_000, 300, 0, 0);
        }

        /**
         * A school's year, about 10,500 events: 500 students in 15 classes, 1,000 titles in 2,000
         * copies, 2,500 loans, 1,000 reading sessions, a library period per class a fortnight.
         */
        public static Sizes schoolYear() {
            return new Sizes(15, 500, 1_000, 2, 2_500, 150, 1_000, 17);
        }
    }

    private GeneratedSchools() {
    }

    /** One school's whole life, in order. */
    public static List<SchoolEvent> lifeOf(SchoolId school, Sizes sizes) {
        List<SchoolEvent> events = new ArrayList<>();
        new Life(school, sizes).forEachRemaining(events::add);
        return events;
    }

    /**
     * The schools' lives as a store holds them: {@code run} events of one school, then {@code run}
     * of the next, round and round until every life is told ({@code run} 0: one school after another).
     */
    public static Iterator<SchoolEvent> interleaved(List<SchoolId> schools, Sizes sizes, int run) {
        List<Iterator<SchoolEvent>> lives = new ArrayList<>(schools.stream().<Iterator<SchoolEvent>>map(s -> new Life(s, sizes)).toList());
        int each = run > 0 ? run : Integer.MAX_VALUE;
        return new Iterator<>() {
            private int current;
            private int taken;

            @Override
            public boolean hasNext() {
                while (!lives.isEmpty()) {
                    if (current >= lives.size()) {
                        current = 0;
                    }
                    if (taken < each && lives.get(current).hasNext()) {
                        return true;
                    }
                    if (!lives.get(current).hasNext()) {
                        lives.remove(current);
                    } else {
                        current++;
                    }
                    taken = 0;
                }
                return false;
            }

            @Override
            public SchoolEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return lives.get(current).next();
            }
        };
    }

    /**
     * Appends {@code events} through {@code engine} (the application's serializer, so the events
     * are real and readable) in batches of {@code batch}, each event its own aggregate, named after
     * {@code prefix} and its place in this call (so calls that continue one store need prefixes of their own); returns how many.
     */
    public static long append(EventStorageEngine engine, Iterator<? extends SchoolEvent> events, int batch, String prefix) {
        long appended = 0;
        List<GenericDomainEventMessage<SchoolEvent>> messages = new ArrayList<>(batch);
        while (events.hasNext()) {
            SchoolEvent event = events.next();
            messages.add(new GenericDomainEventMessage<>(EventCatalogue.nameOf(event.getClass()),
                    prefix + UUID.nameUUIDFromBytes((event.schoolId().value() + ":" + appended).getBytes(StandardCharsets.UTF_8)),
                    0, event));
            appended++;
            if (messages.size() == batch || !events.hasNext()) {
                engine.appendEvents(messages);
                messages = new ArrayList<>(batch);
            }
        }
        return appended;
    }

    /** One school's events, made a step at a time: a step is a few events of one thing done. */
    private static final class Life implements Iterator<SchoolEvent> {

        private final SchoolId school;
        private final Sizes sizes;
        private final List<SchoolEvent> pending = new ArrayList<>();
        private int next;
        private int step;

        Life(SchoolId school, Sizes sizes) {
            this.school = school;
            this.sizes = sizes;
        }

        @Override
        public boolean hasNext() {
            while (next >= pending.size()) {
                pending.clear();
                next = 0;
                if (!step(step++)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public SchoolEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.get(next++);
        }

        /** Step {@code n}'s events into {@link #pending}; false when the life is told. */
        private boolean step(int n) {
            if (n == 0) {
                setUp();
                return true;
            }
            int i = n - 1;
            if (i < sizes.patrons()) {
                pending.add(new PatronRegistered(school, patron(i), "Nguyễn Văn Học Sinh " + i, PatronCategory.STUDENT, classOf(i)));
                return true;
            }
            i -= sizes.patrons();
            if (i < sizes.titles()) {
                catalogue(i);
                return true;
            }
            i -= sizes.titles();
            if (i < sizes.loans()) {
                loan(i);
                // reading sessions and library periods spread among the loans, as the year goes
                for (int s = share(i, sizes.readingSessions()); s < share(i + 1, sizes.readingSessions()); s++) {
                    readingSession(s, at(i));
                }
                int periods = sizes.periodsPerClass() * sizes.classes();
                for (int p = share(i, periods); p < share(i + 1, periods); p++) {
                    period(p, at(i));
                }
                return true;
            }
            return false;
        }

        private int share(int loan, int total) {
            return (int) ((long) loan * total / sizes.loans());
        }

        private void setUp() {
            pending.add(new SchoolRegistered(school, "Trường THCS " + school.value(), List.of(EducationLevel.LOWER_SECONDARY), null));
            for (int c = 0; c < sizes.classes(); c++) {
                pending.add(new ClassOpened(school, ClassId.of("6a" + c), "6A" + c, 6, SchoolYear.of("2026-2027"), null));
            }
        }

        private void catalogue(int t) {
            String title = "Những tấm lòng cao cả tập " + t;
            pending.add(new TitleCatalogued(school, title(t), title, List.of("Edmondo De Amicis"), null, "NXB Kim Đồng",
                    2020, "853", List.of("Văn học Ý", "Thiếu nhi"), DocType.CHILDREN, "vie"));
            for (int c = 0; c < sizes.copiesPerTitle(); c++) {
                pending.add(new CopyAccessioned(school, barcode(t, c), title(t), title, DocType.CHILDREN,
                        LocalDate.of(2026, 8, 1), "Mua", new BigDecimal("52000"), true));
            }
        }

        private void loan(int l) {
            int t = l % sizes.titles();
            int c = (l / sizes.titles()) % sizes.copiesPerTitle();
            int p = l % sizes.patrons();
            PatronId patron = patron(p);
            ClassId classId = classOf(p);
            LoanId loan = LoanId.of(uuid("loan", l));
            Instant at = at(l);
            LocalDate due = at.atZone(VIETNAM).toLocalDate().plusDays(14);
            pending.add(new CopyCheckedOut(school, loan, barcode(t, c), title(t), "tập " + t, DocType.CHILDREN,
                    patron, PatronCategory.STUDENT, classId, at, due, null));
            if (l % 8 == 0) {
                pending.add(new LoanRenewed(school, loan, barcode(t, c), title(t), patron, classId,
                        at.plusSeconds(3_600), due, due.plusDays(14), 1));
            }
            boolean held = sizes.holds() > 0 && l % Math.max(1, sizes.loans() / sizes.holds()) == 0;
            HoldId hold = HoldId.of(uuid("hold", l));
            PatronId holder = patron((p + 1) % sizes.patrons());
            if (held) {
                pending.add(new HoldPlaced(school, hold, title(t), holder, PatronCategory.STUDENT, classId, at.plusSeconds(10), 1));
            }
            if (l % 10 != 9) {
                pending.add(new CopyReturned(school, loan, barcode(t, c), title(t), patron, PatronCategory.STUDENT,
                        classId, at.plusSeconds(7_200), due, 0, held ? Routing.HOLD_SHELF : Routing.SHELF, held ? hold : null));
                if (held) {
                    pending.add(new HoldReadyForPickup(school, hold, title(t), holder, barcode(t, c), at.plusSeconds(7_200),
                            due.minusDays(11)));
                    pending.add(new HoldFulfilled(school, hold, title(t), holder, barcode(t, c), loan));
                }
            }
        }

        private void readingSession(int s, Instant around) {
            int p = (s * 7) % sizes.patrons();
            pending.add(new ReadingSessionRecorded(school, ReadingSessionId.of(uuid("session", s)), patron(p), PatronCategory.STUDENT,
                    classOf(p), title(s % sizes.titles()), around.minusSeconds(1_800), 20 + s % 25,
                    s % 3 == 0 ? ReadingPlace.HOME : ReadingPlace.LIBRARY, s % 3 == 0));
        }

        private void period(int n, Instant around) {
            int c = n % sizes.classes();
            List<PatronId> attendees = new ArrayList<>();
            for (int p = c; p < sizes.patrons(); p += sizes.classes()) {
                if (p % 9 != n % 9) {
                    attendees.add(patron(p));
                }
            }
            int enrolled = (sizes.patrons() - c + sizes.classes() - 1) / sizes.classes();
            pending.add(new LibraryPeriodHeld(school, PeriodId.of(uuid("period", n)), ClassId.of("6a" + c),
                    around.atZone(VIETNAM).toLocalDate(), PeriodActivity.values()[n % PeriodActivity.values().length], attendees,
                    enrolled, null, null));
        }

        private Instant at(int loan) {
            return FIRST_MONDAY.plusSeconds(TEACHING_YEAR.toSeconds() * loan / Math.max(1, sizes.loans()));
        }

        private PatronId patron(int p) {
            return PatronId.of("hs-" + p);
        }

        private ClassId classOf(int patron) {
            return ClassId.of("6a" + (patron % sizes.classes()));
        }

        private TitleId title(int t) {
            return TitleId.of(uuid("title", t));
        }

        private UUID uuid(String kind, int n) {
            return UUID.nameUUIDFromBytes((school.value() + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
        }

        private static Barcode barcode(int title, int copy) {
            return Barcode.of("TK-" + title + "-" + copy);
        }
    }
}
