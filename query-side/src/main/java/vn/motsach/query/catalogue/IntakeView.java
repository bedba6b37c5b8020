package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.AcquisitionSource;

/**
 * An intake (đợt nhập sách), a line of the general register: the copies accessioned under it,
 * withdrawn and lost ones included, and the sum of their prices (copies without a price add nothing).
 */
record IntakeView(UUID intakeId, LocalDate receivedOn, @Schema(implementation = AcquisitionSource.class) String source,
        @Nullable String documentNo, @Nullable String note, long copies, BigDecimal totalValue) {
}
