package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.BenchmarkFiles;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.ExerciseFiller;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.TestDatabase;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/admin backup while the tool runs, then restore into a fresh database and empty folders, and
 * a new instance on them shows the course as it was: the team, the exercise with what was written,
 * the recording byte for byte. A restore into a database that already has the tool's tables changes
 * nothing and says so; a backup whose files changed is refused.
 */
class BackupIT {

    static final Path WORK = Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath();
    static String previousPort = System.getProperty("it.http.port");

    @AfterAll
    static void restorePort() {
        if (previousPort == null) System.clearProperty("it.http.port");
        else System.setProperty("it.http.port", previousPort);
    }

    @Test
    void aBackupRestoredIntoAFreshInstanceShowsTheCourseAsItWas() throws Exception {
        Path source = fresh(WORK.resolve("data-backup-source"));
        Path target = fresh(WORK.resolve("data-backup-target"));
        Path backup = fresh(WORK.resolve("backup"));
        TestDatabase.freshDatabase("backup_source");
        TestDatabase.freshDatabase("backup_target");

        Map<String, String> before = new LinkedHashMap<>();
        byte[] recording;
        String exercise;
        String team;
        String asset;
        Tenant tenant;
        try (PayaraProcess tool = start("backup_source", source)) {
            tenant = CoursePerson.registered("backup");
            CoursePerson teacher = CoursePerson.seen(CoursePerson.launch(tenant, "b-irene", "Irene Instructora", CoursePerson.INSTRUCTOR, "backup-course"));
            CoursePerson ana = CoursePerson.seen(CoursePerson.launch(tenant, "b-ana", "Ana Aguilar", CoursePerson.LEARNER, "backup-course"));
            team = CoursePerson.team(teacher, "Equipo Respaldo", "b-ana");
            exercise = CoursePerson.location(ana.post("/course/teams/" + team + "/exercises",
                    Map.of("module", "exploracion-institucional", "template", "arbol-de-problemas")));
            exercise = exercise.substring(0, exercise.indexOf('?'));
            CoursePerson.location(ana.post(exercise, ExerciseFiller.filled(ana.page(exercise))));
            Path file = BenchmarkFiles.file(WORK.resolve("backup-recording.mp4"), 3L * 1024 * 1024);
            recording = Files.readAllBytes(file);
            asset = BenchmarkFiles.upload(tool.baseUrl(), teacher.token(), "taller.mp4", file, recording.length, 8L * 1024 * 1024);
            before.put("exercise", main(ana, exercise));
            before.put("teams", main(teacher, "/course/teams"));
            before.put("workspace", main(ana, "/course/teams/" + team));

            // Online: the tool keeps running while pg_dump reads a consistent snapshot.
            assertThat(admin(source, "backup_source", "backup", backup.toString())).isZero();
        }
        assertThat(Files.readAllLines(backup.resolve("SHA256SUMS"))).hasSize(3);

        assertThat(admin(target, "backup_target", "restore", backup.toString())).isZero();
        try (PayaraProcess tool = start("backup_target", target)) {
            CoursePerson teacher = CoursePerson.launch(tenant, "b-irene", "Irene Instructora", CoursePerson.INSTRUCTOR, "backup-course");
            CoursePerson ana = CoursePerson.launch(tenant, "b-ana", "Ana Aguilar", CoursePerson.LEARNER, "backup-course");
            assertThat(main(ana, exercise)).isEqualTo(before.get("exercise"));
            assertThat(main(teacher, "/course/teams")).isEqualTo(before.get("teams"));
            assertThat(main(ana, "/course/teams/" + team)).isEqualTo(before.get("workspace"));
            HttpResponse<byte[]> media = ToolHttp.CLIENT.send(HttpRequest.newBuilder(java.net.URI.create(
                    tool.baseUrl() + "/course/media/" + asset + "?s=" + ana.token())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(media.statusCode()).isEqualTo(200);
            assertThat(media.body()).as("the recording, byte for byte").isEqualTo(recording);
        }

        // Again into the restored database: refused, in one transaction, nothing changed.
        Path other = fresh(WORK.resolve("data-backup-other"));
        assertThat(admin(other, "backup_target", "restore", backup.toString())).as("a database that has the tables already").isNotZero();
        // A backup whose dump changed is refused before anything is touched.
        Files.write(backup.resolve("database.dump"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(admin(fresh(WORK.resolve("data-backup-changed")), "backup_target", "restore", backup.toString())).isNotZero();
    }

    private static PayaraProcess start(String database, Path data) {
        int port = FreePort.any();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/" + database));
        settings.put("data.dir", data.toString());
        PayaraProcess tool = PayaraProcess.startReady(port, settings);
        System.setProperty("it.http.port", String.valueOf(port));
        return tool;
    }

    /** The words of a page's main element, as a person reads them. */
    private static String main(CoursePerson person, String path) {
        HttpResponse<String> page = person.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body()).selectFirst("main").text();
    }

    private static int admin(Path data, String database, String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("project.dir", "."), "deploy", "admin").toString()));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment().put("DB_URL", TestDatabase.jdbcUrl().replace("/postgres", "/" + database));
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("DB_PASSWORD", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("deploy/admin " + String.join(" ", command) + ": " + out.strip());
        return process.exitValue();
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        return Files.createDirectories(dir);
    }
}
