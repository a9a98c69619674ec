package org.innovadores.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3-compatible object store for media ({@code media.store=s3}): recordings, renditions and
 * attachments live there instead of under {@code media.dir}, so instances share no disk, and the
 * bytes reach browsers through short-lived presigned URLs rather than through the tool. Endpoint,
 * region, bucket and credentials come from the environment; without keys the SDK's default chain
 * applies (environment, web identity, instance profile). Checksums are computed only where the API
 * requires them: S3-compatible stores other than AWS do not all take the SDK's trailing checksums.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    /** Parts of a file the tool sends itself (a rendition, a migrated recording): S3 allows 10 000 per object. */
    static final long PUT_PART = 64L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "media.store", defaultValue = "file")
    String kind;

    @Inject
    @ConfigProperty(name = "media.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "media.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "media.s3.bucket")
    Optional<String> bucket;

    @Inject
    @ConfigProperty(name = "media.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "media.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "media.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "media.s3.url-lifetime", defaultValue = "PT5M")
    Duration urlLifetime;

    private S3Client client;
    private S3Presigner presigner;
    private String name;

    /** What an object holds, as the store reports it. */
    public record Stored(long size, Map<String, String> metadata) {
    }

    @PostConstruct
    void connect() {
        if (!enabled()) return;
        if (!"s3".equals(kind.strip())) throw new IllegalStateException("media.store is 'file' or 's3', not '" + kind + "'");
        name = bucket.filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException("media.store=s3 needs media.s3.bucket"));
        AwsCredentialsProvider credentials = accessKey.isPresent() && secretKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration service = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region))
                .credentialsProvider(credentials).serviceConfiguration(service)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials).serviceConfiguration(service);
        endpoint.filter(e -> !e.isBlank()).map(URI::create).ifPresent(uri -> {
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalStateException("media.s3.endpoint must be an http(s) URL");
            }
            builder.endpointOverride(uri);
            presign.endpointOverride(uri);
        });
        client = builder.build();
        presigner = presign.build();
        try {
            client.headBucket(b -> b.bucket(name));
        } catch (S3Exception missing) {
            if (missing.statusCode() != 404) throw missing;
            client.createBucket(b -> b.bucket(name));
            LOG.info(() -> "Created the media bucket " + name);
        }
        LOG.info(() -> "Media kept in the object store's bucket " + name + endpoint.map(e -> " at " + e).orElse(""));
    }

    @PreDestroy
    void close() {
        if (client != null) client.close();
        if (presigner != null) presigner.close();
    }

    public boolean enabled() {
        return !"file".equals(kind.strip());
    }

    /** Stores a file under the key; large files go in parts, each read from disk as it is sent. */
    public void put(String key, Path file, String contentType, Map<String, String> metadata) {
        long size = size(file);
        if (size <= PUT_PART) {
            client.putObject(r -> r.bucket(name).key(key).contentType(contentType).metadata(metadata), RequestBody.fromFile(file));
            return;
        }
        String upload = client.createMultipartUpload(r -> r.bucket(name).key(key).contentType(contentType).metadata(metadata)).uploadId();
        try {
            for (int number = 1; (long) (number - 1) * PUT_PART < size; number++) {
                long from = (number - 1) * PUT_PART;
                long length = Math.min(PUT_PART, size - from);
                int n = number;
                client.uploadPart(r -> r.bucket(name).key(key).uploadId(upload).partNumber(n).contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(file, from, length), length, contentType));
            }
            complete(key, upload);
        } catch (RuntimeException failed) {
            abort(key, upload);
            throw failed;
        }
    }

    public InputStream open(String key) {
        return client.getObject(r -> r.bucket(name).key(key));
    }

    public Optional<Stored> head(String key) {
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(name).key(key));
            return Optional.of(new Stored(head.contentLength(), head.metadata()));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (S3Exception other) {
            if (other.statusCode() == 404) return Optional.empty();
            throw other;
        }
    }

    public void delete(String key) {
        client.deleteObject(r -> r.bucket(name).key(key));
    }

    /**
     * A URL that fetches this one object for {@code media.s3.url-lifetime}, answered with the given
     * type and disposition; Range works on it as on any S3 GET.
     */
    public URI presigned(String key, String contentType, String disposition) {
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(urlLifetime)
                .getObjectRequest(g -> g.bucket(name).key(key).responseContentType(contentType)
                        .responseContentDisposition(disposition).responseCacheControl("private, max-age=300")))
                .url().toString());
    }

    public Duration urlLifetime() {
        return urlLifetime;
    }

    // Multipart uploads: how a resumable upload reaches the store one part at a time from any instance.

    public String begin(String key, String contentType) {
        return client.createMultipartUpload(r -> r.bucket(name).key(key).contentType(contentType)).uploadId();
    }

    public void part(String key, String upload, int number, Path file) {
        client.uploadPart(r -> r.bucket(name).key(key).uploadId(upload).partNumber(number).contentLength(size(file)),
                RequestBody.fromFile(file));
    }

    /** Completes with the parts the store holds, in order: the object appears whole or not at all. */
    public void complete(String key, String upload) {
        List<CompletedPart> parts = new ArrayList<>();
        for (Part part : client.listPartsPaginator(r -> r.bucket(name).key(key).uploadId(upload)).parts()) {
            parts.add(CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build());
        }
        client.completeMultipartUpload(r -> r.bucket(name).key(key).uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    public void abort(String key, String upload) {
        try {
            client.abortMultipartUpload(r -> r.bucket(name).key(key).uploadId(upload));
        } catch (S3Exception gone) {
            if (gone.statusCode() != 404) throw gone;
        }
    }

    /** Aborts multipart uploads under the prefix started before the moment but those to keep (a crashed instance's, an abandoned one's). */
    public int abortStartedBefore(String prefix, Instant before, java.util.Set<String> keep) {
        int aborted = 0;
        for (MultipartUpload started : client.listMultipartUploadsPaginator(r -> r.bucket(name).prefix(prefix)).uploads()) {
            if (!keep.contains(started.uploadId()) && started.initiated() != null && started.initiated().isBefore(before)) {
                abort(started.key(), started.uploadId());
                aborted++;
            }
        }
        return aborted;
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(from);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) return -1;
                    int b = super.read();
                    if (b >= 0) left--;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    if (left <= 0) return -1;
                    int n = super.read(buffer, offset, (int) Math.min(count, left));
                    if (n > 0) left -= n;
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
