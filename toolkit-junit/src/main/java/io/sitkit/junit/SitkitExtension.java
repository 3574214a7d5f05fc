package io.sitkit.junit;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.env.CaptureSpec;
import io.sitkit.junit.internal.FlowTrace;
import io.sitkit.junit.internal.Names;
import io.sitkit.junit.internal.RunReports;
import io.sitkit.junit.internal.SharedEnvironment;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JUnit 5 extension behind {@link SitTest}: shares one environment per run, gives each test a
 * {@link SitBus} whose observed destinations are captured before the body runs, and writes a
 * flow-trace file when a test fails. Programmatic form, for what an annotation cannot say:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SitkitExtension SIT = SitkitExtension.builder()
 *         .observe("kafka:orders", "jms:queue:payments")
 *         .isolation(Isolation.SHARED_NAMES)
 *         .build();
 * }</pre>
 *
 * <p>Use either {@code @SitTest} or a registered instance on a class, not both.
 *
 * <p>Thread-safety: stateless apart from its immutable settings; per-test state lives in JUnit's
 * store, so tests may run in parallel.
 */
public final class SitkitExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SitkitExtension.class);
    private static final String STATE = "test-state";

    private final List<String> observe;
    private final Isolation isolation;

    /** Used by {@link SitTest}: settings come from the annotations. */
    public SitkitExtension() {
        this(List.of(), null);
    }

    private SitkitExtension(List<String> observe, Isolation isolation) {
        this.observe = List.copyOf(observe);
        this.isolation = isolation;
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder(List.of(), Isolation.UNIQUE_NAMES);
    }

    /** Builder of a registered extension; immutable, every method returns a new builder. */
    public static final class Builder {
        private final List<String> observe;
        private final Isolation isolation;

        private Builder(List<String> observe, Isolation isolation) {
            this.observe = observe;
            this.isolation = isolation;
        }

        /** Destinations every test observes. */
        public Builder observe(String... addresses) {
            List<String> all = new ArrayList<>(observe);
            all.addAll(List.of(addresses));
            return new Builder(all, isolation);
        }

        /** How tests are isolated (default {@link Isolation#UNIQUE_NAMES}). */
        public Builder isolation(Isolation isolation) {
            return new Builder(observe, Objects.requireNonNull(isolation, "isolation"));
        }

        public SitkitExtension build() {
            return new SitkitExtension(observe, isolation);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(STATE) != null) {
            throw new ExtensionConfigurationException("SitkitExtension is registered twice on " + context.getRequiredTestClass().getName()
                    + ": use @SitTest or a @RegisterExtension field, not both");
        }
        Isolation iso = isolation != null ? isolation : annotation(context).map(SitTest::isolation).orElse(Isolation.UNIQUE_NAMES);
        List<String> addresses = observed(context);
        TestState state = new TestState(context.getUniqueId(), new Names(iso));
        store.put(STATE, state);
        if (addresses.isEmpty()) {
            return; // nothing to capture: the environment starts only if a parameter asks for it
        }
        SharedEnvironment shared = SharedEnvironment.of(context).requireAvailable();
        List<Destination> real = new ArrayList<>();
        for (String a : addresses) {
            Destination logical = Destination.parse(a);
            Destination d;
            if (logical.isKafka() && !state.names.shared()) {
                d = state.names.assign(logical, shared.freshTopic(logical.name()));
            } else {
                d = state.names.resolve(logical);
                if (d.isKafka()) {
                    shared.ensureTopic(d.name());
                }
            }
            real.add(d);
        }
        state.sitBus(shared, shared.bus().capture(CaptureSpec.of(real.toArray(Destination[]::new))));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        io.sitkit.junit.internal.CurrentTest.clear();
        TestState state = context.getStore(NAMESPACE).remove(STATE, TestState.class);
        if (state == null || state.bus == null) {
            return;
        }
        try {
            Optional<Throwable> failure = context.getExecutionException();
            Optional<io.sitkit.report.RunReportBuilder> report = RunReports.forTest(context.getUniqueId());
            List<Capture> captures = state.bus.captures();
            List<io.sitkit.core.Message> seen = new ArrayList<>();
            captures.forEach(c -> seen.addAll(c.messages()));
            report.ifPresent(r -> {
                // the report speaks of the destinations as the tests name them, so coverage meets the inventory
                java.util.Map<Destination, Destination> logical = new java.util.HashMap<>();
                state.names.asMap().forEach((l, real) -> {
                    Destination d = Destination.parse(l);
                    logical.put(new Destination(d.transport(), d.kind(), real), d);
                });
                r.declareDestinations(context.getUniqueId(), captures.stream()
                        .flatMap(c -> c.destinations().stream()).map(d -> logical.getOrDefault(d, d)).distinct().toList());
                r.addMessages(context.getUniqueId(), seen.stream().map(m -> asNamed(m, logical)).toList(), m -> null);
                List<io.sitkit.contract.Contract> mine = new ArrayList<>();
                java.util.Map<String, String> used = state.names.asMap();
                for (io.sitkit.contract.Contract c : SharedEnvironment.of(context).contracts(context)) {
                    String real = used.get(c.destination().toString());
                    if (real != null) {
                        mine.add(c.withDestination(new Destination(c.destination().transport(), c.destination().kind(), real)));
                    }
                }
                if (!mine.isEmpty()) {
                    r.addViolations(context.getUniqueId(), io.sitkit.contract.ContractVerifier.of(mine).verify(seen).violations());
                }
            });
            if (failure.isPresent() && !captures.isEmpty()) {
                SharedEnvironment shared = SharedEnvironment.of(context);
                Path trace = FlowTrace.write(shared.outputDir(), context.getRequiredTestClass().getName(),
                        context.getRequiredTestMethod().getName(), context.getUniqueId(), failure.get(),
                        state.names.asMap(), captures, seen, shared.redactor());
                context.publishReportEntry("sitkit.flow-trace", trace.toString());
                report.ifPresent(r -> r.flowTrace(context.getUniqueId(), trace));
            }
        } finally {
            state.close();
        }
    }

    /** The message as seen on the destination the test named (its position keeps the real name). */
    private static io.sitkit.core.Message asNamed(io.sitkit.core.Message m, java.util.Map<Destination, Destination> logical) {
        Destination named = logical.get(m.destination());
        if (named == null) {
            return m;
        }
        return new io.sitkit.core.Message(named, m.key(), m.headers(), m.payload(), m.bodyType(), m.timestamp(), m.capturedAt(),
                m.metadata());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SitBus.class || type == SitEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SitEnvironment.class) {
            SharedEnvironment shared = SharedEnvironment.of(context).requireAvailable();
            return new SitEnvironment(shared.environment(), shared.config());
        }
        TestState state = context.getTestMethod().isPresent() ? context.getStore(NAMESPACE).get(STATE, TestState.class) : null;
        if (state == null) {
            throw new ParameterResolutionException("SitBus belongs to one test, but " + parameter.getDeclaringExecutable()
                    + " runs outside a test; inject SitEnvironment into @BeforeAll/@AfterAll methods instead");
        }
        if (state.bus == null) {
            SharedEnvironment shared = SharedEnvironment.of(context).requireAvailable();
            state.sitBus(shared, null);
        }
        return state.bus;
    }

    /** {@code @SitTest} on the test class or, for a {@code @Nested} class, the nearest enclosing class that has it. */
    private Optional<SitTest> annotation(ExtensionContext context) {
        for (Class<?> c : classes(context)) {
            Optional<SitTest> a = AnnotationSupport.findAnnotation(c, SitTest.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** The test class, then the classes a {@code @Nested} (inner) class is enclosed by, innermost first. */
    private static List<Class<?>> classes(ExtensionContext context) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = context.getTestClass().orElse(null); c != null;
             c = java.lang.reflect.Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            out.add(c);
        }
        return out;
    }

    /** Addresses from the builder, {@code @SitTest(observe)}, and {@code @Observe} on the class and the method. */
    private List<String> observed(ExtensionContext context) {
        Set<String> all = new LinkedHashSet<>(observe);
        annotation(context).ifPresent(a -> addAll(all, a.observe(), "@SitTest(observe) on " + context.getRequiredTestClass().getName()));
        classes(context).forEach(c -> addObserve(all, c));
        context.getTestMethod().ifPresent(m -> addObserve(all, m));
        return new ArrayList<>(all);
    }

    private static void addObserve(Set<String> all, AnnotatedElement element) {
        AnnotationSupport.findAnnotation(element, Observe.class).ifPresent(o -> addAll(all, o.value(), "@Observe on " + element));
    }

    private static void addAll(Set<String> all, String[] addresses, String where) {
        for (String a : addresses) {
            try {
                Destination.parse(a);
            } catch (IllegalArgumentException | io.sitkit.core.SitkitException e) {
                throw new ExtensionConfigurationException(where + ": " + e.getMessage());
            }
            all.add(a);
        }
    }

    /** One test's names and bus; closes the captures it opened. */
    @SuppressWarnings("deprecation")
    private static final class TestState implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final String testId;
        private final Names names;
        private SitBus bus;

        TestState(String testId, Names names) {
            this.testId = testId;
            this.names = names;
        }

        void sitBus(SharedEnvironment shared, Capture observed) {
            bus = new SitBus(shared.bus(), names, observed, shared.redactor(), testId);
            io.sitkit.junit.internal.CurrentTest.set(shared.redactor());
        }

        @Override
        public void close() {
            if (bus == null) {
                return;
            }
            RuntimeException first = null;
            List<AutoCloseable> toClose = new ArrayList<>(bus.standIns());
            List<Capture> captures = bus.captures();
            for (int i = captures.size() - 1; i >= 0; i--) {
                toClose.add(captures.get(i));
            }
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    RuntimeException r = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    if (first == null) {
                        first = r;
                    } else {
                        first.addSuppressed(r);
                    }
                }
            }
            bus = null;
            if (first != null) {
                throw first;
            }
        }
    }
}
