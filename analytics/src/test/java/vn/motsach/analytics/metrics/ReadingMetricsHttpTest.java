package vn.motsach.analytics.metrics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motsach.analytics.AnalyticsWebSlice;
import vn.motsach.analytics.metrics.SchoolPeriod.StudentLine;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.testing.TestTokens;

/**
 * The metrics routes: {@code period} and {@code on} bound and checked with the ids of the path,
 * and the answers written in the contract's shape, field for field, in the contract's order.
 */
@AnalyticsWebSlice(ReadingMetricsController.class)
class ReadingMetricsHttpTest {

    private static final String SCHOOL = "th-hong";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    private static final MetricValues METRICS = new Metrics(2, 2, 3, 25, 0, 1, 2, 3, 0, 0, 1,
            Instant.parse("2026-03-04T02:00:00Z")).values();

    @Autowired
    MockMvc http;

    @MockitoBean
    MetricsAnswers answers;

    @MockitoBean
    ReadingMetrics metrics;

    @MockitoBean
    InstanceRouter router;

    @BeforeEach
    void thisInstanceOwnsEverySchool() {
        when(metrics.today()).thenReturn(TODAY);
        when(router.answer(anyString(), anyString(), any(), any())).thenAnswer(call -> call.<Supplier<?>>getArgument(3).get());
    }

    @Test
    void aSchoolsMetricsAreAWeekUpToTodayUnlessAskedAndKeepTheContractsFieldsInOrder() throws Exception {
        when(answers.school(SCHOOL, MetricPeriod.WEEK, TODAY)).thenReturn(new SchoolMetricsView(SCHOOL, MetricPeriod.WEEK,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), "Trường Tiểu học Hồng", null, METRICS,
                List.of(new SchoolMetricsView.ClassLine("6a1", "6A1", 6, METRICS))));

        http.perform(desk(get("/api/v1/schools/{schoolId}/reading-metrics", SCHOOL)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string("{\"schoolId\":\"th-hong\",\"period\":\"WEEK\",\"from\":\"2026-03-02\","
                        + "\"to\":\"2026-03-08\",\"name\":\"Trường Tiểu học Hồng\",\"authorityId\":null," + METRICS_JSON
                        + ",\"classes\":[{\"classId\":\"6a1\",\"name\":\"6A1\",\"grade\":6," + METRICS_JSON + "}]}"));
    }

    /** The metrics fields as {@code Metrics.fields()} gave them before the answers were records. */
    private static final String METRICS_JSON = "\"loans\":2,\"activeReaders\":2,\"enrolledStudents\":3,"
            + "\"activeReaderRate\":0.6667,\"loansPerStudent\":0.6667,\"readingMinutes\":25,\"readingMinutesPerStudent\":8.3333,"
            + "\"selfReportedReadingMinutes\":0,\"selfReportedReadingMinutesPerStudent\":0.0,\"libraryPeriods\":1,"
            + "\"libraryPeriodAttendanceRate\":0.6667,\"libraryPeriodAttendances\":2,\"libraryPeriodSeats\":3,"
            + "\"readingEventParticipants\":0,\"overdueLoans\":0,\"overdueLoansNow\":1,\"asOf\":\"2026-03-04T02:00:00Z\"";

    @Test
    void aClassesMetricsTakeThePeriodAndDayAskedFor() throws Exception {
        when(answers.ofClass(SCHOOL, "6a1", MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 20))).thenReturn(new ClassMetricsView(
                "6a1", MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31), SCHOOL, "6A1", 6, METRICS,
                List.of(new StudentLine("hs1", "Nguyễn Văn An", 2, 25, 0, 1, 0, true))));

        http.perform(get("/api/v1/schools/{schoolId}/classes/{classId}/reading-metrics", SCHOOL, "6a1")
                        .param("period", "SEMESTER").param("on", "2026-01-20")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("co-lan", "TEACHER", SCHOOL, "6a1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classId").value("6a1"))
                .andExpect(jsonPath("$.loans").value(2))
                .andExpect(jsonPath("$.students[0].fullName").value("Nguyễn Văn An"));

        verify(answers).ofClass(SCHOOL, "6a1", MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 20));
    }

    @Test
    void faultyIdsPeriodAndDayAreRefusedTogetherBeforeAnyStoreIsAsked() throws Exception {
        http.perform(desk(get("/api/v1/schools/{schoolId}/classes/{classId}/reading-metrics", SCHOOL, "6 a1")
                        .param("period", "DAY").param("on", "2101-01-01")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("classId", "period", "on")))
                .andExpect(jsonPath("$.errors[1].message").value("Không có giá trị \"DAY\": phải là một trong các giá trị WEEK, MONTH, SEMESTER, SCHOOL_YEAR."))
                .andExpect(jsonPath("$.errors[2].message").value("Phải là một ngày dạng 2026-09-05, từ 2000-01-01 đến 2100-12-31."));

        verifyNoInteractions(answers);
    }

    @Test
    void anUnknownSchoolIsItsOwnNotFound() throws Exception {
        when(answers.school(SCHOOL, MetricPeriod.MONTH, TODAY)).thenThrow(new Refused(RefusalCode.SCHOOL_NOT_FOUND, SCHOOL));

        http.perform(desk(get("/api/v1/schools/{schoolId}/reading-metrics", SCHOOL).param("period", "MONTH"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SCHOOL_NOT_FOUND"));
    }

    @Test
    void aTeacherReadsTheMetricsOfTheirOwnClassOnly() throws Exception {
        http.perform(get("/api/v1/schools/{schoolId}/classes/{classId}/reading-metrics", SCHOOL, "6a2")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("co-lan", "TEACHER", SCHOOL, "6a1")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/schools/{schoolId}/reading-metrics", SCHOOL)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("co-lan", "TEACHER", SCHOOL, "6a1")))
                .andExpect(status().isForbidden());

        verifyNoInteractions(answers);
    }

    private static MockHttpServletRequestBuilder desk(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", SCHOOL));
    }
}
