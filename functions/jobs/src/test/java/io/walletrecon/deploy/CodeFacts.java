package io.walletrecon.deploy;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the compiled code needs from a deployment, discovered rather than listed, so that the check keeps up with
 * every merged branch: the {@code @Named} Lambda handlers, the JAX-RS routes (with their security), and the
 * environment variables the production configuration cannot start without.
 *
 * <p>Sources, per module's {@code target/classes}: the classes (Jandex), {@code application.properties}, core's
 * {@code META-INF/microprofile-config.properties}, and {@code @ConfigMapping} interfaces.
 */
record CodeFacts(List<Handler> handlers, List<CodeRoute> routes, Map<String, Set<String>> requiredEnvironment) {

    /** A named Lambda handler and the module (artifact) it is packaged in. */
    record Handler(String name, String className, String module) {
    }

    /** One resource method: HTTP method, full path ({param} segments), whether it needs a token, where it lives. */
    record CodeRoute(String method, String path, boolean authenticated, String module, String origin) {
        @Override
        public String toString() {
            return method + " " + path + " (" + origin + ")";
        }
    }

    /** Application modules that are deployed as functions, and the library they all contain. */
    static final List<String> FUNCTION_MODULES = List.of("http", "jobs");

    /**
     * Properties that production must get from the environment although no file mentions an environment
     * variable: the JWT verification key (smallrye-jwt reads MP_JWT_VERIFY_PUBLICKEY_LOCATION directly).
     * Checked unless a configuration file sets the property (or its alternative) itself.
     */
    static final Map<String, List<String>> REQUIRED_UNLESS_CONFIGURED = Map.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"));

    private static final DotName NAMED = DotName.createSimple("jakarta.inject.Named");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName HTTP_METHOD = DotName.createSimple("jakarta.ws.rs.HttpMethod");
    private static final DotName IF_BUILD_PROFILE = DotName.createSimple("io.quarkus.arc.profile.IfBuildProfile");
    private static final DotName BROWSER_SESSION = DotName.createSimple("io.walletrecon.console.BrowserSession");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName DENY_ALL = DotName.createSimple("jakarta.annotation.security.DenyAll");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
    private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
    private static final DotName WITH_PARENT_NAME = DotName.createSimple("io.smallrye.config.WithParentName");
    private static final Set<DotName> HANDLER_INTERFACES = Set.of(
            DotName.createSimple("com.amazonaws.services.lambda.runtime.RequestHandler"),
            DotName.createSimple("com.amazonaws.services.lambda.runtime.RequestStreamHandler"));
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Scans {@code root}'s modules: core, server, functions/http, functions/jobs (their target/classes). */
    static CodeFacts scan(Path root) {
        Map<String, Path> modules = new LinkedHashMap<>();
        modules.put("core", root.resolve("core/target/classes"));
        modules.put("server", root.resolve("server/target/classes"));
        modules.put("http", root.resolve("functions/http/target/classes"));
        modules.put("jobs", root.resolve("functions/jobs/target/classes"));
        for (String required : List.of("core", "jobs")) {
            if (!Files.isDirectory(modules.get(required))) {
                throw new IllegalStateException(
                        modules.get(required) + " is missing: build through the reactor (bin/test)");
            }
        }
        Map<String, IndexView> indexes = new LinkedHashMap<>();
        modules.forEach((module, dir) -> indexes.put(module, index(dir)));
        IndexView all = CompositeIndex.create(indexes.values());

        List<Handler> handlers = new ArrayList<>();
        List<CodeRoute> routes = new ArrayList<>();
        indexes.forEach((module, index) -> {
            handlers.addAll(handlers(index, all, module));
            routes.addAll(routes(index, all, module));
        });

        Map<String, Set<String>> environment = new LinkedHashMap<>();
        Properties coreFile = properties(modules.get("core").resolve("META-INF/microprofile-config.properties"));
        for (String module : FUNCTION_MODULES) {
            Properties effective = new Properties();
            effective.putAll(coreFile);
            effective.putAll(properties(modules.get(module).resolve("application.properties")));
            Map<String, String> prod = prodView(effective);
            Set<String> required = new TreeSet<>(requiredFromFiles(prod));
            required.addAll(
                    requiredFromMappings(CompositeIndex.create(indexes.get("core"), indexes.get(module)), all, prod));
            REQUIRED_UNLESS_CONFIGURED.forEach((env, properties) -> {
                if (properties.stream().noneMatch(prod::containsKey)) {
                    required.add(env);
                }
            });
            environment.put(module, required);
        }
        return new CodeFacts(handlers, routes, environment);
    }

    // ------------------------------------------------------------------ handlers

    private static List<Handler> handlers(IndexView index, IndexView all, String module) {
        List<Handler> found = new ArrayList<>();
        for (AnnotationInstance named : index.getAnnotations(NAMED)) {
            if (named.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo type = named.target().asClass();
            if (!implementsHandler(type, all)) {
                continue;
            }
            AnnotationValue value = named.value();
            String name = value == null || value.asString().isEmpty()
                    ? decapitalize(type.simpleName())
                    : value.asString();
            found.add(new Handler(name, type.name().toString(), module));
        }
        return found;
    }

    private static boolean implementsHandler(ClassInfo type, IndexView all) {
        for (ClassInfo c = type; c != null; c = c.superName() == null ? null : all.getClassByName(c.superName())) {
            if (c.interfaceNames().stream().anyMatch(HANDLER_INTERFACES::contains)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ routes

    private static List<CodeRoute> routes(IndexView index, IndexView all, String module) {
        List<CodeRoute> found = new ArrayList<>();
        for (AnnotationInstance classPath : index.getAnnotations(PATH)) {
            if (classPath.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = classPath.target().asClass();
            if (Modifier.isAbstract(resource.flags()) && !Modifier.isInterface(resource.flags())) {
                continue;
            }
            AnnotationInstance buildProfile = resource.declaredAnnotation(IF_BUILD_PROFILE);
            if (buildProfile != null && "dev".equals(buildProfile.value().asString())) {
                continue; // exists in dev mode only (bin/dev), never in a deployed build
            }
            // Console pages sign in with the browser's session (code flow), which the API's JWT authorizer cannot read:
            // they are routed without it and the application checks the session.
            boolean browserSession = resource.declaredAnnotation(BROWSER_SESSION) != null;
            Boolean classAuthenticated = authenticated(resource.declaredAnnotation(PERMIT_ALL),
                    resource.declaredAnnotation(ROLES_ALLOWED), resource.declaredAnnotation(DENY_ALL));
            for (MethodInfo method : resource.methods()) {
                String verb = httpMethod(method, all);
                AnnotationInstance subPath = method.declaredAnnotation(PATH);
                if (verb == null && subPath == null) {
                    continue;
                }
                Boolean methodAuthenticated = authenticated(method.declaredAnnotation(PERMIT_ALL),
                        method.declaredAnnotation(ROLES_ALLOWED), method.declaredAnnotation(DENY_ALL));
                // deny-unannotated is on: an unannotated method is closed, i.e. never served without a token.
                boolean authenticated = !browserSession && (methodAuthenticated != null
                        ? methodAuthenticated
                        : classAuthenticated == null || classAuthenticated);
                String path = join(classPath.value().asString(), subPath == null ? "" : subPath.value().asString());
                // A sub-resource locator (no verb) serves whatever lies below its path.
                found.add(new CodeRoute(verb == null ? "ANY" : verb, verb == null ? path + "/{proxy+}" : path,
                        authenticated,
                        module, resource.simpleName() + "." + method.name()));
            }
        }
        return found;
    }

    private static Boolean authenticated(AnnotationInstance permitAll, AnnotationInstance rolesAllowed,
            AnnotationInstance denyAll) {
        if (rolesAllowed != null || denyAll != null) {
            return true;
        }
        return permitAll != null ? Boolean.FALSE : null;
    }

    private static String httpMethod(MethodInfo method, IndexView all) {
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            String name = annotation.name().toString();
            if (name.startsWith("jakarta.ws.rs.") && HTTP_METHODS.contains(name.substring("jakarta.ws.rs.".length()))) {
                return name.substring("jakarta.ws.rs.".length());
            }
            ClassInfo type = all.getClassByName(annotation.name());
            if (type != null && type.declaredAnnotation(HTTP_METHOD) != null) {
                return type.declaredAnnotation(HTTP_METHOD).value().asString();
            }
        }
        return null;
    }

    /** Joins JAX-RS paths and normalizes {name: regex} parameters to {name}. */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (segment.isBlank()) {
                    continue;
                }
                if (segment.startsWith("{") && segment.contains(":")) {
                    segment = segment.substring(0, segment.indexOf(':')).trim() + "}";
                }
                path.append('/').append(segment.trim());
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    // ------------------------------------------------------------------ environment

    /** The configuration as the prod profile sees it: %prod.key wins over key, other profiles are ignored. */
    static Map<String, String> prodView(Properties properties) {
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                prod.putIfAbsent(key, properties.getProperty(key));
            }
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                prod.put(key.substring("%prod.".length()), properties.getProperty(key));
            }
        }
        return prod;
    }

    /** Environment variables referenced as {@code ${NAME}} without a default, at any nesting depth. */
    static Set<String> requiredFromFiles(Map<String, String> prod) {
        Set<String> required = new TreeSet<>();
        prod.values().forEach(value -> collectRequired(value, required));
        return required;
    }

    private static void collectRequired(String value, Set<String> required) {
        int start = value.indexOf("${");
        while (start >= 0) {
            int depth = 0;
            int end = start;
            for (int i = start; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            if (end == start) {
                return; // unterminated: not an expression
            }
            String expression = value.substring(start + 2, end);
            int colon = topLevelColon(expression);
            String name = colon < 0 ? expression : expression.substring(0, colon);
            if (colon < 0 && ENV_NAME.matcher(name).matches()) {
                required.add(name);
            }
            if (colon >= 0) {
                collectRequired(expression.substring(colon + 1), required);
            }
            start = value.indexOf("${", end + 1);
        }
    }

    private static int topLevelColon(String expression) {
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (expression.startsWith("${", i)) {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Members of {@code @ConfigMapping} interfaces without {@code @WithDefault}, not Optional and not set in a
     * file: their only source in the cloud is the environment variable of their property name.
     */
    private static Set<String> requiredFromMappings(IndexView index, IndexView all, Map<String, String> prod) {
        Set<String> required = new TreeSet<>();
        for (AnnotationInstance mapping : index.getAnnotations(CONFIG_MAPPING)) {
            if (mapping.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            AnnotationValue prefix = mapping.value("prefix");
            collectMapping(mapping.target().asClass(), prefix == null ? "" : prefix.asString(), all, prod, required, 0);
        }
        return required;
    }

    private static void collectMapping(ClassInfo type, String prefix, IndexView all, Map<String, String> prod,
            Set<String> required, int depth) {
        if (depth > 8) {
            return;
        }
        for (MethodInfo member : type.methods()) {
            if (member.parametersCount() > 0 || Modifier.isStatic(member.flags())
                    || !Modifier.isAbstract(member.flags())
                    || member.returnType().kind() == Type.Kind.VOID) {
                continue;
            }
            String name = member.hasDeclaredAnnotation(WITH_PARENT_NAME)
                    ? ""
                    : member.hasDeclaredAnnotation(WITH_NAME)
                            ? member.declaredAnnotation(WITH_NAME).value().asString()
                            : kebab(member.name());
            String key = name.isEmpty() ? prefix : prefix.isEmpty() ? name : prefix + "." + name;
            String returned = member.returnType().name().toString();
            ClassInfo group = all.getClassByName(member.returnType().name());
            if (group != null && Modifier.isInterface(group.flags())) {
                collectMapping(group, key, all, prod, required, depth + 1);
                continue;
            }
            boolean optional = member.hasDeclaredAnnotation(WITH_DEFAULT) || returned.startsWith("java.util.Optional")
                    || returned.startsWith("java.util.Map") || returned.startsWith("java.util.List")
                    || returned.startsWith("java.util.Set");
            if (!optional && !prod.containsKey(key)) {
                required.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static IndexView index(Path classes) {
        Indexer indexer = new Indexer();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return indexer.complete();
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
