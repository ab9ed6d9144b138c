package io.walletrecon.storage;

import io.walletrecon.dispatch.DispatchConfig;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.exports.ExportStorage;
import io.walletrecon.reports.exports.FileSystemExportStorage;
import io.walletrecon.reports.exports.S3ExportStorage;
import io.walletrecon.statements.FileSystemObjectStore;
import io.walletrecon.statements.ObjectStore;
import io.walletrecon.statements.S3ObjectStore;
import io.walletrecon.statements.StatementsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.nio.file.Path;

/**
 * Chooses the storages (statement files, report exports, bank files) at run time from {@code walletrecon.storage.kind},
 * so one build (and one native binary)
 * serves both the server (filesystem) and the Lambda functions (s3). The S3 client and presigner are
 * application-scoped proxies: they are only built when an S3 storage first uses them.
 */
@ApplicationScoped
public class StorageProducers {

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(StorageConfig storage, StatementsConfig statements, S3Client s3) {
        return storage.kind() == StorageConfig.Kind.S3 ? new S3ObjectStore(s3) : new FileSystemObjectStore(statements);
    }

    @Produces
    @ApplicationScoped
    ExportStorage exportStorage(StorageConfig storage, ReportsConfig reports, S3Client s3, S3Presigner presigner) {
        if (storage.kind() != StorageConfig.Kind.S3) {
            return new FileSystemExportStorage(reports);
        }
        return new S3ExportStorage(s3, presigner, bucket(storage), storage.exportsPrefix());
    }

    @Produces
    @ApplicationScoped
    BankFileOutbox bankFileOutbox(StorageConfig storage, DispatchConfig dispatch, S3Client s3) {
        if (storage.kind() != StorageConfig.Kind.S3) {
            return new FileSystemBankFileOutbox(Path.of(dispatch.bankFile().directory()));
        }
        return new S3BankFileOutbox(s3, bucket(storage), storage.bankFilesPrefix());
    }

    private static String bucket(StorageConfig storage) {
        return storage.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                "walletrecon.storage.kind=s3 needs the documents bucket: set WALLETRECON_DOCUMENTS_BUCKET"));
    }

    @Produces
    @ApplicationScoped
    S3Client s3Client(StorageConfig storage) {
        return S3Clients.client(storage);
    }

    @Produces
    @ApplicationScoped
    S3Presigner s3Presigner(StorageConfig storage) {
        return S3Clients.presigner(storage);
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }

    void close(@Disposes S3Presigner presigner) {
        presigner.close();
    }
}
