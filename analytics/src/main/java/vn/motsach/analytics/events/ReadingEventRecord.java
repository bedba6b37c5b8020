package vn.motsach.analytics.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A reading event with its participants per class. Participants are a set, so recording the
 * same patron twice counts once.
 */
public record ReadingEventRecord(String eventId, String name, String kind, LocalDate startsOn, LocalDate endsOn,
        List<String> classIds, Map<String, Set<String>> participantsByClass, Instant asOf) {

    public ReadingEventRecord {
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
        participantsByClass = participantsByClass == null ? Map.of() : participantsByClass;
    }

    ReadingEventRecord withParticipant(String classId, String patronId, Instant at) {
        Map<String, Set<String>> updated = new TreeMap<>();
        participantsByClass.forEach((key, value) -> updated.put(key, new TreeSet<>(value)));
        updated.computeIfAbsent(classId, key -> new TreeSet<>()).add(patronId);
        return new ReadingEventRecord(eventId, name, kind, startsOn, endsOn, classIds, updated, at);
    }
}
