package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.web.PolicySnapshot;

/**
 * Reads {@code cors.*} from an {@link Environment} into a {@link PolicySnapshot}: binds it, turns it into policy specs
 * and compiles them, with the problems of binding joining those of validation so that one report names every mistake.
 * Used at startup and, with a fresh binding, on every configuration refresh.
 *
 * @since 0.1.0
 */
public final class CorsConfigurationLoader {

    private final PolicyCompiler compiler = compiler();

    /** A compiler that asks the Public Suffix List and names a policy by its property path. */
    static PolicyCompiler compiler() {
        return new PolicyCompiler(PublicSuffixes::isPublicSuffix, PolicySpecs::policyProperty);
    }

    /**
     * Binds, validates and compiles the {@code cors.*} configuration.
     * @throws io.corsboot.core.CorsConfigurationException with every error found
     */
    public PolicySnapshot load(Environment environment) {
        return load(environment, PolicySnapshot.empty());
    }

    /**
     * Binds, validates and compiles the {@code cors.*} configuration to replace a snapshot, whose supplied origins
     * carry over and whose unchanged policies are reused.
     * @throws io.corsboot.core.CorsConfigurationException with every error found
     */
    public PolicySnapshot load(Environment environment, PolicySnapshot previous) {
        BoundCorsProperties bound = CorsPropertiesBinder.bind(environment);
        EnvironmentVariableAliases.drop(bound.properties(), environment);
        List<ConfigProblem> problems = new ArrayList<>(bound.problems());
        // cors.defaults is also checked on its own: a mistake there counts even where every policy overrides it.
        this.compiler.compile(PolicySpecs.defaults(bound), problems);
        return PolicySnapshot.compile(PolicySpecs.from(bound), problems, this.compiler, previous);
    }
}
