package io.corsboot.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckError;
import io.corsboot.actuate.CorsEndpoint.CheckParameters;
import io.corsboot.actuate.CorsEndpoint.MigrationDescriptor;

/** The web answers of {@code check} and {@code migration}, the same on both stacks. */
final class CheckResponses {

    private CheckResponses() {
    }

    /**
     * The answer, 404 for another selector value, or 400 whose body says what is wrong with the parameters: Spring
     * Boot's error pages leave the message out unless {@code server.error.include-message} says otherwise.
     */
    static WebEndpointResponse<OperationResponseBody> evaluate(CorsEndpoint endpoint, String operation,
            CheckParameters parameters, @Nullable ArrivalOrigin arrival) {
        if (CorsEndpoint.MIGRATION.equals(operation)) {
            MigrationDescriptor report = endpoint.migration();
            return (report != null) ? new WebEndpointResponse<>(report)
                    : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        try {
            CheckDescriptor answer = endpoint.evaluate(operation, parameters, arrival);
            return (answer != null) ? new WebEndpointResponse<>(answer)
                    : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        catch (InvalidEndpointRequestException ex) {
            String message = (ex.getReason() != null) ? ex.getReason() : ex.getMessage();
            return new WebEndpointResponse<>(
                    new CheckError(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request", message),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }
}
