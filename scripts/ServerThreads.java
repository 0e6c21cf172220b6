import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Scanner;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * Reads process ids from standard input, one a line, and prints for each the bytes allocated so far and the CPU
 * time used so far (nanoseconds) by its web server's threads: Tomcat's ({@code http-nio-...}) and Reactor Netty's
 * ({@code reactor-http-...}), read exactly through the JVM's ThreadMXBean over a local JMX connection. The
 * connection's own threads are not counted, so reading does not disturb what is read. Used by scripts/cost.sh.
 */
public final class ServerThreads {

    private static final Pattern SERVER_THREAD = Pattern.compile("http-nio-.*|reactor-http-.*");

    public static void main(String[] args) throws Exception {
        Map<String, ThreadMXBean> threads = new HashMap<>();
        Scanner input = new Scanner(System.in);
        while (input.hasNextLine()) {
            String pid = input.nextLine().strip();
            if (pid.isEmpty()) {
                continue;
            }
            ThreadMXBean bean = threads.get(pid);
            if (bean == null) {
                bean = connect(pid);
                threads.put(pid, bean);
            }
            long bytes = 0;
            long cpu = 0;
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info != null && SERVER_THREAD.matcher(info.getThreadName()).matches()) {
                    bytes += bean.getThreadAllocatedBytes(info.getThreadId());
                    cpu += bean.getThreadCpuTime(info.getThreadId());
                }
            }
            System.out.println(bytes + " " + cpu);
            System.out.flush();
        }
    }

    private static ThreadMXBean connect(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            JMXServiceURL url = new JMXServiceURL(vm.startLocalManagementAgent());
            MBeanServerConnection connection = JMXConnectorFactory.connect(url).getMBeanServerConnection();
            return ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
                    ThreadMXBean.class);
        }
        finally {
            vm.detach();
        }
    }
}
