package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.Operation;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/** Writes an operation's {@link Refusals} into its error answers. */
final class DocumentedRefusals implements GlobalOperationCustomizer {

    private final ProblemCodes codes;

    DocumentedRefusals(ProblemCodes codes) {
        this.codes = codes;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Refusals refusals = handler.getMethodAnnotation(Refusals.class);
        if (refusals == null) {
            return operation;
        }
        String where = handler.getShortLogMessage();
        add(operation, HttpStatus.NOT_FOUND, refusals.notFound(), where);
        add(operation, HttpStatus.CONFLICT, refusals.conflict(), where);
        add(operation, HttpStatus.FORBIDDEN, refusals.forbidden(), where);
        add(operation, HttpStatus.UNAUTHORIZED, refusals.unauthorized(), where);
        add(operation, HttpStatus.TOO_MANY_REQUESTS, refusals.tooManyRequests(), where);
        add(operation, HttpStatus.SERVICE_UNAVAILABLE, refusals.unavailable(), where);
        return operation;
    }

    private void add(Operation operation, HttpStatus status, String[] named, String where) {
        ProblemAnswers.add(operation, status, codes.known(List.of(named), where));
    }
}
