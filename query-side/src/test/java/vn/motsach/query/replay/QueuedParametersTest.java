package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

class QueuedParametersTest {

    private final QueuedParameters.Layout layout = new QueuedParameters.Layout();

    @Test
    void rowsOfOneStatementShareTheirNamesPositionsWhateverOrderTheyAreSetIn() {
        QueuedParameters first = new QueuedParameters(layout);
        first.set("school", "th-1");
        first.set("barcode", "TN-1");
        QueuedParameters second = new QueuedParameters(layout);
        second.set(new String("barcode"), "TN-2");
        second.set("school", "th-2");

        assertThat(layout.size()).isEqualTo(2);
        assertThat(first.valueAt(layout.find("barcode"))).isEqualTo("TN-1");
        assertThat(second.valueAt(layout.find("school"))).isEqualTo("th-2");
        assertThat(second.getParameterNames()).containsExactly("school", "barcode");
    }

    @Test
    void aNameFirstSetOnALaterRowIsUnsetOnTheEarlierOnes() {
        QueuedParameters earlier = new QueuedParameters(layout);
        earlier.set("school", "th-1");
        QueuedParameters later = new QueuedParameters(layout);
        later.set("school", "th-1");
        later.set("hold", null);

        int hold = layout.find("hold");
        assertThat(later.isSet(hold)).isTrue();
        assertThat(later.valueAt(hold)).isNull();
        assertThat(earlier.isSet(hold)).isFalse();
        assertThat(earlier.hasValue("hold")).isFalse();
        assertThat(earlier.isSet(layout.find("unknown"))).isFalse();
        assertThatThrownBy(() -> earlier.getValue("hold")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheSqlTypeAHandlerGave() {
        QueuedParameters row = new QueuedParameters(layout);
        row.set("due_on", null);
        row.registerSqlType("due_on", Types.DATE);

        assertThat(row.getSqlType("due_on")).isEqualTo(Types.DATE);
        assertThat(row.getSqlType("school")).isEqualTo(SqlParameterSource.TYPE_UNKNOWN);
    }
}
