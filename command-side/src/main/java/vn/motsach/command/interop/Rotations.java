package vn.motsach.command.interop;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CopyJourneys;
import vn.motsach.command.interop.RotationCommands.ReturnRotation;
import vn.motsach.command.interop.RotationCommands.SendRotation;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.Barcode;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.RotationId;
import vn.motsach.events.interop.RotationReturned;
import vn.motsach.events.interop.RotationSent;
import vn.motsach.infra.time.IdGenerator;

/**
 * Rotations (luân chuyển) between the libraries of a lending group: the owner sends a set of its
 * copies to a partner until a date and takes them back in full or in part. Each copy's move is
 * decided on the copy ({@link CopyJourneys}) in the rotation's unit of work, so a copy lent at
 * home, shipped on an inter-library loan or on another rotation meanwhile makes the whole rotation
 * refused, and nothing of it is recorded. A school that does not own a rotation is told it does not exist.
 */
@Component
class Rotations {

    /** A rotation is for a semester or so: its return date is no further away than this. */
    static final int MAX_DAYS_AWAY = 366;

    private final Repository<Rotation> rotations;
    private final InteropLookups lookups;
    private final SchoolLookups schools;
    private final CopyJourneys journeys;
    private final IdGenerator ids;
    private final Clock clock;

    Rotations(Repository<Rotation> rotations, InteropLookups lookups, SchoolLookups schools, CopyJourneys journeys,
            IdGenerator ids, Clock clock) {
        this.rotations = rotations;
        this.lookups = lookups;
        this.schools = schools;
        this.journeys = journeys;
        this.ids = ids;
        this.clock = clock;
    }

    @CommandHandler
    RotationSent handle(SendRotation command) throws Exception {
        if (command.schoolId().equals(command.toSchoolId()) || !lookups.lendToEachOther(command.schoolId(), command.toSchoolId())) {
            throw new Refused(RefusalCode.NOT_IN_LENDING_GROUP, command.schoolId().value(), command.toSchoolId().value());
        }
        LocalDate today = LocalDate.now(clock);
        if (!command.returnBy().isAfter(today) || command.returnBy().isAfter(today.plusDays(MAX_DAYS_AWAY))) {
            throw new Refused(RefusalCode.RETURN_BY_OUT_OF_RANGE, command.returnBy());
        }
        // due back on a day the owner's library is in a school year, to be there to take the copies in
        if (schools.schoolYearOn(command.schoolId(), command.returnBy()).isEmpty()) {
            throw new Refused(RefusalCode.OUTSIDE_SCHOOL_YEAR, command.returnBy());
        }
        RotationId rotation = new RotationId(ids.newId());
        // the copies in one order, so two rotations of overlapping sets lock them in the same order
        for (Barcode barcode : sorted(command.barcodes())) {
            journeys.rotate(command.schoolId(), barcode, command.toSchoolId(), rotation);
        }
        RotationSent sent = new RotationSent(command.schoolId(), rotation, command.toSchoolId(), command.barcodes(),
                command.returnBy(), clock.instant());
        rotations.newInstance(() -> new Rotation(sent));
        return sent;
    }

    /** Copies still lent to a partner's reader cannot come home yet ({@code COPY_ALREADY_ON_LOAN}): the return is refused whole. */
    @CommandHandler
    RotationReturned handle(ReturnRotation command) {
        Aggregate<Rotation> rotation;
        try {
            rotation = rotations.load(Rotation.aggregateId(command.schoolId(), command.rotationId()));
        } catch (AggregateNotFoundException e) {
            throw new Refused(RefusalCode.ROTATION_NOT_FOUND, command.rotationId().toString());
        }
        List<Barcode> away = rotation.invoke(r -> r.toReturn(command.barcodes()));
        // "every copy still away": those a partner's reader holds now stay on the rotation until
        // returned at its desk; the answer names the ones that came home
        List<Barcode> back = command.barcodes() != null ? away
                : away.stream().filter(barcode -> !journeys.lentOut(command.schoolId(), barcode)).toList();
        if (back.isEmpty()) {
            throw new Refused(RefusalCode.COPY_ALREADY_ON_LOAN, String.join(", ", away.stream().map(Barcode::value).toList()));
        }
        for (Barcode barcode : sorted(back)) {
            journeys.rotateHome(command.schoolId(), barcode, command.rotationId());
        }
        return rotation.invoke(r -> r.returned(back, clock.instant()));
    }

    private static List<Barcode> sorted(List<Barcode> barcodes) {
        return barcodes.stream().sorted(Comparator.comparing(Barcode::value)).toList();
    }
}
