package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartGateTest {

    @Test
    void lengthsPastTwoGibibytesAreReadWhole() {
        assertThat(MultipartGate.length("2147884458")).isEqualTo(2_147_884_458L);
        assertThat(MultipartGate.length(" 4294967296 ")).isEqualTo(4_294_967_296L);
        assertThat(MultipartGate.length("99999999999999999999999")).as("beyond a long: too large, not missing").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aMissingOrMalformedLengthIsNoLength() {
        assertThat(MultipartGate.length(null)).isEqualTo(-1);
        assertThat(MultipartGate.length("")).isEqualTo(-1);
        assertThat(MultipartGate.length("-5")).isEqualTo(-1);
        assertThat(MultipartGate.length("12ab")).isEqualTo(-1);
    }
}
