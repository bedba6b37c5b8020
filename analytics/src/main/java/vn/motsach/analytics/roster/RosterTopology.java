package vn.motsach.analytics.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.calendar.SchoolCalendar;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.ClassId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;

/**
 * The reference data of every metric, per school: the school (name, authority, calendar), its
 * classes, and its roster with each patron's class history. Keyed by school like the events,
 * so it sits in the same partition as the activity it describes and needs no repartition.
 * Every update sets state rather than adding to it, so an event applied twice changes nothing.
 */
public final class RosterTopology {

    public static final String SCHOOLS_STORE = "school-profiles";
    public static final String CLASSES_STORE = "class-profiles";
    public static final String ROSTER_STORE = "rosters";

    private RosterTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        StoreKeys.addJsonStore(builder, SCHOOLS_STORE, SchoolProfile.class);
        StoreKeys.addJsonStore(builder, CLASSES_STORE, ClassProfile.class);
        StoreKeys.addJsonStore(builder, ROSTER_STORE, RosterEntry.class);
        schoolEvents.process(RosterUpdates::new, Named.as("roster-updates"), SCHOOLS_STORE, CLASSES_STORE, ROSTER_STORE);
    }

    private static final class RosterUpdates implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, SchoolProfile> schools;
        private KeyValueStore<String, ClassProfile> classes;
        private KeyValueStore<String, RosterEntry> roster;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            schools = context.getStateStore(SCHOOLS_STORE);
            classes = context.getStateStore(CLASSES_STORE);
            roster = context.getStateStore(ROSTER_STORE);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            PublishedEvent event = record.value();
            String school = event.schoolId().value();
            Object payload = event.payload();
            if (payload instanceof SchoolRegistered registered) {
                school(event, registered.name(), registered.authorityId() == null ? null : registered.authorityId().value());
            } else if (payload instanceof SchoolDetailsChanged changed) {
                school(event, changed.name(), changed.authorityId() == null ? null : changed.authorityId().value());
            } else if (payload instanceof SchoolYearScheduled scheduled) {
                SchoolProfile profile = profile(event);
                schools.put(school, new SchoolProfile(school, profile.name(), profile.authorityId(),
                        profile.calendar().with(scheduled), event.occurredAt()));
            } else if (payload instanceof ClassOpened opened) {
                classes.put(StoreKeys.of(school, opened.classId().value()),
                        new ClassProfile(opened.classId().value(), opened.name(), opened.grade(), opened.schoolYear().value()));
            } else if (payload instanceof ClassDetailsChanged changed) {
                classes.put(StoreKeys.of(school, changed.classId().value()),
                        new ClassProfile(changed.classId().value(), changed.name(), changed.grade(), changed.schoolYear().value()));
            } else if (payload instanceof PatronRegistered registered) {
                // from the registration's day, as on every side: a student registered today was in no class yesterday
                LocalDate day = ClassHistory.registeredOn(event.occurredAt());
                roster.put(StoreKeys.of(school, registered.patronId().value()),
                        new RosterEntry(registered.patronId().value(), registered.category(),
                                List.of(), true).movedTo(idOf(registered.classId()), day));
            } else if (payload instanceof PatronDetailsChanged changed) {
                update(school, changed.patronId().value(), entry -> entry.withCategory(changed.category()));
            } else if (payload instanceof PatronMovedToClass moved) {
                update(school, moved.patronId().value(), entry -> entry.movedTo(idOf(moved.toClassId()), moved.effectiveOn()));
            } else if (payload instanceof PatronLeft left) {
                update(school, left.patronId().value(), entry -> entry.leftOn(left.leftOn()));
            } else if (payload instanceof PatronRejoined rejoined) {
                update(school, rejoined.patronId().value(), entry -> entry.rejoinedOn(rejoined.rejoinedOn()));
            }
        }

        private void school(PublishedEvent event, String name, String authorityId) {
            SchoolProfile profile = profile(event);
            schools.put(event.schoolId().value(), new SchoolProfile(event.schoolId().value(), name, authorityId,
                    profile.calendar(), event.occurredAt()));
        }

        private SchoolProfile profile(PublishedEvent event) {
            SchoolProfile profile = schools.get(event.schoolId().value());
            return profile != null ? profile
                    : new SchoolProfile(event.schoolId().value(), event.schoolId().value(), null, SchoolCalendar.empty(),
                            event.occurredAt());
        }

        private void update(String school, String patronId, UnaryOperator<RosterEntry> change) {
            String key = StoreKeys.of(school, patronId);
            RosterEntry entry = roster.get(key);
            if (entry != null) {
                roster.put(key, change.apply(entry));
            }
        }

        private static String idOf(ClassId classId) {
            return classId == null ? null : classId.value();
        }
    }
}
