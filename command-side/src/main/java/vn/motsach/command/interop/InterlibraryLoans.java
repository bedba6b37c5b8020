package vn.motsach.command.interop;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CirculationLookups;
import vn.motsach.command.circulation.CopyJourneys;
import vn.motsach.command.interop.InterlibraryLoanCommands.AnswerInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.ReceiveInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.RequestInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.ShipInterlibraryLoanBack;
import vn.motsach.command.interop.InterlibraryLoanCommands.Step;
import vn.motsach.command.interop.InteropLookups.Parties;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.InterlibraryLoanRequested;
import vn.motsach.infra.time.IdGenerator;

/**
 * The inter-library loan desk: requests are decided here, and each step of the copy's journey is
 * decided on the copy ({@link CopyJourneys}) together with the request, in one unit of work, so a
 * request is answered with one copy once, and that copy cannot meanwhile be lent at home or sent
 * elsewhere. A school that is neither side of a request is told it does not exist.
 */
@Component
class InterlibraryLoans {

    private final Repository<InterlibraryLoan> requests;
    private final InteropLookups lookups;
    private final CirculationLookups catalogue;
    private final PatronLookups patrons;
    private final CopyJourneys journeys;
    private final IdGenerator ids;
    private final Clock clock;

    InterlibraryLoans(Repository<InterlibraryLoan> requests, InteropLookups lookups, CirculationLookups catalogue,
            PatronLookups patrons, CopyJourneys journeys, IdGenerator ids, Clock clock) {
        this.requests = requests;
        this.lookups = lookups;
        this.catalogue = catalogue;
        this.patrons = patrons;
        this.journeys = journeys;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The reader asks at their own library (Decree 93/2020 Art 27), for a title of a library they
     * lend to each other with; whether that library holds the title is said only within such a group.
     */
    @CommandHandler
    InterlibraryLoanRequested handle(RequestInterlibraryLoan command) throws Exception {
        var reader = patrons.memberOn(command.schoolId(), command.patronId(), LocalDate.now(clock))
                .orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, command.patronId().value()));
        if (!reader.active()) {
            throw new Refused(RefusalCode.PATRON_INACTIVE, command.patronId().value());
        }
        if (command.schoolId().equals(command.lendingSchoolId())
                || !lookups.lendToEachOther(command.schoolId(), command.lendingSchoolId())) {
            throw new Refused(RefusalCode.NOT_IN_LENDING_GROUP, command.schoolId().value(), command.lendingSchoolId().value());
        }
        if (!catalogue.titleExists(command.lendingSchoolId(), command.titleId())) {
            throw new Refused(RefusalCode.TITLE_NOT_FOUND, command.titleId().toString());
        }
        InterlibraryLoanRequested requested = new InterlibraryLoanRequested(command.schoolId(), new InterlibraryLoanId(ids.newId()),
                command.lendingSchoolId(), command.titleId(), command.patronId(), clock.instant());
        requests.newInstance(() -> new InterlibraryLoan(requested));
        return requested;
    }

    /** The lender answers: a copy of the title, off its shelf now, or a refusal. Only while the schools still lend to each other. */
    @CommandHandler
    Step handle(AnswerInterlibraryLoan command) {
        Aggregate<InterlibraryLoan> request = request(command.schoolId(), command.requestId(), Side.LENDING);
        InterlibraryLoan asked = request.invoke(r -> r);
        if (command.barcode() == null) {
            request.execute(r -> r.refuse(command.refusal(), clock.instant()));
            return Step.REFUSED;
        }
        if (!lookups.lendToEachOther(asked.borrowingSchool(), asked.lendingSchool())) {
            throw new Refused(RefusalCode.NOT_IN_LENDING_GROUP, asked.borrowingSchool().value(), asked.lendingSchool().value());
        }
        request.execute(r -> r.ship(command.barcode(), clock.instant()));
        journeys.send(asked.lendingSchool(), command.barcode(), asked.titleId(), asked.borrowingSchool(), command.requestId());
        return Step.SHIPPED;
    }

    /** The borrowing library receives the copy from its owner, or the owner receives it back. */
    @CommandHandler
    Step handle(ReceiveInterlibraryLoan command) {
        Aggregate<InterlibraryLoan> request = request(command.schoolId(), command.requestId(), Side.EITHER);
        InterlibraryLoan shipped = request.invoke(r -> r);
        shipped.refuseWhenNotShipped();
        if (command.schoolId().equals(shipped.borrowingSchool())) {
            journeys.arrive(shipped.lendingSchool(), shipped.barcode(), command.requestId());
            return Step.RECEIVED;
        }
        journeys.backHome(shipped.lendingSchool(), shipped.barcode(), command.requestId());
        return Step.RETURNED;
    }

    @CommandHandler
    Step handle(ShipInterlibraryLoanBack command) {
        Aggregate<InterlibraryLoan> request = request(command.schoolId(), command.requestId(), Side.BORROWING);
        InterlibraryLoan shipped = request.invoke(r -> r);
        shipped.refuseWhenNotShipped();
        journeys.sendHome(shipped.lendingSchool(), shipped.barcode(), command.requestId());
        return Step.RETURN_SHIPPED;
    }

    /** The request, when {@code school} is the side that takes this step; otherwise it does not exist for that school. */
    private Aggregate<InterlibraryLoan> request(SchoolId school, InterlibraryLoanId requestId, Side side) {
        Parties parties = lookups.partiesOf(requestId)
                .filter(found -> switch (side) {
                    case BORROWING -> found.borrowing().equals(school);
                    case LENDING -> found.lending().equals(school);
                    case EITHER -> found.include(school);
                })
                .orElseThrow(() -> new Refused(RefusalCode.INTERLIBRARY_LOAN_NOT_FOUND, requestId.toString()));
        return requests.load(InterlibraryLoan.aggregateId(parties.borrowing(), requestId));
    }

    private enum Side {
        BORROWING,
        LENDING,
        EITHER
    }
}
