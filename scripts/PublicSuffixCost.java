import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * What the first public-suffix check costs on a fresh JVM, with the starter's copy of the Public Suffix List
 * (io.corsboot.autoconfigure.PublicSuffixes) or with Guava's (InternetDomainName, as the starter asked it before):
 * the CPU time and the bytes allocated by the thread, the classes loaded, and the heap kept after a full GC.
 *
 * Usage: java -XX:+UseSerialGC -cp AUTOCONFIGURE_CLASSES:GUAVA_JAR scripts/PublicSuffixCost.java starter|guava|class
 * Both are reached by reflection, in the measure for both, so that neither is loaded before it; "class" measures the
 * starter's variant without the check: its class and the reflection, which the other two pay as well.
 */
public class PublicSuffixCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        // Reflection's own first call, outside the measure
        Math.class.getMethod("abs", int.class).invoke(null, 1);
        long heap = heapAfterGc();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        boolean answer = switch (args[0]) {
            case "guava" -> guavaSaysPublicSuffix("example.net");
            case "starter" -> starterSaysPublicSuffix("example.net");
            default -> starterClassOnly() != null;
        };
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        allocated = THREADS.getThreadAllocatedBytes(thread) - allocated;
        classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
        heap = heapAfterGc() - heap;
        System.out.printf("%s: %.1f ms CPU, %,d bytes allocated, %d classes loaded, %,d bytes kept (answer %s)%n",
                args[0], cpu / 1e6, allocated, classes, heap, answer);
    }

    private static boolean starterSaysPublicSuffix(String host) throws Exception {
        return (boolean) starterClassOnly().invoke(null, host);
    }

    /** The reflection the starter's variant makes, and its class loaded, but not its list. */
    private static Method starterClassOnly() throws Exception {
        Method isPublicSuffix = Class.forName("io.corsboot.autoconfigure.PublicSuffixes")
            .getDeclaredMethod("isPublicSuffix", String.class);
        isPublicSuffix.setAccessible(true);
        return isPublicSuffix;
    }

    private static boolean guavaSaysPublicSuffix(String host) throws Exception {
        Class<?> domainName = Class.forName("com.google.common.net.InternetDomainName");
        if (!(boolean) domainName.getMethod("isValid", String.class).invoke(null, host)) {
            return false;
        }
        Object name = domainName.getMethod("from", String.class).invoke(null, host);
        return (boolean) domainName.getMethod("isPublicSuffix").invoke(name);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
