package vn.motsach.command.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.evaluation.EvaluationCommands.DeclareLibraryProfile;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.evaluation.LibraryProfileDeclared;

/** What a school declares about its library for one school year; a declaration the same as the last one changes nothing. */
@Aggregate
class LibraryProfile {

    @AggregateIdentifier
    private String id;
    private LibraryProfileDeclared declared;

    LibraryProfile() {
        // for Axon
    }

    /** The school comes first in the stream's id, as every school's aggregate names itself. */
    static String aggregateId(SchoolId school, SchoolYear year) {
        return "library-profile:" + school.value() + ":" + year.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareLibraryProfile command) {
        LibraryProfileDeclared declaration = new LibraryProfileDeclared(command.schoolId(), command.schoolYear(),
                command.readingRoomM2(), command.seats(), command.criteria());
        if (!declaration.equals(declared)) {
            apply(declaration);
        }
    }

    @EventSourcingHandler
    void on(LibraryProfileDeclared event) {
        id = aggregateId(event.schoolId(), event.schoolYear());
        declared = event;
    }
}
