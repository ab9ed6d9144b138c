package io.walletrecon.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What infra/template.yaml deploys, read with SnakeYAML: the functions (which build, which handler, which
 * environment, after Globals) and the HTTP API routes. Only what {@link TemplateChecks} compares with the code.
 */
record SamTemplate(List<Function> functions) {

    /** A short-form intrinsic function such as {@code !Ref X} or {@code !Sub '...'}: kept, never evaluated. */
    record Intrinsic(String name, Object argument) {
        @Override
        public String toString() {
            return "!" + name + " " + argument;
        }
    }

    /**
     * module: "http" or "jobs" (from CodeUri), or the CodeUri itself when it is neither. functions/intake counts as
     * "http": it serves a subset of core's resources (its WebhookIntakeApplication lists them).
     */
    record Function(String logicalId, String module, Map<String, Object> environment, List<Route> routes,
            List<Schedule> schedules) {
        String handler() {
            Object handler = environment.get("QUARKUS_LAMBDA_HANDLER");
            return handler instanceof String s ? s : null;
        }
    }

    /** A Schedule or ScheduleV2 event and the Input it sends the function (null when it sends none). */
    record Schedule(String function, String event, String input) {
        @Override
        public String toString() {
            return function + "." + event;
        }
    }

    /** An HttpApi event: method (or ANY), path with {param} and {proxy+}, and whether the JWT authorizer applies. */
    record Route(String function, String event, String method, String path, boolean authenticated, boolean onOurApi) {
        @Override
        public String toString() {
            return method + " " + path + " (" + function + "." + event + ")";
        }
    }

    static SamTemplate load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static SamTemplate parse(String yaml) {
        Map<String, Object> root = (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(yaml);
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> globalEnv = map(map(globals.get("Environment")).get("Variables"));
        List<Function> functions = new ArrayList<>();
        for (Map.Entry<String, Object> resource : map(root.get("Resources")).entrySet()) {
            Map<String, Object> body = map(resource.getValue());
            if (!"AWS::Serverless::Function".equals(body.get("Type"))) {
                continue;
            }
            String id = resource.getKey();
            Map<String, Object> properties = map(body.get("Properties"));
            Map<String, Object> environment = new LinkedHashMap<>(globalEnv);
            environment.putAll(map(map(properties.get("Environment")).get("Variables")));
            Object codeUri = properties.getOrDefault("CodeUri", globals.get("CodeUri"));
            List<Route> routes = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            for (Map.Entry<String, Object> event : map(properties.get("Events")).entrySet()) {
                Map<String, Object> e = map(event.getValue());
                if ("Schedule".equals(e.get("Type")) || "ScheduleV2".equals(e.get("Type"))) {
                    Object input = map(e.get("Properties")).get("Input");
                    schedules.add(new Schedule(id, event.getKey(), input == null ? null : input.toString()));
                    continue;
                }
                if (!"HttpApi".equals(e.get("Type"))) {
                    continue;
                }
                Map<String, Object> p = map(e.get("Properties"));
                Object authorizer = map(p.get("Auth")).get("Authorizer");
                boolean onOurApi = p.get("ApiId") instanceof Intrinsic ref && ref.name().equals("Ref");
                routes.add(new Route(id, event.getKey(), String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(),
                        String.valueOf(p.get("Path")), !"NONE".equals(authorizer), onOurApi));
            }
            functions.add(new Function(id, module(codeUri), environment, routes, schedules));
        }
        return new SamTemplate(functions);
    }

    List<Route> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    private static String module(Object codeUri) {
        String uri = String.valueOf(codeUri).replace('\\', '/');
        if (uri.contains("functions/http/") || uri.contains("functions/intake/")) {
            return "http";
        }
        if (uri.contains("functions/jobs/")) {
            return "jobs";
        }
        return uri;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Safe YAML plus CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...). */
    static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            // The fallback for tags SafeConstructor does not know; every CloudFormation tag is local ("!Name").
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!") || tag.startsWith("!!")) {
                        throw new IllegalArgumentException("unexpected YAML tag " + tag + " at " + node.getStartMark());
                    }
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = scalar.getValue();
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Intrinsic(tag.substring(1), argument);
                }
            });
        }
    }
}
