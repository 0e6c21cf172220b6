package io.corsboot.migration;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Every CORS configuration Spring applies in the application: the entries of each {@link SpringCorsSource} bean, in
 * the beans' order, read on each call so that the report shows the application as it is.
 *
 * @since 0.1.0
 */
public final class SpringCorsInventory {

    private final ObjectProvider<SpringCorsSource> sources;

    /**
     * Creates the inventory.
     * @param sources the sources, looked up on each call
     */
    public SpringCorsInventory(ObjectProvider<SpringCorsSource> sources) {
        this.sources = sources;
    }

    /** The entries of every source. */
    public List<SpringCorsEntry> entries() {
        return this.sources.orderedStream().flatMap((source) -> source.entries().stream()).toList();
    }
}
