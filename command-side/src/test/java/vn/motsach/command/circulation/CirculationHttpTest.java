package vn.motsach.command.circulation;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motsach.command.CommandWebSlice;
import vn.motsach.command.circulation.CirculationCommands.CancelHold;
import vn.motsach.command.circulation.CirculationCommands.CheckOutCopy;
import vn.motsach.command.circulation.CirculationCommands.Lent;
import vn.motsach.command.execution.CommandExecutor;
import vn.motsach.command.execution.Executed;
import vn.motsach.command.execution.FirstAnswers;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.testing.TestTokens;

/**
 * The desk's routes over HTTP: a request reaches the {@link CommandExecutor} as its command,
 * checked at the edge (path and body together, every faulty field named), answered with its event
 * position, and under an idempotency key answered once.
 */
@CommandWebSlice(CirculationController.class)
class CirculationHttpTest {

    private static final String SCHOOL = "th-hong";
    private static final LoanId LOAN = LoanId.of(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    private static final TitleId TITLE = TitleId.of(UUID.fromString("0a8b6d2e-3f4c-4e5d-8a9b-1c2d3e4f5a6b"));

    @Autowired
    MockMvc http;

    @MockitoBean
    CommandExecutor commands;

    @Test
    void aCheckoutIsTheCommandOfItsPathAndBodyAnsweredWithItsLoanAndPosition() throws Exception {
        CheckOutCopy command = new CheckOutCopy(SchoolId.of(SCHOOL), Barcode.of("MN-0001"), PatronId.of("hs-001"));
        when(commands.send(command)).thenReturn(new Executed<>(checkedOut(), 42));

        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"barcode\":\"MN-0001\",\"patronId\":\"hs-001\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Event-Position", "42"))
                .andExpect(jsonPath("$.loanId").value(LOAN.toString()))
                .andExpect(jsonPath("$.barcode").value("MN-0001"))
                .andExpect(jsonPath("$.title").value("Dế Mèn phiêu lưu ký"))
                .andExpect(jsonPath("$.dueOn").value("2026-09-21"))
                .andExpect(jsonPath("$.holdId").doesNotExist());

        verify(commands).send(command);
    }

    @Test
    void theFaultsOfThePathAndTheBodyAreNamedInOneProblem() throws Exception {
        http.perform(desk(post("/api/v1/schools/{schoolId}/holds", SCHOOL))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"titleId\":\"not-a-uuid\",\"patronId\":\"hs 001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("titleId", "patronId")))
                .andExpect(jsonPath("$.errors[0].message").value("Giá trị không hợp lệ: not-a-uuid."))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "Sai định dạng: mã gồm 1 đến 32 ký tự, chỉ có chữ cái không dấu, chữ số và các dấu - _ . / (không có khoảng trắng)."));
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("barcode", "patronId")))
                .andExpect(jsonPath("$.errors[0].message").value("This field is required."));

        verifyNoInteractions(commands);
    }

    @Test
    void aBodyIsReadStrictlyBeforeAnyCheck() throws Exception {
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"barcode\":12,\"patronId\":\"hs-001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("barcode")));
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("body")));

        verifyNoInteractions(commands);
    }

    @Test
    void pathIdsAreCheckedBeforeTheCommandIsMade() throws Exception {
        http.perform(desk(delete("/api/v1/schools/{schoolId}/holds/{holdId}", SCHOOL, "not-a-uuid")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holdId"));
        verifyNoInteractions(commands);

        HoldId hold = HoldId.parse("3f1e2d3c-4b5a-4697-8877-665544332211");
        when(commands.send(new CancelHold(SchoolId.of(SCHOOL), hold))).thenReturn(new Executed<>(null, 7));
        http.perform(desk(delete("/api/v1/schools/{schoolId}/holds/{holdId}", SCHOOL, hold.toString())))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", "7"));
    }

    @Test
    void underAnIdempotencyKeyARepeatGetsTheFirstAnswerAndAnotherRequestIsRefused() throws Exception {
        Map<String, StoredAnswer> kept = new HashMap<>();
        when(commands.sendOnce(eq(SCHOOL), any(), any(), any())).thenAnswer(call -> {
            FirstAnswers<Lent, ?> answers = call.getArgument(3);
            StoredAnswer first = kept.get(call.<String>getArgument(1));
            if (first != null) {
                return answers.again(first);
            }
            FirstAnswers.Kept<?> answered = answers.answered(new Executed<>(checkedOut(), 42));
            kept.put(call.getArgument(1), answered.stored());
            return answered.answer();
        });
        String body = "{\"barcode\":\"MN-0001\",\"patronId\":\"hs-001\"}";

        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("X-Event-Position", "42"))
                .andExpect(jsonPath("$.loanId").value(LOAN.toString()));
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"barcode\":\"MN-0002\",\"patronId\":\"hs-001\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aKeyThatCannotBeKeptIsRefusedAtTheEdge() throws Exception {
        http.perform(desk(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL)).header("Idempotency-Key", "k".repeat(201))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"barcode\":\"MN-0001\",\"patronId\":\"hs-001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));

        verifyNoInteractions(commands);
    }

    @Test
    void theRouteIsClosedWithoutATokenAndHiddenFromAnotherSchoolsDesk() throws Exception {
        String body = "{\"barcode\":\"MN-0001\",\"patronId\":\"hs-001\"}";
        http.perform(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        http.perform(post("/api/v1/schools/{schoolId}/checkouts", SCHOOL).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", "th-other")))
                .andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    private static Lent checkedOut() {
        return new Lent(new CopyCheckedOut(SchoolId.of(SCHOOL), LOAN, Barcode.of("MN-0001"), TITLE, "Dế Mèn phiêu lưu ký",
                DocType.values()[0], PatronId.of("hs-001"), PatronCategory.values()[0], null,
                Instant.parse("2026-09-07T01:00:00Z"), LocalDate.parse("2026-09-21"), null), null);
    }

    private static MockHttpServletRequestBuilder desk(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", SCHOOL));
    }
}
