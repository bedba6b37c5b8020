package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RequestCheckTest {

    enum Shelf {
        OPEN,
        CLOSED,
        ARCHIVE
    }

    @Test
    void aValueOfAnEnumerationIsReadByItsName() {
        RequestCheck check = RequestCheck.of();

        assertThat(check.oneOf("shelf", "CLOSED", Shelf.class)).isEqualTo(Shelf.CLOSED);
        assertThat(check.oneOf("shelf", null, Shelf.class)).isNull();
        check.orRefuse();
    }

    @Test
    void aValueAnEnumerationDoesNotHaveIsRefusedListingTheValuesTheRouteTakes() {
        RequestCheck check = RequestCheck.of();

        assertThat(check.oneOf("shelf", "closed", Shelf.class)).isNull();
        assertThat(check.oneOf("kept", "ARCHIVE", EnumSet.of(Shelf.CLOSED, Shelf.OPEN))).isNull();

        ApiProblem refused = (ApiProblem) catchThrowable(check::orRefuse);
        assertThat(refused.fieldProblems()).extracting(ApiProblem.FieldProblem::messageKey).containsExactly("oneOf", "oneOf");
        assertThat(refused.fieldProblems().get(0).arguments()).containsExactly("closed", "OPEN, CLOSED, ARCHIVE");
        assertThat(refused.fieldProblems().get(1).arguments()).containsExactly("ARCHIVE", "OPEN, CLOSED");
    }
}
