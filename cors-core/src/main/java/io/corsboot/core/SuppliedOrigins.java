package io.corsboot.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.OriginParser.OriginPattern;

/**
 * The origins one {@link OriginSupplier} gave for a policy, validated: those accepted, and a warning for each one
 * dropped. Immutable. Each value is kept with its verdict, so that the next reading of the same supplier parses
 * only the values it has not seen.
 *
 * @since 0.1.0
 */
public final class SuppliedOrigins {

    private final String supplier;

    private final String policy;

    private final String property;

    private final Map<String, Checked<String>> origins;

    private final Map<String, Checked<OriginPattern>> patterns;

    private final Set<String> exact;

    private final Set<OriginPattern> acceptedPatterns;

    private final List<String> insecure;

    private final List<ConfigProblem> dropped;

    // The sum of the digests of the accepted values: equal for equal sets of origins and patterns.
    private final long digest;

    SuppliedOrigins(String supplier, String policy, String property, Map<String, Checked<String>> origins,
            Map<String, Checked<OriginPattern>> patterns) {
        this.supplier = supplier;
        this.policy = policy;
        this.property = property;
        this.origins = Collections.unmodifiableMap(new HashMap<>(origins));
        this.patterns = Collections.unmodifiableMap(new HashMap<>(patterns));
        // One hashing pass over what may be tens of thousands of origins, hence no Set.copyOf of a list.
        Set<String> exact = new HashSet<>((int) (origins.size() / 0.75f) + 1);
        Set<OriginPattern> accepted = new LinkedHashSet<>();
        List<String> insecure = new ArrayList<>();
        List<ConfigProblem> dropped = new ArrayList<>();
        this.digest = collect(origins.values(), exact, insecure, dropped)
                + collect(patterns.values(), accepted, insecure, dropped);
        this.exact = Collections.unmodifiableSet(exact);
        this.acceptedPatterns = Collections.unmodifiableSet(accepted);
        this.insecure = List.copyOf(insecure);
        this.dropped = List.copyOf(dropped);
    }

    /** Sorts the values into accepted and dropped, and returns the sum of the digests of those accepted. */
    private static <T> long collect(Collection<Checked<T>> checked, Collection<T> accepted, List<String> insecure,
            List<ConfigProblem> dropped) {
        long digest = 0;
        for (Checked<T> value : checked) {
            if (value.problem() != null) {
                dropped.add(value.problem());
            }
            else if (accepted.add(value.value())) {
                digest += value.digest();
                if (value.insecure()) {
                    insecure.add(value.raw());
                }
            }
        }
        return digest;
    }

    /**
     * A 64-bit digest of one accepted value (FNV-1a, then the SplitMix64 finaliser). Summed over a supplier's
     * values, it changes with the set of origins whatever their order, without sorting tens of thousands of them.
     * It tells changes apart; it is not meant to resist values crafted to collide.
     */
    static long digest(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }

    /** The digest of an accepted pattern, of its normalised spelling, so that equal patterns have equal digests. */
    static long digest(OriginPattern pattern) {
        return digest("pattern " + pattern.serialised());
    }

    /** The supplier's name, such as its bean name. */
    public String supplier() {
        return this.supplier;
    }

    /** The policy the origins are for. */
    public String policy() {
        return this.policy;
    }

    /** Where problems with these origins are reported: the policy's property path and the supplier. */
    String property() {
        return this.property;
    }

    /** How many distinct origins and patterns were accepted. */
    public int size() {
        return this.exact.size() + this.acceptedPatterns.size();
    }

    /**
     * The distinct origins and patterns that several suppliers give one policy, counted and digested: a value that
     * two suppliers give counts once, so the result depends on the values alone, not on who supplies them.
     */
    static Union union(List<SuppliedOrigins> supplied) {
        if (supplied.size() == 1) {
            return new Union(supplied.get(0).size(), supplied.get(0).digest);
        }
        int size = 0;
        long digest = 0;
        for (int i = 0; i < supplied.size(); i++) {
            for (String origin : supplied.get(i).exact) {
                if (!suppliedBefore(supplied, i, (earlier) -> earlier.exact.contains(origin))) {
                    size++;
                    digest += digest(origin);
                }
            }
            for (OriginPattern pattern : supplied.get(i).acceptedPatterns) {
                if (!suppliedBefore(supplied, i, (earlier) -> earlier.acceptedPatterns.contains(pattern))) {
                    size++;
                    digest += digest(pattern);
                }
            }
        }
        return new Union(size, digest);
    }

    private static boolean suppliedBefore(List<SuppliedOrigins> supplied, int index,
            Predicate<SuppliedOrigins> gives) {
        for (int i = 0; i < index; i++) {
            if (gives.test(supplied.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The values dropped, each with what is wrong with it. */
    public List<ConfigProblem> dropped() {
        return this.dropped;
    }

    /** The accepted exact origins, serialised as browsers send them. */
    public Set<String> exact() {
        return this.exact;
    }

    Set<OriginPattern> patterns() {
        return this.acceptedPatterns;
    }

    /** Accepted plain-http values of hosts that are not loopback ones, as supplied. */
    List<String> insecure() {
        return this.insecure;
    }

    @Nullable Checked<String> origin(String value) {
        return this.origins.get(value);
    }

    @Nullable Checked<OriginPattern> pattern(String value) {
        return this.patterns.get(value);
    }

    /**
     * One supplied value and its verdict: a value when accepted, a problem when dropped.
     *
     * @param raw the value as supplied
     * @param value the accepted value, null when dropped
     * @param problem why the value was dropped, or null
     * @param insecure whether the value is plain http on a host that is not a loopback one
     * @param digest the {@link #digest(String) digest} of the accepted value, 0 when dropped
     */
    record Checked<T>(String raw, @Nullable T value, @Nullable ConfigProblem problem, boolean insecure, long digest) {
    }

    /**
     * The distinct values of several suppliers.
     *
     * @param size how many distinct origins and patterns
     * @param digest the sum of their digests
     */
    record Union(int size, long digest) {
    }

    @Override
    public String toString() {
        return "SuppliedOrigins from '" + this.supplier + "' for policy '" + this.policy + "'";
    }
}
