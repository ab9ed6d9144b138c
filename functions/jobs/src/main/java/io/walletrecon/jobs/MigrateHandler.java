package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.ops.SchemaMigration;
import io.walletrecon.ops.SchemaMigrationService;
import jakarta.inject.Named;

import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=migrate}: applies pending schema migrations, invoked once per release
 * ({@code aws lambda invoke --function-name walletrecon-<stage>-migrate out.json}, see infra/README.md).
 */
@Named("migrate")
public class MigrateHandler implements RequestHandler<Map<String, Object>, SchemaMigration> {

    private final SchemaMigrationService service;

    public MigrateHandler(SchemaMigrationService service) {
        this.service = service;
    }

    @Override
    public SchemaMigration handleRequest(Map<String, Object> event, Context context) {
        return service.migrate();
    }
}
