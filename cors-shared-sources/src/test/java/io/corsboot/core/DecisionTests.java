package io.corsboot.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.corsboot.core.Decision.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The rejection body is shared by every response, so what a caller gets of it can change neither it nor others. */
class DecisionTests {

    private static final String BODY = "Invalid CORS request: ORIGIN_NOT_ALLOWED\n";

    private final Decision decision = new Decision(null, Kind.PREFLIGHT, Reason.ORIGIN_NOT_ALLOWED);

    @Test
    void theRejectionBodyIsAReadOnlyView() {
        ByteBuffer body = this.decision.rejectionBody();
        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> body.put(0, (byte) 'X'));
        assertThat(StandardCharsets.UTF_8.decode(body).toString()).isEqualTo(BODY);
    }

    @Test
    void readingOneViewOfTheRejectionBodyLeavesTheNextWhole() {
        this.decision.rejectionBody().get(new byte[10]);
        ByteBuffer next = this.decision.rejectionBody();
        assertThat(next.remaining()).isEqualTo(this.decision.rejectionBodyLength());
        assertThat(StandardCharsets.UTF_8.decode(next).toString()).isEqualTo(BODY);
    }

    @Test
    void writesTheRejectionBodyToAStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.decision.writeRejectionBody(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(out.size()).isEqualTo(this.decision.rejectionBodyLength());
    }
}
