package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/** What a refusal's problem detail carries besides its words. */
class RefusalProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(new Problems(new WebAutoConfiguration().messageSource()));

    @Test
    void anAmbiguousBarcodeListsItsOwnersForTheDeskToChooseFrom() {
        ProblemDetail problem = advice.refused(new Refused(RefusalCode.BARCODE_AMBIGUOUS, "TS-001", "thcs-ts-muon, thcs-ts-chu"))
                .getBody();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "BARCODE_AMBIGUOUS")
                .containsEntry("owners", List.of("thcs-ts-muon", "thcs-ts-chu"));
    }

    @Test
    void otherRefusalsCarryNoOwners() {
        ProblemDetail problem = advice.refused(new Refused(RefusalCode.COPY_NOT_ON_LOAN, "TS-001")).getBody();

        assertThat(problem.getProperties()).doesNotContainKey("owners");
    }
}
