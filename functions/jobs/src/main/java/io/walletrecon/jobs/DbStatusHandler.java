package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.ops.DatabaseStatus;
import io.walletrecon.ops.DatabaseStatusService;
import jakarta.inject.Named;

import java.util.Map;

/** {@code QUARKUS_LAMBDA_HANDLER=db-status}: a smoke check that the function reaches its database. */
@Named("db-status")
public class DbStatusHandler implements RequestHandler<Map<String, Object>, DatabaseStatus> {

    private final DatabaseStatusService service;

    public DbStatusHandler(DatabaseStatusService service) {
        this.service = service;
    }

    @Override
    public DatabaseStatus handleRequest(Map<String, Object> event, Context context) {
        return ReactiveBridge.await(service::status);
    }
}
