import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes per request by allocation site, one recording minus another: what a variant allocates that the other does
 * not, site by site. Reads recordings of every allocation (scripts/allocations.jfc, a server run with -XX:-UseTLAB)
 * made by scripts/cost.sh, and counts the server's request threads only (Tomcat's http-nio-*, Reactor Netty's
 * reactor-http-*). A site is the first frame outside the JDK, with the two frames that called it; lambdas are named
 * λ, since their class names differ from one JVM to the next.
 *
 *   java scripts/AllocationSites.java target/cost/mvc-starter.jfr REQUESTS target/cost/mvc-none.jfr REQUESTS [MIN-BYTES]
 *
 * REQUESTS is what the recording's load served (target/cost/results.txt, fifth column); sites whose difference is
 * below MIN-BYTES per request (4 unless given) are summed into the total but not listed.
 */
public class AllocationSites {

    public static void main(String[] args) throws Exception {
        Map<String, Double> variant = bytesPerRequest(Path.of(args[0]), Long.parseLong(args[1]));
        Map<String, Double> baseline = bytesPerRequest(Path.of(args[2]), Long.parseLong(args[3]));
        double shown = (args.length > 4) ? Double.parseDouble(args[4]) : 4;
        TreeSet<String> sites = new TreeSet<>(variant.keySet());
        sites.addAll(baseline.keySet());
        double total = 0;
        for (String site : sites) {
            double difference = variant.getOrDefault(site, 0.0) - baseline.getOrDefault(site, 0.0);
            total += difference;
            if (Math.abs(difference) >= shown) {
                System.out.printf("%+7.0f  %s%n", difference, site);
            }
        }
        System.out.printf("%+7.0f  total%n", total);
    }

    private static Map<String, Double> bytesPerRequest(Path recording, long requests) throws Exception {
        Map<String, Double> bySite = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ObjectAllocationOutsideTLAB") || !onRequestThread(event)) {
                continue;
            }
            bySite.merge(site(event), event.getLong("allocationSize") / (double) requests, Double::sum);
        }
        return bySite;
    }

    private static boolean onRequestThread(RecordedEvent event) {
        String name = (event.getThread() != null) ? event.getThread().getJavaName() : null;
        return name != null && (name.startsWith("http-nio") || name.startsWith("reactor-http"));
    }

    private static String site(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        for (int i = 0; i < frames.size(); i++) {
            if (!inJdk(frames.get(i))) {
                List<String> site = new ArrayList<>();
                for (int j = i; j < Math.min(frames.size(), i + 3); j++) {
                    site.add(name(frames.get(j)));
                }
                return String.join(" < ", site);
            }
        }
        return "(JDK only)";
    }

    private static boolean inJdk(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || isLambda(type);
    }

    private static boolean isLambda(String type) {
        return type.contains("$$Lambda") || type.chars().allMatch(Character::isDigit);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String simple = isLambda(type) ? "λ" : type.substring(type.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }
}
