package io.walletrecon.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a schedule's Input into a handler's input type the way quarkus-amazon-lambda does (its ObjectMapper ignores
 * unknown properties and matches names case-insensitively), so that the template is checked against the contract
 * the handler actually declares.
 */
final class ScheduleInputs {

    private static final ObjectMapper LAMBDA = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .findAndAddModules()
            .build();

    private ScheduleInputs() {
    }

    /** Why {@code handlerClass} refuses {@code input}; empty when it accepts it. */
    static Optional<String> check(String handlerClass, String input) {
        Class<?> type;
        try {
            type = inputType(Class.forName(handlerClass));
        } catch (ClassNotFoundException e) {
            return Optional.of("the handler class is not on the test class path");
        }
        try {
            if (Map.class.isAssignableFrom(type) || type == Object.class) {
                JsonNode detail = LAMBDA.readTree(input).path("detail");
                return detail.isObject() && !detail.isEmpty()
                        ? Optional.of("it takes any event and reads nothing from it, so detail " + detail
                                + " would be ignored; remove it")
                        : Optional.empty();
            }
            LAMBDA.readValue(input, type);
            return Optional.empty();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return Optional.of(cause.getMessage());
        }
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType().getTypeName()
                        .equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                    Type input = p.getActualTypeArguments()[0];
                    return input instanceof Class<?> k ? k : (Class<?>) ((ParameterizedType) input).getRawType();
                }
            }
        }
        return Object.class;
    }
}
