import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.management.ObjectName;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * What the starter's configuration costs in an application with eight policies and no web server: the time to read
 * cors.* into the policies in force at startup (Spring Boot's startup step of the snapshot holder bean, in elapsed
 * time, CPU time and bytes allocated), a refresh
 * from the EnvironmentChangeEvent to the new snapshot in force, and the heap the snapshot keeps.
 *
 * Usage: java -XX:+UseSerialGC -cp CLASSPATH scripts/ConfigurationCost.java ORIGINS PATTERNS [ROUNDS]
 * ORIGINS exact origins and PATTERNS origin patterns are added to the policy "partner"; with -Dstarter=false the
 * starter's auto-configurations are left out, for the heap of the application without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ConfigurationCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int origins = Integer.parseInt(args[0]);
        int patterns = Integer.parseInt(args[1]);
        int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 21;
        boolean starter = !"false".equals(System.getProperty("starter"));

        SpringApplication application = new SpringApplication(ConfigurationCost.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        if (!starter) {
            application.setDefaultProperties(Map.of("spring.autoconfigure.exclude",
                    "io.corsboot.autoconfigure.CorsAutoConfiguration"));
        }
        Path yaml = Files.createTempFile("cors", ".yml");
        Files.writeString(yaml, eightPolicies(origins, patterns, "https://app0.example.com"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        Map<Long, long[]> stepCosts = new ConcurrentHashMap<>();
        application.setApplicationStartup(new CostedStartup(startup, stepCosts));
        ConfigurableApplicationContext context = application.run("--logging.level.io.corsboot=warn",
                "--spring.config.import=file:" + yaml);
        System.out.printf("origins %d, patterns %d, starter %s%n", origins, patterns, starter);
        System.out.printf("startup: %.0f ms CPU on the main thread%n", THREADS.getCurrentThreadCpuTime() / 1e6);
        long retainedApplication = heapAfterGc();
        System.out.printf("heap after a full GC: %,d bytes; loaded classes: %,d%n", retainedApplication,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        histogram("histogram-" + (starter ? "with" : "without") + ".txt");
        if (!starter) {
            return;
        }
        startup.getBufferedTimeline().getEvents().stream()
            .filter((event) -> "spring.beans.instantiate".equals(event.getStartupStep().getName()))
            .filter((event) -> tag(event.getStartupStep().getTags(), "beanName").startsWith("cors"))
            .forEach((event) -> {
                long[] cost = stepCosts.getOrDefault(event.getStartupStep().getId(), new long[2]);
                System.out.printf("startup step of the bean %s: %.1f ms; %.1f ms CPU; %,d bytes allocated%n",
                        tag(event.getStartupStep().getTags(), "beanName"), event.getDuration().toNanos() / 1e6,
                        cost[0] / 1e6, cost[1]);
            });

        PolicySnapshotHolder holder = context.getBean(PolicySnapshotHolder.class);
        holder.addListener((snapshot) -> changedAt = System.nanoTime());
        ConfigurableEnvironment environment = context.getEnvironment();
        // A refresh replaces the source read from the file with one read from its new content, as Spring Cloud's
        // ContextRefresher does.
        String file = environment.getPropertySources().stream()
            .filter((source) -> source instanceof OriginTrackedMapPropertySource)
            .filter((source) -> source.containsProperty("cors.policies.partner.paths[0]"))
            .findFirst().get().getName();
        String key = "cors.policies.partner.allowed-origins[0]";
        @SuppressWarnings("unchecked")
        ApplicationListener<EnvironmentChangeEvent> reloader = context.getBean("corsConfigurationReloader",
                ApplicationListener.class);
        List<double[]> oneOrigin = new ArrayList<>();
        List<double[]> oneOriginListener = new ArrayList<>();
        List<double[]> outside = new ArrayList<>();
        List<double[]> unchanged = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            replace(environment, file, eightPolicies(origins, patterns, "https://changed" + round + ".example.com"));
            oneOrigin.add(refresh(holder, () -> context.publishEvent(new EnvironmentChangeEvent(context, Set.of(key))),
                    true));
            replace(environment, file, eightPolicies(origins, patterns, "https://again" + round + ".example.com"));
            oneOriginListener.add(refresh(holder,
                    () -> reloader.onApplicationEvent(new EnvironmentChangeEvent(context, Set.of(key))), true));
            outside.add(refresh(holder,
                    () -> reloader.onApplicationEvent(new EnvironmentChangeEvent(context, Set.of("server.port"))),
                    false));
            replace(environment, file, eightPolicies(origins, patterns, "https://again" + round + ".example.com"));
            // Since the starter compares what the sources hold under cors, this keeps the snapshot; before, it did not.
            unchanged.add(refresh(holder,
                    () -> reloader.onApplicationEvent(new EnvironmentChangeEvent(context, Set.of(key))), null));
        }
        print("refresh changing one origin, the event published", oneOrigin);
        System.out.printf("refresh changing one origin, the event published: the new policies in force after a median "
                + "of %.3f ms%n", median(oneOrigin, 3));
        print("refresh changing one origin, the starter's listener alone", oneOriginListener);
        print("refresh of a key outside cors.*, the starter's listener alone", outside);
        print("refresh of a cors.* key whose value is unchanged, the starter's listener alone", unchanged);
        view(context, rounds);

        int policies = holder.get().policies().size();
        long withSnapshot = heapAfterGc();
        holder.change((current) -> PolicySnapshot.empty());
        long withoutSnapshot = heapAfterGc();
        System.out.printf("retained by the snapshot of %d policies: %,d bytes%n", policies,
                withSnapshot - withoutSnapshot);
        context.close();
    }

    /**
     * Eight policies, as a new user might write them: exact origins with credentials, a more specific admin path, a
     * public "*", patterns, port lists, private network and two equally specific paths with captures; the first
     * origin of the policy "partner" is given.
     */
    private static String eightPolicies(int origins, int patterns, String firstOrigin) {
        StringBuilder yaml = new StringBuilder("""
                cors:
                  policies:
                    admin:
                      paths: ["/api/admin/**"]
                      allowed-origins: ["https://admin.example.com"]
                      allow-credentials: true
                    public:
                      paths: ["/public/**"]
                      allowed-origins: ["*"]
                    preview:
                      paths: ["/preview/**"]
                      allowed-origin-patterns: ["https://*.example.com", "https://app-*.example.net"]
                    ports:
                      paths: ["/ports/**"]
                      allowed-origin-patterns: ["http://localhost:[8080,8081,3000]"]
                    devices:
                      paths: ["/devices/**"]
                      allowed-origins: ["https://console.example.com"]
                      allow-private-network: true
                    tie-x:
                      paths: ["/tie/{x}/a"]
                      allowed-origins: ["https://x.example.com"]
                    tie-y:
                      paths: ["/tie/a/{y}"]
                      allowed-origins: ["https://y.example.com"]
                    partner:
                      paths: ["/api/**"]
                      allow-credentials: true
                      allowed-methods: [GET, POST, PUT, DELETE]
                      allowed-headers: [Content-Type, Authorization]
                      allowed-origins:
                """);
        yaml.append("        - ").append(firstOrigin).append('\n');
        for (int i = 1; i < origins; i++) {
            yaml.append("        - https://app").append(i).append(".example.com\n");
        }
        if (patterns > 0) {
            yaml.append("      allowed-origin-patterns:\n");
            for (int i = 0; i < patterns; i++) {
                yaml.append("        - https://*.tenant").append(i).append(".example.com\n");
            }
        }
        return yaml.toString();
    }

    private static void replace(ConfigurableEnvironment environment, String name, String yaml) throws Exception {
        PropertySource<?> source = new YamlPropertySourceLoader()
            .load(name, new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8))).get(0);
        environment.getPropertySources().replace(name, source);
    }

    /**
     * What the view of cors.* costs, which the starter records at startup and takes on every refresh that names a
     * cors.* key (where the starter has it): taking it, once right after startup and then in rounds, and the heap it
     * keeps beyond the property sources it refers to.
     */
    private static void view(ConfigurableApplicationContext context, int rounds) throws Exception {
        Class<?> view;
        try {
            view = Class.forName("io.corsboot.autoconfigure.CorsPropertyView");
        }
        catch (ClassNotFoundException ex) {
            return;
        }
        java.lang.reflect.Method of = view.getDeclaredMethod("of", org.springframework.core.env.Environment.class);
        of.setAccessible(true);
        ConfigurableEnvironment environment = context.getEnvironment();
        List<double[]> costs = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long thread = Thread.currentThread().getId();
            long allocated = THREADS.getThreadAllocatedBytes(thread);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            if (of.invoke(null, environment) == null) {
                throw new IllegalStateException("No view of cors.*");
            }
            double[] cost = { (System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
                    THREADS.getThreadAllocatedBytes(thread) - allocated };
            if (round == 0) {
                System.out.printf("the view of cors.*, taken once after startup: %.3f ms elapsed, %.3f ms CPU, %,.0f "
                        + "bytes allocated%n", cost[0], cost[1], cost[2]);
            }
            else {
                costs.add(cost);
            }
        }
        print("the view of cors.*, taken again", costs);
        String[] loaded = context.getBeanNamesForType(Class.forName("io.corsboot.autoconfigure.LoadedPropertyView"));
        if (loaded.length == 0) {
            return;
        }
        Object recorded = context.getBean(loaded[0]);
        java.lang.reflect.Method get = recorded.getClass().getDeclaredMethod("get");
        get.setAccessible(true);
        java.lang.reflect.Field entries = view.getDeclaredField("entries");
        entries.setAccessible(true);
        System.out.printf("the view of cors.* recorded: an array of %,d references%n",
                ((Object[]) entries.get(get.invoke(recorded))).length);
        java.lang.reflect.Method set = recorded.getClass().getDeclaredMethod("set", view);
        set.setAccessible(true);
        long withView = heapAfterGc();
        set.invoke(recorded, (Object) null);
        long withoutView = heapAfterGc();
        System.out.printf("retained by the view of cors.*: %,d bytes%n", withView - withoutView);
    }

    /**
     * From the event to its return, when the new snapshot, if any, is in force: the time elapsed, the CPU time of
     * the thread (which other processes on the machine disturb less) and the bytes it allocated. Whether the event
     * changes the snapshot is checked where {@code changes} says.
     */
    // When the snapshot in force last changed, as the holder tells its listeners.
    private static volatile long changedAt;

    private static double[] refresh(PolicySnapshotHolder holder, Runnable event, Boolean changes) {
        PolicySnapshot before = holder.get();
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        event.run();
        double[] cost = { (System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
                THREADS.getThreadAllocatedBytes(thread) - allocated, (changedAt - start) / 1e6 };
        if ((changes != null && changes == (holder.get() == before)) || holder.get().refused() != null) {
            throw new IllegalStateException("The refresh did not do what was expected");
        }
        return cost;
    }

    private static void print(String what, List<double[]> costs) {
        System.out.printf("%s: median %.3f ms elapsed, %.3f ms CPU, %,.0f bytes allocated (%d rounds)%n", what,
                median(costs, 0), median(costs, 1), median(costs, 2), costs.size());
    }

    private static double median(List<double[]> costs, int column) {
        double[] sorted = costs.stream().mapToDouble((cost) -> cost[column]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String tag(Iterable<? extends StartupStep.Tag> tags, String key) {
        for (var tag : tags) {
            if (tag.getKey().equals(key)) {
                return tag.getValue();
            }
        }
        return "";
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    // Written where -Dhistograms names, as scripts/startup.sh asks; not otherwise.
    private static void histogram(String file) throws Exception {
        String directory = System.getProperty("histograms");
        if (directory == null) {
            return;
        }
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { new String[0] }, new String[] { String[].class.getName() });
        Files.writeString(Path.of(directory, file), text.toString());
    }

    /**
     * Spring Boot's buffered startup steps, each also costed in the CPU time and the bytes its thread spent between
     * its start and its end (nested steps included), which the machine's other processes disturb less than elapsed
     * time.
     */
    private record CostedStartup(BufferingApplicationStartup buffered, Map<Long, long[]> costs)
            implements ApplicationStartup {

        @Override
        public StartupStep start(String name) {
            StartupStep step = this.buffered.start(name);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            return new StartupStep() {

                @Override
                public String getName() {
                    return step.getName();
                }

                @Override
                public long getId() {
                    return step.getId();
                }

                @Override
                public Long getParentId() {
                    return step.getParentId();
                }

                @Override
                public StartupStep tag(String key, String value) {
                    step.tag(key, value);
                    return this;
                }

                @Override
                public StartupStep tag(String key,
                        Supplier<String> value) {
                    step.tag(key, value);
                    return this;
                }

                @Override
                public Tags getTags() {
                    return step.getTags();
                }

                @Override
                public void end() {
                    costs.put(step.getId(), new long[] { THREADS.getCurrentThreadCpuTime() - cpu,
                            THREADS.getCurrentThreadAllocatedBytes() - bytes });
                    step.end();
                }
            };
        }
    }
}
