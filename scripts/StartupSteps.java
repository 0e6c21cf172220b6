import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.sun.management.ThreadMXBean;

import org.springframework.boot.SpringApplication;
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

    record Step(long id, Long parent, String bean, long cpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        List<Step> steps = Collections.synchronizedList(new ArrayList<>());
        SpringApplication application = new SpringApplication(Class.forName("io.corsboot.startup.StartupApplication"));
        application.setApplicationStartup(new CostedStartup(steps));
        try (ConfigurableApplicationContext context = application.run(args)) {
            Map<Long, Long> nested = new HashMap<>();
            for (Step step : steps) {
                if (step.parent() != null) {
                    nested.merge(step.parent(), step.cpuNanos(), Long::sum);
                }
            }
            long total = 0;
            for (Step step : steps) {
                if (step.bean().toLowerCase().contains("cors") || step.bean().contains("Migration")) {
                    long self = step.cpuNanos() - nested.getOrDefault(step.id(), 0L);
                    total += self;
                    System.out.printf("STEP %-90s %6.1f ms%n", step.bean(), self / 1e6);
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

    private record CostedStartup(List<Step> steps) implements ApplicationStartup {

        @Override
        public StartupStep start(String name) {
            return new CostedStep(this.steps, ApplicationStartup.DEFAULT.start(name), name);
        }
    }

    /** A step that knows its id and parent, the bean it creates, and the thread's CPU time from start to end. */
    private static final class CostedStep implements StartupStep {

        private static long lastId;

        private static final ThreadLocal<List<Long>> open = ThreadLocal.withInitial(ArrayList::new);

        private final List<Step> steps;

        private final StartupStep step;

        private final String name;

        private final long id;

        private final Long parent;

        private final long startCpu = threads.getCurrentThreadCpuTime();

        private String bean = "";

        CostedStep(List<Step> steps, StartupStep step, String name) {
            this.steps = steps;
            this.step = step;
            this.name = name;
            synchronized (CostedStep.class) {
                this.id = ++lastId;
            }
            List<Long> stack = open.get();
            this.parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            stack.add(this.id);
        }

        @Override
        public String getName() {
            return this.name;
        }

        @Override
        public long getId() {
            return this.id;
        }

        @Override
        public Long getParentId() {
            return this.parent;
        }

        @Override
        public StartupStep tag(String key, String value) {
            if (key.equals("beanName")) {
                this.bean = value;
            }
            return this;
        }

        @Override
        public StartupStep tag(String key, Supplier<String> value) {
            return tag(key, value.get());
        }

        @Override
        public Tags getTags() {
            return this.step.getTags();
        }

        @Override
        public void end() {
            List<Long> stack = open.get();
            stack.remove(Long.valueOf(this.id));
            this.steps.add(new Step(this.id, this.parent, this.bean, threads.getCurrentThreadCpuTime() - this.startCpu));
        }
    }
}
