package io.walletrecon.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the S3 client and presigner from {@link StorageConfig}; both are thread-safe and meant to be shared. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client client(StorageConfig config) {
        // The URLConnection client: no Apache or Netty on the classpath, small and native-friendly for Lambda.
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(config.pathStyle());
        config.region().map(Region::of).ifPresent(b::region);
        config.endpoint().ifPresent(b::endpointOverride);
        credentials(config, b::credentialsProvider);
        return b.build();
    }

    public static S3Presigner presigner(StorageConfig config) {
        S3Presigner.Builder b = S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        config.region().map(Region::of).ifPresent(b::region);
        config.endpoint().ifPresent(b::endpointOverride);
        credentials(config, b::credentialsProvider);
        return b.build();
    }

    private static void credentials(StorageConfig config, java.util.function.Consumer<StaticCredentialsProvider> to) {
        if (config.accessKeyId().isPresent() != config.secretAccessKey().isPresent()) {
            throw new IllegalStateException(
                    "walletrecon.storage.access-key-id and secret-access-key go together; set both or neither");
        }
        if (config.accessKeyId().isPresent()) {
            to.accept(StaticCredentialsProvider
                    .create(AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get())));
        }
    }
}
