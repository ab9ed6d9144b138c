package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.statements.StatementObjectImport;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=statement-import}: an S3 "ObjectCreated" event on the statements bucket. Reads
 * {@code Records[].s3.bucket.name} and {@code Records[].s3.object.key} and imports each object through the same
 * service as {@code POST /statements}.
 */
@Named("statement-import")
public class StatementImportHandler
        implements
            RequestHandler<Map<String, Object>, List<StatementObjectImport.Outcome>> {

    private final StatementObjectImport imports;

    public StatementImportHandler(StatementObjectImport imports) {
        this.imports = imports;
    }

    @Override
    public List<StatementObjectImport.Outcome> handleRequest(Map<String, Object> event, Context context) {
        List<StatementObjectImport.Outcome> outcomes = new ArrayList<>();
        Object records = event.get("Records");
        if (!(records instanceof List<?> list)) {
            throw new IllegalArgumentException("not an S3 event: no Records");
        }
        for (Object record : list) {
            Map<?, ?> s3 = map(map(record).get("s3"));
            String bucket = (String) map(s3.get("bucket")).get("name");
            String key = (String) map(s3.get("object")).get("key");
            if (bucket == null || key == null) {
                throw new IllegalArgumentException("S3 record without bucket name or object key");
            }
            outcomes.add(imports.importObject(bucket, key));
        }
        return outcomes;
    }

    private static Map<?, ?> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("not an S3 event record");
    }
}
