package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.innovadores.recordings.ByteRange.Partial;
import org.innovadores.recordings.ByteRange.Unsatisfiable;
import org.innovadores.recordings.ByteRange.Whole;
import org.junit.jupiter.api.Test;

/** Range headers against a 1000-byte representation, as RFC 9110 §14 reads them. */
class ByteRangeTest {

    private static ByteRange.Outcome of(String header) {
        return ByteRange.resolve(header, 1000);
    }

    @Test
    void satisfiableRanges() {
        assertThat(of("bytes=0-0")).isEqualTo(new Partial(new ByteRange(0, 0)));
        assertThat(of("bytes=999-999")).isEqualTo(new Partial(new ByteRange(999, 999)));
        assertThat(of("bytes=0-")).isEqualTo(new Partial(new ByteRange(0, 999)));
        assertThat(of("bytes=500-2000")).isEqualTo(new Partial(new ByteRange(500, 999)));
        assertThat(of("bytes=-1")).isEqualTo(new Partial(new ByteRange(999, 999)));
        assertThat(of("bytes=-5000")).isEqualTo(new Partial(new ByteRange(0, 999)));
        assertThat(of("BYTES = 10-19".replace(" = ", "="))).isEqualTo(new Partial(new ByteRange(10, 19)));
        assertThat(((Partial) of("bytes=10-19")).range().contentRange(1000)).isEqualTo("bytes 10-19/1000");
    }

    @Test
    void unsatisfiableRanges() {
        assertThat(of("bytes=1000-")).isInstanceOf(Unsatisfiable.class);
        assertThat(of("bytes=5000-6000")).isInstanceOf(Unsatisfiable.class);
        assertThat(of("bytes=-0")).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRange.resolve("bytes=0-", 0)).isInstanceOf(Unsatisfiable.class);
    }

    @Test
    void malformedOrMultipleRangesAreIgnored() {
        for (String header : new String[] {null, "", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1", "items=0-1",
                "bytes=0-1,5-6", "bytes=1-2-3", "bytes=99999999999999999999-", "bytes= -", "bytes=0x10-"}) {
            assertThat(of(header)).as(String.valueOf(header)).isInstanceOf(Whole.class);
        }
    }
}
