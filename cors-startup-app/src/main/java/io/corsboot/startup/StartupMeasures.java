package io.corsboot.startup;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs, when the application has started, the CPU time of the process and the CPU time and allocated bytes of the
 * thread that started it: measures of the work done that other processes on the machine disturb less than the
 * elapsed time.
 */
class StartupMeasures implements ApplicationListener<ApplicationStartedEvent> {

    private static final Log logger = LogFactory.getLog(StartupMeasures.class);

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        // Spring Boot publishes the event on the thread that runs SpringApplication.run, right after logging Started.
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        logger.info("Startup measures: processCpuNanos=" + system.getProcessCpuTime() + " mainThreadCpuNanos="
                + threads.getCurrentThreadCpuTime() + " mainThreadAllocatedBytes="
                + threads.getCurrentThreadAllocatedBytes());
    }
}
