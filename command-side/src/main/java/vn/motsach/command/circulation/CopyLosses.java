package vn.motsach.command.circulation;

import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CirculationCommands.ReportCopyLost;
import vn.motsach.events.Barcode;
import vn.motsach.events.SchoolId;

/**
 * Losses other features report within their own command, in its unit of work: the desk decides
 * each as it decides a loss reported at the counter, so that the copy leaves circulation with the
 * command's other events, or the command is refused whole.
 */
@Component
public class CopyLosses {

    private final CirculationDesk desk;

    CopyLosses(CirculationDesk desk) {
        this.desk = desk;
    }

    /** The copy is lost, no reader held to account. */
    public void reportLost(SchoolId school, Barcode barcode, String note) {
        desk.handle(new ReportCopyLost(school, barcode, null, note));
    }
}
