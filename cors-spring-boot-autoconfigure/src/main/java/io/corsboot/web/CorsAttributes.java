package io.corsboot.web;

/**
 * The request and exchange attribute that the CORS filters set.
 *
 * @since 0.1.0
 */
public final class CorsAttributes {

    /**
     * The {@link io.corsboot.core.Decision} of a request that a policy covers, set by the filter before the rest of
     * the chain runs. Where it is present the policy has decided and written its headers, and Spring's own CORS
     * processing steps aside.
     */
    public static final String DECISION = CorsAttributes.class.getName() + ".DECISION";

    private CorsAttributes() {
    }
}
