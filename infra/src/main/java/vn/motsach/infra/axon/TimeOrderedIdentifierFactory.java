package vn.motsach.infra.axon;

import org.axonframework.common.IdentifierFactory;
import vn.motsach.infra.time.TimeOrderedIds;

/**
 * The ids of Axon's messages (every command, event and result), found by Axon through
 * {@code META-INF/services}: {@link TimeOrderedIds} instead of the locked {@code SecureRandom}.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
