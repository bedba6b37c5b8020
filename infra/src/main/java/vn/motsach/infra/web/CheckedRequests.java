package vn.motsach.infra.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives a controller method its {@link CheckedRequest}: builds the record from the request's path
 * variables and query parameters and refuses the request ({@code VALIDATION_FAILED}, every field
 * named) when any of its checks failed.
 */
public final class CheckedRequests implements HandlerMethodArgumentResolver {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

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
        }, binder::convertIfNecessary);
        Object checked = build(parameter.getParameterType(), values);
        values.check().orRefuse();
        return checked;
    }

    /**
     * The path variables and query parameters {@code type} reads, by name, with the type each is
     * read in: for the API document, learnt by building the record from a request that sends
     * none (a record reads every value it takes, each check reporting what is missing).
     */
    public static Map<String, Class<?>> parametersOf(Class<? extends CheckedRequest> type) {
        RequestValues learning = RequestValues.learning();
        try {
            build(type, learning);
        } catch (RuntimeException e) {
            // a record may refuse values it cannot make sense of; what it read before is known
        }
        return learning.read();
    }

    /** The record {@code type} made from {@code values}, by its constructor taking them. */
    static Object build(Class<?> type, RequestValues values) {
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

    private static Constructor<?> constructorOf(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(RequestValues.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is a CheckedRequest without a constructor taking RequestValues", e);
        }
    }
}
