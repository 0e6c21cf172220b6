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
 * Starts cors-startup-app once and prints the main thread's CPU time of each of the starter's beans (Spring Boot's
 * startup steps of the beans whose name has "cors" or "Migration" in it, each less the steps nested in it), and their
 * sum. Spring Boot's own step durations are elapsed time, which the JIT compiler and the collector on other threads
 * stretch; the thread's CPU time counts what the bean itself ran. Then, on Linux, the CPU time of the process's
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
 * Usage: java [-Dreadings=...] -cp <cors-startup-app's jar and runtime class path> scripts/StartupSteps.java
 *     [APPLICATION-ARGUMENTS]
 */
public class StartupSteps {

    private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(Class.forName("io.corsboot.startup.StartupApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        Map<Long, Long> cpuNanos = new ConcurrentHashMap<>();
        application.setApplicationStartup(new CpuCostedStartup(startup, cpuNanos));
        try (ConfigurableApplicationContext context = application.run(args)) {
            List<StartupStep> steps = startup.getBufferedTimeline()
                .getEvents()
                .stream()
                .map(StartupTimeline.TimelineEvent::getStartupStep)
                .toList();
            Map<Long, Long> nested = new HashMap<>();
            for (StartupStep step : steps) {
                if (step.getParentId() != null) {
                    nested.merge(step.getParentId(), cpuNanos.getOrDefault(step.getId(), 0L), Long::sum);
                }
            }
            long total = 0;
            for (StartupStep step : steps) {
                String bean = beanName(step);
                if (bean.toLowerCase().contains("cors") || bean.contains("Migration")) {
                    long self = cpuNanos.getOrDefault(step.getId(), 0L) - nested.getOrDefault(step.getId(), 0L);
                    total += self;
                    System.out.printf("STEP %-90s %6.1f ms%n", bean, self / 1e6);
                }
            }
            System.out.printf("STEP %-90s %6.1f ms%n", "all of the above", total / 1e6);
            printThreads();
            String readings = System.getProperty("readings", "");
            if (!readings.isEmpty()) {
                read(context.getEnvironment(), readings.split(","));
            }
        }
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
     * its thread spent between its start and its end, nested steps included (as scripts/ConfigurationCost.java costs
     * them, with the bytes too).
     */
    private record CpuCostedStartup(BufferingApplicationStartup buffered, Map<Long, Long> cpuNanos)
            implements ApplicationStartup {

        @Override
        public StartupStep start(String name) {
            StartupStep step = this.buffered.start(name);
            long cpu = threads.getCurrentThreadCpuTime();
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
                    cpuNanos.put(step.getId(), threads.getCurrentThreadCpuTime() - cpu);
                    step.end();
                }
            };
        }
    }
}
