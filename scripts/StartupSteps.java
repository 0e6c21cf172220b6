import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.sun.management.ThreadMXBean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.autoconfigure.CorsProperties;

/**
 * Starts cors-startup-app once and prints the main thread's CPU time and bytes allocated in each of the starter's
 * beans (Spring Boot's startup steps of the beans whose name has "cors" or "Migration" in it, each less the steps
 * nested in it), and their sum. Spring Boot's own step durations are elapsed time, which the JIT compiler and the
 * collector on other threads stretch; the thread's CPU time counts what the bean itself ran. Then the same of each of
 * Spring's phases of a start, all steps of one name but the beans' added up, nested steps included (such as
 * spring.context.config-classes.parse, where the auto-configurations' classes and conditions are read, or
 * spring.boot.webserver.create, where the filters and what they need are made): started again with the starter's
 * auto-configurations excluded (-Dspring.autoconfigure.exclude=...), the difference is what the starter adds to each.
 * Then, on Linux, the CPU time of the process's
 * threads by kind once it has started (from /proc/self/task, in the kernel's 10 ms ticks): the main thread, the JIT
 * compiler's C1 and C2 threads, the garbage collector's, and the rest.
 *
 * With -Dreadings=boot,starter,load (any of them, in any order, repeated at will), once the application has started
 * it reads cors.* in those ways, one after the other on the main thread, and prints the CPU time and bytes of each:
 * boot, Spring Boot's binder onto a fresh CorsProperties, as for any @ConfigurationProperties class; starter, the
 * starter's binding (CorsPropertiesBinder); load, the starter's whole reading (CorsConfigurationLoader: binding,
 * validating, compiling). Started with the starter's auto-configurations excluded, the first of them runs its code
 * for the first time, as the starter does at startup.
 *
 * Usage: java [-Dreadings=...] [-Dspring.autoconfigure.exclude=...] -cp <cors-startup-app's jar and runtime class path>
 *     scripts/StartupSteps.java [APPLICATION-ARGUMENTS]
 */
public class StartupSteps {

    private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(Class.forName("io.corsboot.startup.StartupApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        Map<Long, Cost> costs = new ConcurrentHashMap<>();
        application.setApplicationStartup(new CostedStartup(startup, costs));
        try (ConfigurableApplicationContext context = application.run(args)) {
            List<StartupStep> steps = startup.getBufferedTimeline()
                .getEvents()
                .stream()
                .map(StartupTimeline.TimelineEvent::getStartupStep)
                .toList();
            Map<Long, Cost> nested = new HashMap<>();
            for (StartupStep step : steps) {
                if (step.getParentId() != null) {
                    nested.merge(step.getParentId(), cost(costs, step), Cost::plus);
                }
            }
            Cost total = Cost.NONE;
            for (StartupStep step : steps) {
                String bean = beanName(step);
                if (bean.toLowerCase().contains("cors") || bean.contains("Migration")) {
                    Cost self = cost(costs, step).minus(nested.getOrDefault(step.getId(), Cost.NONE));
                    total = total.plus(self);
                    System.out.printf("STEP %-90s %s%n", bean, self);
                }
            }
            System.out.printf("STEP %-90s %s%n", "all of the above", total);
            Map<String, Cost> phases = new TreeMap<>();
            for (StartupStep step : steps) {
                if (!step.getName().equals("spring.beans.instantiate")) {
                    phases.merge(step.getName(), cost(costs, step), Cost::plus);
                }
            }
            phases.forEach((phase, cost) -> System.out.printf("PHASE %-60s %s%n", phase, cost));
            printThreads();
            String readings = System.getProperty("readings", "");
            if (!readings.isEmpty()) {
                read(context.getEnvironment(), readings.split(","));
            }
        }
    }

    private static Cost cost(Map<Long, Cost> costs, StartupStep step) {
        return costs.getOrDefault(step.getId(), Cost.NONE);
    }

    private static String beanName(StartupStep step) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                return tag.getValue();
            }
        }
        return "";
    }

    private static void read(Environment environment, String[] readings) throws Exception {
        Method starterBinding = Class.forName("io.corsboot.autoconfigure.CorsPropertiesBinder")
            .getDeclaredMethod("bind", Environment.class);
        starterBinding.setAccessible(true);
        CorsConfigurationLoader loader = new CorsConfigurationLoader();
        for (String reading : readings) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            switch (reading) {
                case "boot" -> Binder.get(environment).bind("cors", Bindable.ofInstance(new CorsProperties()));
                case "starter" -> starterBinding.invoke(null, environment);
                case "load" -> loader.load(environment);
                default -> throw new IllegalArgumentException("Not a reading: " + reading);
            }
            System.out.printf("READING %-8s %6.2f ms %6d KB%n", reading, (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
                    (threads.getCurrentThreadAllocatedBytes() - bytes) / 1024);
        }
    }

    private static void printThreads() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        Map<String, Long> millis = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tasks)) {
            for (Path thread : entries) {
                String name = Files.readString(thread.resolve("comm")).trim();
                String stat = Files.readString(thread.resolve("stat"));
                // The fields after the name, which is in parentheses: utime and stime are the 12th and 13th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                millis.merge(kind(name), ticks * 10, Long::sum);
            }
        }
        StringBuilder line = new StringBuilder("THREADS");
        millis.forEach((kind, ms) -> line.append(' ').append(kind).append('=').append(ms));
        System.out.println(line);
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler")) {
            return "C1";
        }
        if (threadName.startsWith("C2 Compiler")) {
            return "C2";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1")) {
            return "GC";
        }
        return threadName.equals("java") ? "main" : "other";
    }

    /**
     * Spring Boot's buffered startup steps, which know their ids, parents and tags, each also costed in the CPU time
     * its thread spent and the bytes it allocated between its start and its end, nested steps included (as
     * scripts/ConfigurationCost.java costs them).
     */
    private record CostedStartup(BufferingApplicationStartup buffered, Map<Long, Cost> costs)
            implements ApplicationStartup {

        @Override
        public StartupStep start(String name) {
            StartupStep step = this.buffered.start(name);
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
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
                public StartupStep tag(String key, Supplier<String> value) {
                    step.tag(key, value);
                    return this;
                }

                @Override
                public Tags getTags() {
                    return step.getTags();
                }

                @Override
                public void end() {
                    costs.put(step.getId(), new Cost(threads.getCurrentThreadCpuTime() - cpu,
                            threads.getCurrentThreadAllocatedBytes() - bytes));
                    step.end();
                }
            };
        }
    }

    /** The main thread's CPU time and bytes allocated. */
    private record Cost(long cpuNanos, long bytes) {

        static final Cost NONE = new Cost(0, 0);

        Cost plus(Cost other) {
            return new Cost(this.cpuNanos + other.cpuNanos, this.bytes + other.bytes);
        }

        Cost minus(Cost other) {
            return new Cost(this.cpuNanos - other.cpuNanos, this.bytes - other.bytes);
        }

        @Override
        public String toString() {
            return String.format("%7.1f ms %7d KB", this.cpuNanos / 1e6, this.bytes / 1024);
        }
    }
}
