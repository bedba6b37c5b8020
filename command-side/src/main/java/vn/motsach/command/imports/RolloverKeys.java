package vn.motsach.command.imports;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.command.execution.IdempotencyStore;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.web.ApiProblem;

/**
 * The first answer under a rollover's {@code Idempotency-Key}, a refusal included: the job the key
 * started (kept on the job, as for every import), or the refusal that the year stood rolled over,
 * kept where the command side keeps refusals so that the key gets it again once that rollover has
 * failed or been cancelled (the page confirms again with its key). Both are decided holding the
 * key's lock ({@link IdempotencyStore#claim}): one key, one first answer, however requests race.
 */
@Component
class RolloverKeys {

    private final IdempotencyStore idempotency;
    private final ImportController imports;
    private final TransactionTemplate transactions;

    RolloverKeys(IdempotencyStore idempotency, ImportController imports, PlatformTransactionManager transactionManager) {
        this.idempotency = idempotency;
        this.imports = imports;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The key's first answer: the job it started, or its refusal thrown again; 422 when it was another request's. */
    Optional<ResponseEntity<Object>> earlierAnswer(IdempotencyStore.Key key, String requestHash) {
        Optional<ResponseEntity<Object>> started = imports.earlierAnswer(SchoolId.of(key.schoolId()), key.account(), key.key(),
                requestHash);
        if (started.isPresent()) {
            return started;
        }
        Optional<StoredAnswer> refused = idempotency.find(key);
        if (refused.isPresent()) {
            throw again(refused.get(), requestHash);
        }
        return Optional.empty();
    }

    /**
     * Refuses the request, keeping the refusal under its key (when it has one) in a transaction of
     * its own; a request with the same key that answered meanwhile gave the first answer, given again.
     */
    ResponseEntity<Object> refuse(IdempotencyStore.@Nullable Key key, String requestHash, ApiProblem refusal) {
        if (key != null) {
            Optional<ResponseEntity<Object>> meanwhile = transactions.execute(status -> {
                idempotency.claim(key);
                Optional<ResponseEntity<Object>> earlier = earlierAnswer(key, requestHash);
                if (earlier.isEmpty()) {
                    idempotency.save(key, StoredAnswer.refused(requestHash, refusal.status().value(), refusal.code(),
                            refusal.arguments()));
                }
                return earlier;
            });
            if (meanwhile != null && meanwhile.isPresent()) {
                return meanwhile.get();
            }
        }
        throw refusal;
    }

    /**
     * Claims the key in the transaction that creates its job: a refusal kept under it meanwhile is
     * its first answer, thrown again (and no job created); a job started meanwhile breaks the job's key.
     */
    void claimForJob(IdempotencyStore.Key key, String requestHash) {
        idempotency.claim(key);
        Optional<StoredAnswer> refused = idempotency.find(key);
        if (refused.isPresent()) {
            throw again(refused.get(), requestHash);
        }
    }

    private ApiProblem again(StoredAnswer first, String requestHash) {
        if (!first.requestHash().equals(requestHash) || first.refusal() == null) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
        }
        return new ApiProblem(HttpStatus.valueOf(first.status()), first.refusal(), first.refusalArguments());
    }
}
