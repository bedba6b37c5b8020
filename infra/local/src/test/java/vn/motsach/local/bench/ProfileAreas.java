package vn.motsach.local.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording's CPU samples ({@code jdk.ExecutionSample}, what {@code jfr print --events
 * jdk.ExecutionSample} lists) put into the areas a command's CPU goes to. A sample on a request
 * thread is walked from its innermost frame out: the first frame of an area decides, the JDK's and
 * the general libraries' frames (JSON, JDBC, transactions) passed through, so that JDBC under the
 * idempotency store is the idempotency store's and Jackson under Axon's serializer is the event
 * store's; under a broad area (our code in general, Spring MVC, Tomcat, Axon's bus) the library
 * keeps its own area. Loading an aggregate, reading its events included, is recognised anywhere in
 * the stack. A sample on any other thread (the publisher, Hikari's housekeeper) is counted by its
 * thread. GC and the compilers run on threads the sampler does not see.
 */
final class ProfileAreas {

    private record Area(String name, Predicate<RecordedFrame> frame) {
    }

    private static final Area LOADING = new Area("Axon: aggregate loading (reading and applying its events)",
            frame -> type(frame).startsWith("org.axonframework.")
                    && Set.of("load", "doLoad", "doLoadWithLock", "readEvents", "initializeState").contains(method(frame)));

    /** Areas that own whatever library work is done under them. */
    private static final List<Area> SPECIFIC = List.of(
            new Area("Logging (Logback, SLF4J, MDC)", inPackages("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
            new Area("Meters (Micrometer)", inPackages("io.micrometer.")),
            new Area("Idempotency storage", inClasses("vn.motsach.command.execution.IdempotencyStore", "vn.motsach.command.execution.FirstAnswers")),
            new Area("Lookups (command-side lookup tables, registered schools)", frame -> type(frame).startsWith("vn.motsach.")
                    && (type(frame).contains("Lookup") || type(frame).contains("RegisteredSchools"))),
            new Area("Axon: event store append and serialisation", inPackages("org.axonframework.eventsourcing.eventstore.",
                    "org.axonframework.serialization.", "org.axonframework.eventhandling.")),
            new Area("Security: token decoding and checks", frame -> type(frame).startsWith("com.nimbusds.")
                    || type(frame).startsWith("org.springframework.security.oauth2.")
                    || type(frame).startsWith("vn.motsach.infra.security.") && (type(frame).contains("Jwt") || type(frame).contains("Token"))));

    /** Libraries whose work is their caller's area when the caller has a specific one. */
    private static final List<Area> LIBRARIES = List.of(
            new Area("JSON (request and answer bodies)", inPackages("com.fasterxml.jackson.", "tools.jackson.")),
            new Area("Transaction and JDBC (outside the areas above)", inPackages("org.postgresql.", "com.zaxxer.hikari.",
                    "org.springframework.jdbc.", "org.springframework.transaction.")));

    /** Areas that leave a library's work under them to the library's area. */
    private static final List<Area> BROAD = List.of(
            new Area("Our code (controllers, execution, aggregates)", inPackages("vn.motsach.")),
            new Area("Axon: command bus, unit of work, handlers", inPackages("org.axonframework.")),
            new Area("Security: filter chain", inPackages("org.springframework.security.")),
            new Area("Spring", inPackages("org.springframework.")),
            new Area("HTTP: Tomcat", inPackages("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")));

    private final Map<String, Long> areas = new HashMap<>();
    private final Map<String, Long> leaves = new HashMap<>();
    private final Map<String, Long> ours = new HashMap<>();
    private long samples;
    private long requestSamples;

    static ProfileAreas of(Path recording) throws IOException {
        ProfileAreas profile = new ProfileAreas();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                profile.add(event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName(),
                        event.getStackTrace().getFrames());
            }
        }
        return profile;
    }

    private void add(String thread, List<RecordedFrame> frames) {
        samples++;
        if (!frames.isEmpty()) {
            leaves.merge(name(frames.get(0)), 1L, Long::sum);
        }
        if (!thread.contains("http-nio")) {
            areas.merge("Other threads: " + thread.replaceAll("\\d+", "#"), 1L, Long::sum);
            return;
        }
        requestSamples++;
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            // the lambdas and hidden classes between our methods say nothing of their own
            if (type(frame).startsWith("vn.motsach.") && !method(frame).startsWith("lambda$") && !type(frame).contains("$$Lambda")
                    && seen.add(name(frame))) {
                ours.merge(name(frame), 1L, Long::sum);
            }
        }
        areas.merge(area(frames), 1L, Long::sum);
    }

    private static String area(List<RecordedFrame> frames) {
        if (frames.stream().anyMatch(LOADING.frame())) {
            return LOADING.name();
        }
        String library = null;
        for (RecordedFrame frame : frames) {
            Area specific = first(SPECIFIC, frame);
            if (specific != null) {
                return specific.name();
            }
            Area general = first(LIBRARIES, frame);
            if (general != null) {
                library = library == null ? general.name() : library;
                continue;
            }
            Area broad = first(BROAD, frame);
            if (broad != null) {
                return library == null ? broad.name() + spring(frame) : library;
            }
        }
        return library == null ? "JDK and other libraries only" : library;
    }

    /** Which of Spring's parts: MVC ({@code web}), {@code core}, {@code beans}, {@code aop}... */
    private static String spring(RecordedFrame frame) {
        String[] packages = type(frame).split("\\.");
        return packages.length > 3 && packages[1].equals("springframework") && !packages[2].equals("security")
                ? ": " + packages[2] : "";
    }

    private static Area first(List<Area> areas, RecordedFrame frame) {
        for (Area area : areas) {
            if (area.frame().test(frame)) {
                return area;
            }
        }
        return null;
    }

    /**
     * The breakdown as Markdown: each area's share of the samples and, of {@code cpuMillisPerCommand}
     * (the process's CPU per command over the same time), its milliseconds.
     */
    String markdown(double cpuMillisPerCommand) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d CPU samples, %d of them on request threads (http-nio-*).%n%n| Area | share of samples | ms of CPU per command |%n|---|---|---|%n",
                samples, requestSamples));
        sorted(areas, 40).forEach((area, count) -> text.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.2f |%n", area,
                100.0 * count / samples, cpuMillisPerCommand * count / samples)));
        text.append("\nMethods of our code on the request threads' stacks (inclusive):\n\n| Method | share of samples |\n|---|---|\n");
        sorted(ours, 25).forEach((method, count) -> text.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", method, 100.0 * count / samples)));
        text.append("\nInnermost frames (self time), every thread:\n\n| Method | share of samples |\n|---|---|\n");
        sorted(leaves, 25).forEach((method, count) -> text.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", method, 100.0 * count / samples)));
        return text.toString();
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static Predicate<RecordedFrame> inPackages(String... prefixes) {
        return frame -> {
            String type = type(frame);
            for (String prefix : prefixes) {
                if (type.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Predicate<RecordedFrame> inClasses(String... names) {
        Set<String> types = Set.of(names);
        return frame -> types.contains(type(frame).replaceAll("\\$.*", ""));
    }

    private static String type(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null || method.getType() == null ? "" : method.getType().getName();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod() == null ? "" : frame.getMethod().getName();
    }

    private static String name(RecordedFrame frame) {
        String type = type(frame);
        return type.substring(type.lastIndexOf('.') + 1) + "." + method(frame);
    }
}
