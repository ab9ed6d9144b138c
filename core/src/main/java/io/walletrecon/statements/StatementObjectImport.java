package io.walletrecon.statements;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Imports a statement file that landed in the statements bucket. The object key names the account:
 * {@code [statements/]<account-code>/<file name>}. A file the import rejects (4xx: malformed, does not add up, no
 * such account) is reported and not retried, since retrying cannot fix it; anything else propagates so that
 * Lambda's retry and dead-letter handling take over.
 */
@ApplicationScoped
public class StatementObjectImport {

    private static final Logger LOG = Logger.getLogger(StatementObjectImport.class);

    private final ObjectStore store;
    private final StatementImportService service;

    public StatementObjectImport(ObjectStore store, StatementImportService service) {
        this.store = store;
        this.service = service;
    }

    @RegisterForReflection
    public record Outcome(String bucket, String key, String status, Long statementId, Long inserted, String detail) {
    }

    /** {@code rawKey} as S3 events carry it: URL-encoded, spaces as '+'. */
    public Outcome importObject(String bucket, String rawKey) {
        String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        String[] parts = key.split("/");
        int first = parts.length > 0 && parts[0].equals("statements") ? 1 : 0;
        if (parts.length - first < 2) {
            return rejected(bucket, key, "the object key must be [statements/]<account-code>/<file name>");
        }
        String account = parts[first];
        String fileName = parts[parts.length - 1];
        try (InputStream in = store.open(bucket, key)) {
            StatementImportResult r = service.importStream(account, in, fileName, null, "s3:" + bucket);
            return new Outcome(bucket, key, r.created() ? "imported" : "duplicate", r.statementId(), r.inserted(),
                    null);
        } catch (ApiException e) {
            if (e.type().status >= 500) {
                throw e;
            }
            return rejected(bucket, key, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    private static Outcome rejected(String bucket, String key, String detail) {
        LOG.warnf("statement s3://%s/%s rejected: %s", bucket, key, detail);
        return new Outcome(bucket, key, "rejected", null, null, detail);
    }
}
