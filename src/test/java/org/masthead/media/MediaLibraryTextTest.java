package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaLibraryTextTest {

    @Test
    void keepsOnlyTheLastSegmentOfAFileNameWithoutControlOrBidiCharacters() {
        assertThat(MediaLibrary.displayName("C:\\Users\\张三\\Desktop\\发布会.jpg")).isEqualTo("发布会.jpg");
        assertThat(MediaLibrary.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaLibrary.displayName("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
        assertThat(MediaLibrary.displayName("<script>.png")).isEqualTo("script.png");
        assertThat(MediaLibrary.displayName("..")).isEqualTo("image");
        assertThat(MediaLibrary.displayName(null)).isEqualTo("image");
        assertThat(MediaLibrary.displayName("长".repeat(500))).hasSize(120);
    }

    @Test
    void altTextIsOneLineOfAtMost300Characters() {
        assertThat(MediaLibrary.cleanAlt("  海边\n\t日落 \u0000 ")).isEqualTo("海边 日落");
        assertThat(MediaLibrary.cleanAlt("字".repeat(400))).hasSize(300);
        assertThat(MediaLibrary.cleanAlt(null)).isEmpty();
    }

    @Test
    void namesFilesByHashWithTheirFolder() {
        String hash = MediaLibrary.sha256(new byte[] {1, 2, 3});
        assertThat(hash).hasSize(64);
        assertThat(MediaLibrary.key(hash, 640, ImageEncoding.Output.JPEG)).isEqualTo(hash.substring(0, 2) + "/" + hash + "-640.jpg");
        assertThat(MediaLibrary.key(hash, 0, ImageEncoding.Output.PNG)).isEqualTo(hash.substring(0, 2) + "/" + hash + ".png");
        assertThat(MediaLibrary.readableSize(10 * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(MediaLibrary.readableSize(300 * 1024)).isEqualTo("300 KB");
    }
}
