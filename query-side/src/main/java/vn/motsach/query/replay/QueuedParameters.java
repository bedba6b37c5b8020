package vn.motsach.query.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;

/**
 * The named parameters a handler set on one queued statement, as an array laid out like every
 * other row of the same SQL text ({@link Layout}), rather than a map per row: a row set reads
 * each of its columns from every row by position ({@link RowSetStatement#columns}), where a map
 * lookup per value, in as many small maps as rows scattered over the heap, would cost more
 * than the statement itself.
 */
final class QueuedParameters extends AbstractSqlParameterSource {

    private static final Object UNSET = new Object();

    private final Layout layout;
    private Object[] values;

    QueuedParameters(Layout layout) {
        this.layout = layout;
        this.values = unset(layout.size());
    }

    void set(String name, Object value) {
        int index = layout.indexOf(name);
        if (index >= values.length) {
            // a name the layout gained after this row was begun
            int from = values.length;
            values = Arrays.copyOf(values, layout.size());
            Arrays.fill(values, from, values.length, UNSET);
        }
        values[index] = value;
    }

    Layout layout() {
        return layout;
    }

    /** Whether the parameter at {@code index} of the layout was set on this row. */
    boolean isSet(int index) {
        return index >= 0 && index < values.length && values[index] != UNSET;
    }

    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public boolean hasValue(String paramName) {
        return isSet(layout.find(paramName));
    }

    @Override
    public Object getValue(String paramName) {
        int index = layout.find(paramName);
        if (!isSet(index)) {
            throw new IllegalArgumentException("No value registered for key '" + paramName + "'");
        }
        return values[index];
    }

    @Override
    public String[] getParameterNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != UNSET) {
                names.add(layout.name(i));
            }
        }
        return names.toArray(String[]::new);
    }

    private static Object[] unset(int size) {
        Object[] values = new Object[size];
        Arrays.fill(values, UNSET);
        return values;
    }

    /**
     * The positions of the parameter names of one SQL text, in the order handlers first set
     * them.
     */
    static final class Layout {

        private final List<String> names = new ArrayList<>();

        int size() {
            return names.size();
        }

        String name(int index) {
            return names.get(index);
        }

        /** The name's position, given one after the others when it is new. */
        int indexOf(String name) {
            int index = find(name);
            if (index < 0) {
                names.add(name);
                index = names.size() - 1;
            }
            return index;
        }

        /** The name's position, or -1. */
        int find(String name) {
            // String.equals answers by identity first, and a handler's names are literals
            return names.indexOf(name);
        }
    }
}
