package org.innovadores.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.innovadores.program.Localized;
import org.innovadores.program.ModuleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits a package meets before it is read: bombs, hostile names, too many entries, too much expanded. */
class PackageCheckTest {

    @TempDir
    Path dir;

    private static final String MANIFEST = "{\"entries\":[{\"name\":\"program.json\",\"sha256\":\"00\",\"size\":1024}],"
            + "\"format\":\"innovadores-program-package\",\"formatVersion\":1,\"recordingFiles\":false,\"title\":\"x\"}";

    @Test
    void aZipBombStopsAtTheFirstByteBeyondWhatTheManifestDeclares() throws Exception {
        // 200 MiB of zeros behind a manifest that declares 1 KiB: refused after reading 1 KiB + 1 byte.
        Path bomb = zip("bomb.zip", out -> {
            out.putNextEntry(new ZipEntry("program.json"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) out.write(zeros);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        });
        PackageCheck.Checked checked = PackageCheck.check(bomb, 1L << 30);
        assertThat(keys(checked)).containsExactly("continuity.problem.checksum");
    }

    @Test
    void declaredSizesBeyondTheLimitAreRefusedBeforeReadingAnything() throws Exception {
        Path big = zip("big.zip", out -> {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(MANIFEST.replace("1024", "99999999999").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        });
        assertThat(keys(PackageCheck.check(big, 1L << 30))).containsExactly("continuity.problem.tooBig");
    }

    @Test
    void namesThatClimbOutOrStartAtTheRootAreRefused() throws Exception {
        for (String name : List.of("../evil.txt", "/etc/passwd", "modules/../../x", "a\\b.txt", "C:/x.txt", ".hidden")) {
            Path slip = zip("slip.zip", out -> {
                out.putNextEntry(new ZipEntry(name));
                out.write(1);
                out.closeEntry();
            });
            assertThat(keys(PackageCheck.check(slip, 1L << 30))).as(name).containsExactly("continuity.problem.entryName");
        }
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() throws Exception {
        Path many = zip("many.zip", out -> {
            for (int i = 0; i <= PackageCheck.MAX_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry("e" + i));
                out.closeEntry();
            }
        });
        assertThat(keys(PackageCheck.check(many, 1L << 30))).containsExactly("continuity.problem.entries");
    }

    @Test
    void anythingElseIsNotAPackage() throws Exception {
        Path text = dir.resolve("not.zip");
        Files.writeString(text, "hola");
        assertThat(keys(PackageCheck.check(text, 1L << 30))).containsExactly("continuity.problem.notZip");
        Path empty = zip("empty.zip", out -> {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.closeEntry();
        });
        assertThat(keys(PackageCheck.check(empty, 1L << 30))).containsExactly("continuity.problem.noManifest");
    }

    @Test
    void theNextCohortsWorkshopsComeWithoutTheLastCohortsDatesAndMeetingLinks() {
        ModuleContent.Workshop held = new ModuleContent.Workshop("taller-1", Localized.of("Taller", "Workshop"), Localized.of("a", "b"),
                "2026-03-10", "Irene", "09:00", "11:00", "Sala 2", "https://meet.example/abc", Localized.of("notas", "notes"));
        ModuleContent content = new ModuleContent(Localized.of("M", "M"), Localized.empty(), List.of(), List.of(held), List.of(), 80);
        ModuleContent.Workshop next = ContinuityResource.undated(content).workshops().getFirst();
        assertThat(List.of(next.date(), next.time(), next.end(), next.link())).containsOnly("");
        assertThat(List.of(next.place(), next.facilitators())).containsExactly("Sala 2", "Irene");
        assertThat(next.notes()).isEqualTo(held.notes());
        assertThat(ContinuityResource.undated(content).points()).isEqualTo(80);
    }

    interface Writer {
        void write(ZipOutputStream out) throws Exception;
    }

    private Path zip(String name, Writer writer) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(raw)) {
            writer.write(out);
        }
        return file;
    }

    private static List<String> keys(PackageCheck.Checked checked) {
        return checked.problems().stream().map(PackageCheck.Problem::key).distinct().toList();
    }
}
