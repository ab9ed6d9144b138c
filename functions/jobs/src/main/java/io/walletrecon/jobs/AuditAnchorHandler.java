package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.audit.AuditAnchor;
import io.walletrecon.audit.AuditAnchors;
import jakarta.inject.Named;

import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=audit-anchor}: writes an anchor of the audit chain's head to the documents bucket
 * (and the log). Any event does: a schedule's input carries no options for it.
 */
@Named("audit-anchor")
public class AuditAnchorHandler implements RequestHandler<Map<String, Object>, AuditAnchor> {

    private final AuditAnchors anchors;

    public AuditAnchorHandler(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Override
    public AuditAnchor handleRequest(Map<String, Object> event, Context context) {
        return anchors.anchor();
    }
}
