package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.background.BackgroundConfig;
import io.walletrecon.background.BackgroundJob;
import io.walletrecon.background.BackgroundJobs;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=background-work}: the S3 ObjectCreated event of a job object
 * ({@code jobs/<kind>/<id>}, see {@link BackgroundJob}) that the HTTP function put when a person started a matching
 * run or an export. Runs each job to its end in this invocation and returns what became of it. A key that names no
 * job fails the invocation (the function's Errors alarm).
 */
@Named("background-work")
public class BackgroundWorkHandler implements RequestHandler<Map<String, Object>, List<BackgroundWorkHandler.Outcome>> {

    /** One job of the event and the state it ended in. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Outcome(String kind, String id, String state) {
    }

    private final BackgroundJobs jobs;
    private final BackgroundConfig config;

    public BackgroundWorkHandler(BackgroundJobs jobs, BackgroundConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    @Override
    public List<Outcome> handleRequest(Map<String, Object> event, Context context) {
        if (event == null || !(event.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("not an S3 event: no Records");
        }
        List<BackgroundJob> parsed = new ArrayList<>();
        for (Object record : records) {
            Map<?, ?> s3 = map(map(record).get("s3"));
            Object key = map(s3.get("object")).get("key");
            parsed.add(BackgroundJob.fromObjectKey(config.prefix(), key == null ? null : key.toString()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (BackgroundJob job : parsed) {
            outcomes.add(new Outcome(job.kind().code(), job.id(), jobs.run(job)));
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
