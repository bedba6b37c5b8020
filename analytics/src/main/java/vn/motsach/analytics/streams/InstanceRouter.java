package vn.motsach.analytics.streams;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.Refused;
import vn.motsach.infra.web.ApiProblem;

/**
 * Lets any analytics instance answer for any school or authority. Each instance holds the
 * state of the partitions it owns; a request for a key owned elsewhere is forwarded once to
 * the owner (found with {@code queryMetadataForKey}, from the {@code application.server} every
 * instance advertises) and its answer relayed as it came. A forwarded request that lands on a
 * non-owner, because partitions moved meanwhile, gets 503 with Retry-After instead of being
 * forwarded again. With no application server configured, the single instance owns all.
 * <p>
 * An answer computed here waits at most {@link #LOCAL_WAIT} for the stores, then is 503 with
 * Retry-After too: a stream thread that flushes a store's cache while the broker is away holds
 * the cache's lock until its producer gives up waiting for the broker (a minute), and a reader
 * of that store would wait as long.
 */
@Component
public final class InstanceRouter {

    static final String FORWARDED_BY = "X-Motsach-Forwarded-By";
    static final Duration LOCAL_WAIT = Duration.ofSeconds(5);
    /** Answers computed at once; more are refused (503) rather than queued behind stuck ones. */
    private static final int LOCAL_ANSWERS = 16;
    /** The caller's token, on the thread that computes its answer (an authority's may forward). */
    private static final ThreadLocal<String> CALLERS_TOKEN = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ANSWERING = new ThreadLocal<>();

    private final StreamsRunner streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService answering = new ThreadPoolExecutor(0, LOCAL_ANSWERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "metrics-answer");
                thread.setDaemon(true);
                return thread;
            });

    InstanceRouter(StreamsRunner streams, StreamsSettings settings) {
        this.streams = streams;
        String server = settings.applicationServer();
        this.self = server == null || server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
    }

    /**
     * The answer for {@code key}, computed here when this instance owns it. Else the owner's
     * answer is relayed as it came, status and body, whatever it is (a problem detail too): it
     * cannot be this method's typed answer, so it leaves the controller as {@link AnsweredElsewhere},
     * the way a refusal does, and {@link RelayedAnswers} sends it.
     */
    public <T> T answer(String store, String key, HttpServletRequest request, Supplier<T> local) {
        Optional<HostInfo> owner = remoteOwner(store, key, request.getHeader(FORWARDED_BY) != null);
        if (owner.isEmpty()) {
            return computed(local);
        }
        String query = request.getQueryString();
        HttpResponse<byte[]> answer = get(owner.get(), request.getRequestURI() + (query == null ? "" : "?" + query),
                request.getHeader("Accept-Language"));
        String type = answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON_VALUE);
        ResponseEntity.BodyBuilder relayed = ResponseEntity.status(answer.statusCode()).contentType(MediaType.parseMediaType(type));
        answer.headers().firstValue("Retry-After").ifPresent(value -> relayed.header("Retry-After", value));
        throw new AnsweredElsewhere(relayed.body(answer.body()));
    }

    /**
     * The JSON answer of {@code path} (a GET of this API) for {@code key}, wherever it is
     * owned; empty when the answer is 404 (an unknown school, a period its calendar lacks).
     */
    public Optional<JsonNode> json(String store, String key, String path, String language, Supplier<?> local) {
        Optional<HostInfo> owner = remoteOwner(store, key, false);
        if (owner.isEmpty()) {
            try {
                return Optional.of(JsonSerde.mapper().valueToTree(computed(local)));
            } catch (ApiProblem problem) {
                if (problem.status() == HttpStatus.NOT_FOUND) {
                    return Optional.empty();
                }
                throw problem;
            } catch (Refused refused) {
                return Optional.empty();
            }
        }
        HttpResponse<byte[]> answer = get(owner.get(), path, language);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new InvalidStateStoreException("The instance owning " + key + " answered " + answer.statusCode());
        }
        return Optional.of(JsonSerde.mapper().readTree(answer.body()));
    }

    private Optional<HostInfo> remoteOwner(String store, String key, boolean forwarded) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata owner;
        try {
            owner = streams.ownerOf(store, key);
        } catch (StreamsNotStartedException e) {
            throw new InvalidStateStoreException("Streams is not running yet", e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null) {
            throw new InvalidStateStoreException("No instance owns " + key + " of " + store + " yet");
        }
        if (owner.activeHost().equals(self)) {
            return Optional.empty();
        }
        if (forwarded) {
            throw new InvalidStateStoreException("Partitions moved while the request was forwarded");
        }
        return Optional.of(owner.activeHost());
    }

    /**
     * {@code local}'s answer, computed on a thread of its own and waited for at most
     * {@link #LOCAL_WAIT}; at once when already on such a thread (an authority's schools).
     */
    private <T> T computed(Supplier<T> local) {
        if (ANSWERING.get() != null) {
            return local.get();
        }
        String token = callersToken().orElse(null);
        Future<T> answer;
        try {
            answer = answering.submit(() -> {
                ANSWERING.set(Boolean.TRUE);
                CALLERS_TOKEN.set(token);
                try {
                    return local.get();
                } finally {
                    ANSWERING.remove();
                    CALLERS_TOKEN.remove();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new InvalidStateStoreException("Every answer thread waits for the stores", e);
        }
        try {
            return answer.get(LOCAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new InvalidStateStoreException("The stores did not answer within " + LOCAL_WAIT, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("Interrupted while waiting for the stores", e);
        }
    }

    /** The owning instance checks the caller's token again: forwarding never widens anyone's access. */
    private static Optional<String> callersToken() {
        if (ANSWERING.get() != null) {
            return Optional.ofNullable(CALLERS_TOKEN.get());
        }
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .filter(ServletRequestAttributes.class::isInstance)
                .map(attributes -> ((ServletRequestAttributes) attributes).getRequest().getHeader(HttpHeaders.AUTHORIZATION));
    }

    private HttpResponse<byte[]> get(HostInfo owner, String pathAndQuery, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(FORWARDED_BY, self.host() + ":" + self.port())
                .GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        callersToken().ifPresent(token -> request.header(HttpHeaders.AUTHORIZATION, token));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new InvalidStateStoreException("The instance at " + owner + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("Interrupted while asking " + owner, e);
        }
    }
}
