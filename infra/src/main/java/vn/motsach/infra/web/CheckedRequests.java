package vn.motsach.infra.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Gives a controller method its {@link CheckedRequest}: builds the record from the request's path
 * variables and query parameters, and its body when the record's constructor takes one, and
 * refuses the request ({@code VALIDATION_FAILED}, every field named) when any of its checks failed.
 * The body is read as a {@code @RequestBody} is, by the application's converters (so strictly,
 * by {@link RequestJson}): a body that cannot be read is refused before any check runs, as before.
 */
public final class CheckedRequests implements HandlerMethodArgumentResolver {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    /** The converters Spring MVC reads a {@code @RequestBody} with, once it has them. */
    private final Supplier<List<HttpMessageConverter<?>>> converters;
    private final Supplier<Clock> clock;
    private volatile BodyReader bodies;

    /**
     * @param converters the converters Spring MVC reads a {@code @RequestBody} with, asked for at the first body
     * @param clock the injected clock, for the checks that judge a day against today ({@link RequestValues#today()})
     */
    public CheckedRequests(Supplier<List<HttpMessageConverter<?>>> converters, Supplier<Clock> clock) {
        this.converters = converters;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CheckedRequest.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) throws Exception {
        WebDataBinder binder = binders == null ? new WebDataBinder(null)
                : binders.createBinder(request, null, parameter.getParameterName() == null ? "request" : parameter.getParameterName());
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        RequestValues values = new RequestValues(name -> {
            if (path != null && path.containsKey(name)) {
                return path.get(name);
            }
            String[] given = request.getParameterValues(name);
            return given == null ? null : String.join(",", given);
        }, binder::convertIfNecessary, clock);
        Class<?> type = parameter.getParameterType();
        Object checked = bodyOf(type) == null ? build(type, values)
                : build(type, values, bodies().read(request, new MethodParameter(CONSTRUCTORS.get(type), 1)));
        values.check().orRefuse();
        return checked;
    }

    /**
     * The type of the body {@code type} is built with (its constructor's second parameter), or
     * {@code null} when it reads no body: for the API document, which documents it as the body.
     */
    public static Class<?> bodyOf(Class<?> type) {
        Class<?>[] parameters = CONSTRUCTORS.computeIfAbsent(type, CheckedRequests::constructorOf).getParameterTypes();
        return parameters.length == 2 ? parameters[1] : null;
    }

    private BodyReader bodies() {
        if (bodies == null) {
            bodies = new BodyReader(converters.get());
        }
        return bodies;
    }

    /**
     * The path variables and query parameters {@code type} reads, by name, with the type each is
     * read in: for the API document, learnt by building the record from a request that sends
     * none (a record reads every value it takes, each check reporting what is missing).
     */
    public static Map<String, Class<?>> parametersOf(Class<? extends CheckedRequest> type) {
        RequestValues learning = RequestValues.learning();
        try {
            Class<?> body = bodyOf(type);
            if (body == null) {
                build(type, learning);
            } else {
                build(type, learning, empty(body));
            }
        } catch (RuntimeException e) {
            // a record may refuse values it cannot make sense of; what it read before is known
        }
        return learning.read();
    }

    /** The record {@code type} made from {@code values} (and its body), by its constructor taking them. */
    static Object build(Class<?> type, Object... values) {
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, CheckedRequests::constructorOf);
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The constructor taking {@link RequestValues}, or {@link RequestValues} and a body. */
    private static Constructor<?> constructorOf(Class<?> type) {
        List<Constructor<?>> constructors = Arrays.stream(type.getDeclaredConstructors())
                .filter(constructor -> constructor.getParameterCount() >= 1 && constructor.getParameterCount() <= 2
                        && constructor.getParameterTypes()[0] == RequestValues.class)
                .toList();
        if (constructors.size() != 1) {
            throw new IllegalStateException(type.getName()
                    + " is a CheckedRequest without one constructor taking RequestValues (and maybe its body)");
        }
        Constructor<?> constructor = constructors.get(0);
        constructor.setAccessible(true);
        return constructor;
    }

    /** A body record with no values, for learning what the request record reads besides it. */
    private static Object empty(Class<?> body) {
        if (!body.isRecord()) {
            return null;
        }
        try {
            RecordComponent[] components = body.getRecordComponents();
            Constructor<?> canonical = body.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(Arrays.stream(components).map(component -> nothing(component.getType())).toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object nothing(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return type == boolean.class ? false : type == long.class ? 0L : type == double.class ? 0.0 : type == char.class ? '\0' : 0;
    }

    /** Reads a body as Spring MVC reads a {@code @RequestBody}; one is required. */
    private static final class BodyReader extends RequestResponseBodyMethodProcessor {

        BodyReader(List<HttpMessageConverter<?>> converters) {
            super(converters);
        }

        /** The body as the constructor's {@code parameter} takes it. */
        Object read(NativeWebRequest request, MethodParameter parameter) throws Exception {
            Object read = readWithMessageConverters(request, parameter, parameter.getGenericParameterType());
            if (read == null) {
                throw new HttpMessageNotReadableException("Required request body is missing: "
                        + parameter.getExecutable().toGenericString(), createInputMessage(request));
            }
            return read;
        }
    }
}
