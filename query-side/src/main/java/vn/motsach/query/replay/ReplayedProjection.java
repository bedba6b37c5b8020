package vn.motsach.query.replay;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;
import vn.motsach.query.Projections;

/**
 * A projection as a rebuild takes it, from what the projection is: a class of event handlers that
 * write through a {@link JdbcClient}. A rebuild applies the events through instances of its own,
 * made as Spring makes the live one, by the projection's one constructor, but with the rebuild's
 * client in place of the application's ({@link #writingTo}). The tables it rebuilds are those the
 * projection's reset handler empties, as a reset of its processor would: what the projection keeps
 * is what a reset takes away.
 */
final class ReplayedProjection {

    private static final Pattern TRUNCATE = Pattern.compile(
            "truncate\\s+(?:table\\s+)?(?:only\\s+)?(.+?)(?:\\s+(?:restart|continue)\\s+identity)?(?:\\s+(?:cascade|restrict))?",
            Pattern.DOTALL);

    private final String name;
    private final Constructor<?> constructor;
    private final BeanFactory beans;
    private final List<String> tables;

    private ReplayedProjection(String name, Constructor<?> constructor, BeanFactory beans) {
        this.name = name;
        this.constructor = constructor;
        this.beans = beans;
        this.tables = tablesEmptiedOnReset();
    }

    /**
     * The projection of which {@code projection} is an instance; {@code beans} give its constructor
     * whatever it takes besides the client (none in tests that make projections without Spring).
     */
    static ReplayedProjection of(Object projection, BeanFactory beans) {
        Class<?> type = ClassUtils.getUserClass(projection);
        String name = Projections.nameOf(type)
                .orElseThrow(() -> new IllegalArgumentException(type + " is no projection of the query side"));
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1) {
            throw new IllegalArgumentException("The projection " + name + " must have one constructor, as Spring makes it by");
        }
        return new ReplayedProjection(name, constructors[0], beans);
    }

    /** The processing group, which is also the projection's name in the admin API. */
    String name() {
        return name;
    }

    /** The tables this projection owns, unqualified. */
    List<String> tables() {
        return tables;
    }

    /** A fresh instance of the projection, its handlers writing through {@code jdbc}. */
    Object writingTo(JdbcClient jdbc) {
        Class<?>[] types = constructor.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == JdbcClient.class) {
                arguments[i] = jdbc;
            } else if (beans != null) {
                arguments[i] = beans.getBean(types[i]);
            } else {
                throw new IllegalStateException("The projection " + name + " takes a " + types[i].getName() + " with no beans to give it");
            }
        }
        return BeanUtils.instantiateClass(constructor, arguments);
    }

    private List<String> tablesEmptiedOnReset() {
        List<String> statements = new ArrayList<>();
        new AnnotationEventHandlerAdapter(writingTo(recording(statements))).prepareReset();
        List<String> emptied = new ArrayList<>();
        for (String statement : statements) {
            Matcher truncate = TRUNCATE.matcher(statement.strip().toLowerCase(Locale.ROOT));
            if (!truncate.matches()) {
                throw new IllegalStateException("The reset handler of the projection " + name
                        + " must only empty its tables (truncate), for a rebuild to know them: " + statement);
            }
            emptied.addAll(SqlText.split(truncate.group(1), ","));
        }
        if (emptied.isEmpty()) {
            throw new IllegalStateException("The projection " + name + " has no reset handler emptying its tables");
        }
        return List.copyOf(emptied);
    }

    /** A client that records the SQL it is given and runs none. */
    private static JdbcClient recording(List<String> statements) {
        ClassLoader loader = JdbcClient.class.getClassLoader();
        Object statement = Proxy.newProxyInstance(loader, new Class<?>[] {JdbcClient.StatementSpec.class},
                (proxy, method, arguments) -> method.getReturnType() == JdbcClient.StatementSpec.class ? proxy
                        : method.getReturnType() == int.class ? 0 : null);
        return (JdbcClient) Proxy.newProxyInstance(loader, new Class<?>[] {JdbcClient.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("sql")) {
                statements.add((String) arguments[0]);
                return statement;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
