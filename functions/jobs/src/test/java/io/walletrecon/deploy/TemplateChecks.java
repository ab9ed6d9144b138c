package io.walletrecon.deploy;

import io.walletrecon.deploy.CodeFacts.CodeRoute;
import io.walletrecon.deploy.CodeFacts.Handler;
import io.walletrecon.deploy.SamTemplate.Function;
import io.walletrecon.deploy.SamTemplate.Route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares infra/template.yaml with the code and names every gap in words a person can act on. Code to template:
 * every handler has a function, every route is routed (with the right authorizer), every required environment
 * variable is set. Template to code: every handler name and route prefix exists in the code, or belongs to a
 * feature still being built ({@link #PENDING_HANDLERS}, {@link #PENDING_PREFIXES}) — this catches typos.
 */
final class TemplateChecks {

    /**
     * Handlers the template wires for features being built on other branches. Remove a name once its handler is
     * merged: from then on a renamed or deleted handler fails this check instead of leaving a dead function.
     */
    static final Set<String> PENDING_HANDLERS = Set.of();

    /**
     * Route prefixes the template wires ahead of their resources (same rule as above), and framework routes that
     * no JAX-RS resource of ours declares.
     */
    static final Set<String> PENDING_PREFIXES = Set.of("/q/openapi");

    /**
     * Files the application serves without a resource method (core's {@code META-INF/resources/assets}, the webjars
     * through quarkus-web-dependency-locator): their routes match no method and carry no JWT authorizer.
     */
    static final Set<String> STATIC_PREFIXES = Set.of("/assets", "/webjars");

    private TemplateChecks() {
    }

    static List<String> problems(SamTemplate template, CodeFacts code) {
        List<String> problems = new ArrayList<>();
        handlers(template, code, problems);
        schedules(template, code, problems);
        routes(template, code, problems);
        environment(template, code, problems);
        return problems;
    }

    private static void handlers(SamTemplate template, CodeFacts code, List<String> problems) {
        for (Handler handler : code.handlers()) {
            if (!CodeFacts.FUNCTION_MODULES.contains(handler.module())) {
                problems.add("handler '" + handler.name() + "' (" + handler.className() + ") lives in module "
                        + handler.module()
                        + ", which is not deployed as a function: move it to functions/jobs");
                continue;
            }
            boolean wired = template.functions().stream()
                    .anyMatch(f -> f.module().equals(handler.module()) && handler.name().equals(f.handler()));
            if (!wired) {
                problems.add("handler '" + handler.name() + "' (" + handler.className()
                        + ") has no function in infra/template.yaml: add an "
                        + "AWS::Serverless::Function with CodeUri ../functions/" + handler.module()
                        + "/target/function.zip and Environment.Variables.QUARKUS_LAMBDA_HANDLER: " + handler.name());
            }
        }
        for (Function function : template.functions()) {
            if (!function.module().equals("jobs")) {
                continue;
            }
            String name = function.handler();
            if (name == null || name.isBlank()) {
                problems.add("function " + function.logicalId()
                        + " deploys functions/jobs without QUARKUS_LAMBDA_HANDLER: it would run "
                        + "the default handler; set the handler it is meant to run");
            } else if (code.handlers().stream().noneMatch(h -> h.name().equals(name))
                    && !PENDING_HANDLERS.contains(name)) {
                problems.add("function " + function.logicalId() + " runs QUARKUS_LAMBDA_HANDLER=" + name
                        + " but no @Named(\"" + name + "\") RequestHandler exists in the code");
            }
        }
    }

    /**
     * Every schedule input of every function, read the way the Lambda runtime reads it into its handler's input type
     * (the handler's event contract, e.g. {@code MatchingTrigger}): a value the contract refuses is a problem. A
     * handler
     * that takes a raw map reads nothing from its event; an input that sends it a {@code detail} would be ignored.
     */
    private static void schedules(SamTemplate template, CodeFacts code, List<String> problems) {
        for (Function function : template.functions()) {
            for (SamTemplate.Schedule schedule : function.schedules()) {
                Handler handler = code.handlers().stream().filter(h -> h.name().equals(function.handler())).findFirst()
                        .orElse(null);
                if (handler == null) {
                    continue; // reported by handlers()
                }
                if (schedule.input() == null) {
                    problems.add("schedule " + schedule + " sends no Input: set the event its handler '"
                            + handler.name() + "' reads");
                    continue;
                }
                ScheduleInputs.check(handler.className(), schedule.input())
                        .ifPresent(problem -> problems.add("schedule " + schedule + " sends " + schedule.input()
                                + ", which handler '" + handler.name()
                                + "' (" + handler.className() + ") refuses: " + problem));
            }
        }
    }

    private static void routes(SamTemplate template, CodeFacts code, List<String> problems) {
        List<Route> httpRoutes = template.functions().stream().filter(f -> f.module().equals("http"))
                .flatMap(f -> f.routes().stream()).toList();
        for (Route route : template.routes()) {
            if (!route.onOurApi()) {
                problems.add("route " + route
                        + " has no ApiId: !Ref HttpApi, so SAM would put it on an implicit API without the JWT authorizer");
            }
        }
        for (Function function : template.functions()) {
            if (!function.module().equals("http") && !function.routes().isEmpty()) {
                problems.add(
                        "function " + function.logicalId() + " has HTTP routes but is not the functions/http build");
            }
        }
        for (CodeRoute codeRoute : code.routes()) {
            if (!codeRoute.module().equals("core") && !codeRoute.module().equals("http")) {
                problems.add("route " + codeRoute + " is in module " + codeRoute.module()
                        + ", which no HTTP function serves: "
                        + "move the resource to core");
                continue;
            }
            Optional<Route> served = bestMatch(httpRoutes, codeRoute);
            if (served.isEmpty()) {
                problems.add("route " + codeRoute + " is not routed in infra/template.yaml: add an HttpApi event on "
                        + "FinanceApiFunction (or WebhookIntakeFunction for /webhooks) whose Path covers "
                        + codeRoute.path());
            } else if (served.get().authenticated() != codeRoute.authenticated()) {
                problems.add("route " + codeRoute + " is "
                        + (codeRoute.authenticated() ? "secured (@RolesAllowed)" : "@PermitAll")
                        + " but " + served.get() + (served.get().authenticated()
                                ? " puts the JWT authorizer in front of it: set Auth: {Authorizer: NONE}"
                                : " has Auth: {Authorizer: NONE}: remove it so the JWT authorizer applies"));
            }
        }
        for (Route route : httpRoutes) {
            boolean used = code.routes().stream().anyMatch(c -> covers(route, c));
            boolean pending = PENDING_PREFIXES.stream()
                    .anyMatch(p -> route.path().equals(p) || route.path().startsWith(p + "/"))
                    || STATIC_PREFIXES.stream()
                            .anyMatch(p -> route.path().startsWith(p + "/") && !route.authenticated());
            if (!used && !pending) {
                problems.add("route " + route + " matches no resource method in the code: remove it or fix its path");
            }
        }
    }

    private static void environment(SamTemplate template, CodeFacts code, List<String> problems) {
        for (Function function : template.functions()) {
            for (String variable : code.requiredEnvironment().getOrDefault(function.module(), Set.of())) {
                Object value = function.environment().get(variable);
                if (value == null || value.toString().isBlank()) {
                    problems.add("function " + function.logicalId() + " lacks environment variable " + variable
                            + ", which the functions/" + function.module()
                            + " configuration requires (no default): set it in "
                            + "Globals.Function.Environment.Variables or on the function");
                }
            }
        }
    }

    /**
     * The route API Gateway would choose: literal segments beat {param}, {param} beats {proxy+}, a method beats ANY.
     */
    static Optional<Route> bestMatch(List<Route> routes, CodeRoute codeRoute) {
        return routes.stream().filter(r -> covers(r, codeRoute))
                .min(Comparator.comparing((Route r) -> r.path().endsWith("+}"))
                        .thenComparing(r -> -literalSegments(r.path()))
                        .thenComparing(r -> r.method().equals("ANY")));
    }

    static boolean covers(Route route, CodeRoute codeRoute) {
        boolean methodMatches = route.method().equals("ANY") || route.method().equals(codeRoute.method())
                || codeRoute.method().equals("ANY") && route.path().endsWith("+}");
        return methodMatches && pathCovers(route.path(), codeRoute.path());
    }

    /**
     * HTTP API path matching: a literal matches itself, {x} one segment, a trailing {x+} one or more segments. A
     * parameter segment of the code ({code}) is only covered by a parameter of the route.
     */
    static boolean pathCovers(String routePath, String codePath) {
        String[] route = segments(routePath);
        String[] path = segments(codePath);
        for (int i = 0; i < route.length; i++) {
            if (route[i].endsWith("+}")) {
                return i == route.length - 1 && path.length > i;
            }
            if (i >= path.length) {
                return false;
            }
            boolean routeParam = route[i].startsWith("{");
            boolean pathParam = path[i].startsWith("{");
            if (!routeParam && (pathParam || !Objects.equals(route[i], path[i]))) {
                return false;
            }
        }
        return route.length == path.length;
    }

    private static long literalSegments(String path) {
        return java.util.Arrays.stream(segments(path)).filter(s -> !s.startsWith("{")).count();
    }

    private static String[] segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
