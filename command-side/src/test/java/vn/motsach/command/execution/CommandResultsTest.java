package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The executor hands a command's result back as the type its {@link Command} names, unchecked:
 * every command handler must return that type (a constructor, the new aggregate's id; nothing, {@code Void}).
 */
class CommandResultsTest {

    @Test
    void everyHandlerReturnsTheResultItsCommandNames() throws Exception {
        List<String> handled = new ArrayList<>();
        for (Class<?> type : commandSideClasses()) {
            for (Executable handler : handlers(type)) {
                Class<?> command = handler.getParameterTypes()[0];
                Class<?> named = resultNamedBy(command);
                Class<?> returned = handler instanceof Method method ? resultOf(method) : String.class;
                assertThat(returned).as("what %s answers %s", handler, command.getSimpleName()).isEqualTo(named);
                handled.add(command.getSimpleName());
            }
        }
        assertThat(handled).as("the handlers found").contains("CheckOutCopy", "RegisterSchool", "RecordParticipation");
    }

    private static Class<?> resultOf(Method handler) {
        return handler.getReturnType() == void.class ? Void.class : ClassUtils.resolvePrimitiveIfNecessary(handler.getReturnType());
    }

    private static List<Class<?>> commandSideClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        List<Class<?>> classes = new ArrayList<>();
        for (var definition : scanner.findCandidateComponents("vn.motsach.command")) {
            classes.add(Class.forName(definition.getBeanClassName()));
        }
        return classes;
    }

    private static List<Executable> handlers(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                .toList();
    }

    private static Class<?> resultNamedBy(Class<?> command) {
        for (Type implemented : command.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType parameterized
                    && (parameterized.getRawType() == SchoolCommand.class || parameterized.getRawType() == AuthorityCommand.class
                            || parameterized.getRawType() == Command.class)) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(command + " is no SchoolCommand<R>, AuthorityCommand<R> nor Command<R>");
    }
}
