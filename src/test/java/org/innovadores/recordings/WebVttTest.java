package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebVttTest {

    @Test
    void cuesWithIdentifiersNotesAndMarkup() throws Exception {
        var cues = WebVtt.parse("""
                \uFEFFWEBVTT - Taller 3

                NOTE una nota
                que ocupa dos líneas

                1
                00:00:01.000 --> 00:00:04.500 align:start
                <v Ana>Bienvenidas y bienvenidos</v> al &lt;taller&gt;.

                01:02:03.250 --> 01:02:05.000
                Segunda línea
                partida en dos.
                """);
        assertThat(cues).containsExactly(new WebVtt.Cue(1.0, 4.5, "Bienvenidas y bienvenidos al <taller>."),
                new WebVtt.Cue(3723.25, 3725.0, "Segunda línea partida en dos."));
        assertThat(WebVtt.clock(3723.25)).isEqualTo("1:02:03");
        assertThat(WebVtt.clock(65)).isEqualTo("01:05");
    }

    @Test
    void filesThatAreNotWebVttAreRefusedWithTheLine() {
        assertThatThrownBy(() -> WebVtt.parse("1\n00:00:01,000 --> 00:00:02,000\nSRT, not VTT\n"))
                .isInstanceOf(WebVtt.Invalid.class);
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\ntext\n"))
                .isInstanceOfSatisfying(WebVtt.Invalid.class, e -> assertThat(e.line).isEqualTo(4));
        assertThatThrownBy(() -> WebVtt.parse("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\ntext\n"))
                .isInstanceOf(WebVtt.Invalid.class);
        assertThatThrownBy(() -> WebVtt.parse("WEBVTTX\n")).isInstanceOf(WebVtt.Invalid.class);
    }

    @Test
    void typesComeFromTheFirstBytes() {
        assertThat(FileType.detect(bytes("\0\0\0\u0018ftypisom"), 12)).contains(FileType.MP4);
        assertThat(FileType.detect(bytes("\0\0\0\u0018ftypM4A "), 12)).contains(FileType.M4A);
        assertThat(FileType.detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, 4)).contains(FileType.WEBM);
        assertThat(FileType.detect(bytes("ID3\u0004"), 4)).contains(FileType.MP3);
        assertThat(FileType.detect(bytes("OggS"), 4)).contains(FileType.OGG);
        assertThat(FileType.detect(bytes("%PDF-1.7"), 8)).contains(FileType.PDF);
        assertThat(FileType.detect(bytes("WEBVTT\n"), 7)).contains(FileType.WEBVTT);
        assertThat(FileType.detect(bytes("<html>hello"), 11)).isEmpty();
        assertThat(FileType.detect(bytes("WEBVTTX"), 7)).isEmpty();
    }

    @Test
    void subRipFromAMeetingToolBecomesWebVttThePlayerReads() throws Exception {
        String srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:03,500\r\nBuenos días, equipo.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,250\r\n"
                + "Empezamos con el árbol\r\nde problemas.\r\n";
        byte[] head = srt.getBytes(StandardCharsets.UTF_8);
        assertThat(FileType.detect(head, FileType.HEAD)).contains(FileType.SRT);
        assertThat(MediaKind.CAPTIONS.accepts(FileType.SRT)).isTrue();
        assertThat(MediaKind.CHAPTERS.accepts(FileType.SRT)).isFalse();
        var cues = WebVtt.parse(WebVtt.fromSrt(srt));
        assertThat(cues).hasSize(2);
        assertThat(cues.get(0).start()).isEqualTo(1.0);
        assertThat(cues.get(1).end()).isEqualTo(6.25);
        assertThat(cues.get(1).text()).isEqualTo("Empezamos con el árbol de problemas.");
        assertThat(FileType.detect(bytes("12ab\n00:00"), 10)).as("not a cue number").isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
