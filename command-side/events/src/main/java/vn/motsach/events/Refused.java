package vn.motsach.events;

import java.util.List;

/**
 * A command refused by a rule. Carries the code and the values the librarian's message names
 * (a barcode, a date); refusing changes nothing.
 */
public final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RefusalCode code;
    private final transient List<Object> arguments;

    public Refused(RefusalCode code, Object... arguments) {
        super(code.name(), null, false, false);
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public RefusalCode code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
