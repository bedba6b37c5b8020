package vn.motsach.command.interop;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.Barcode;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.RotationReturned;
import vn.motsach.events.interop.RotationSent;

/** The commands of rotations; {@code schoolId} is the owner of the copies, which takes both steps. */
final class RotationCommands {

    private RotationCommands() {
    }

    /** The owner lends these copies of its own to {@code toSchoolId} until {@code returnBy}. */
    record SendRotation(SchoolId schoolId, SchoolId toSchoolId, List<Barcode> barcodes, LocalDate returnBy)
            implements SchoolCommand<RotationSent> {
    }

    /** The owner has these copies of the rotation back; {@code barcodes} null: every copy still away. */
    record ReturnRotation(SchoolId schoolId, RotationId rotationId, List<Barcode> barcodes)
            implements SchoolCommand<RotationReturned> {
    }
}
