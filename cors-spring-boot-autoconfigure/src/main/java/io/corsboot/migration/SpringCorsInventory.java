package io.corsboot.migration;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Every CORS configuration Spring applies in the application: the entries of each {@link SpringCorsSource} bean, in
 * the beans' order, read on each call so that the report shows the application as it is.
 *
 * @since 0.1.0
 */
public final class SpringCorsInventory {

    private static final Log logger = LogFactory.getLog(SpringCorsInventory.class);

    private final ObjectProvider<SpringCorsSource> sources;

    /**
     * Creates the inventory.
     * @param sources the sources, looked up on each call
     */
    public SpringCorsInventory(ObjectProvider<SpringCorsSource> sources) {
        this.sources = sources;
    }

    /** The entries of every source; a source that fails is left out, and logged. */
    public List<SpringCorsEntry> entries() {
        List<SpringCorsEntry> entries = new ArrayList<>();
        for (SpringCorsSource source : this.sources.orderedStream().toList()) {
            entries.addAll(entriesOf(source));
        }
        return List.copyOf(entries);
    }

    // The report is read at startup and by the endpoint: a failing source must stop neither.
    private static List<SpringCorsEntry> entriesOf(SpringCorsSource source) {
        try {
            return source.entries();
        }
        catch (RuntimeException ex) {
            logger.warn("The migration report leaves out the CORS configurations of " + source.getClass().getName()
                    + ", which could not read them: " + ex, ex);
            return List.of();
        }
    }
}
