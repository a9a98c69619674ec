package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.innovadores.recordings.Links.Provider;
import org.junit.jupiter.api.Test;

/** Where linked recordings live and how each is shown. */
class LinksTest {

    @Test
    void embeddableProvidersGetTheirPlayers() {
        assertThat(Links.show("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42").embedUrl())
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1");
        assertThat(Links.show("https://youtu.be/dQw4w9WgXcQ").embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1");
        assertThat(Links.show("https://www.youtube.com/live/dQw4w9WgXcQ?si=x").provider()).isEqualTo(Provider.YOUTUBE);
        assertThat(Links.show("https://vimeo.com/123456789").embedUrl()).isEqualTo("https://player.vimeo.com/video/123456789");
        assertThat(Links.show("https://drive.google.com/file/d/1AbC_dEf-123/view?usp=sharing").embedUrl())
                .isEqualTo("https://drive.google.com/file/d/1AbC_dEf-123/preview");
        assertThat(Links.show("https://gob.hosted.panopto.com/Panopto/Pages/Viewer.aspx?id=0b5c2c1e-5f4a-4a86-9a52-b1a400f3e4d1").embedUrl())
                .isEqualTo("https://gob.hosted.panopto.com/Panopto/Pages/Embed.aspx?id=0b5c2c1e-5f4a-4a86-9a52-b1a400f3e4d1");
    }

    @Test
    void othersPlayDirectlyOrLinkOut() {
        assertThat(Links.show("https://cdn.example.gob.py/talleres/taller-3.mp4").mediaUrl()).isEqualTo("https://cdn.example.gob.py/talleres/taller-3.mp4");
        Links.Shown kaltura = Links.show("https://mediaspace.kaltura.com/media/Taller+3/1_abcd1234");
        assertThat(kaltura.provider()).isEqualTo(Provider.KALTURA);
        assertThat(kaltura.embedUrl()).isNull();
        assertThat(Links.show("https://www.youtube.com/watch?v=notAnId").provider()).isEqualTo(Provider.OTHER);
        assertThat(Links.show("https://example.org/page").provider()).isEqualTo(Provider.OTHER);
    }

    @Test
    void onlyCompleteHttpsLinksWithoutCredentials() {
        assertThat(Links.valid("http://example.org/x.mp4")).isEmpty();
        assertThat(Links.valid("javascript:alert(1)")).isEmpty();
        assertThat(Links.valid("https://user:pass@example.org/x")).isEmpty();
        assertThat(Links.valid("//example.org/x")).isEmpty();
        assertThat(Links.valid("https://example.org/x")).isPresent();
    }
}
