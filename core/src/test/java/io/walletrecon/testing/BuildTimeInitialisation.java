package io.walletrecon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * What a native build would find in its image heap, checked on the JVM. Quarkus builds native executables with every
 * class initialised at build time (unless configured otherwise), so whatever a class's static initialiser creates is
 * frozen into the executable. GraalVM refuses some of it outright (a {@code Random}/{@code SecureRandom}: "Detected an
 * instance of Random/SplittableRandom class in the image heap"; a started {@code Thread}; {@code java.awt} fonts,
 * colours and shapes, which belong to the run-time AWT). This initialises each class the same way, walks what its
 * static fields reach, and names every such object with the path to it.
 */
public final class BuildTimeInitialisation {

    private static final int MAX_OBJECTS = 200_000;

    private BuildTimeInitialisation() {
    }

    /** The binary names of the classes under a {@code target/classes}-like directory. */
    public static List<String> classesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString())
                    .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the compiled classes of the module holding {@code anchor} are (its {@code target/classes}). */
    public static Path classesOf(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor, e);
        }
    }

    /**
     * Initialises each class (as a native build does) and returns one sentence per object that must not be in an
     * image heap. GraalVM substitutions ({@code @TargetClass}) are skipped: the JVM never runs them.
     */
    public static List<String> problems(Collection<String> classNames, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
                if (isSubstitution(type)) {
                    continue;
                }
                type = Class.forName(name, true, loader);
            } catch (ExceptionInInitializerError | NoClassDefFoundError | ClassNotFoundException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                problems.add(name + ": its static initialiser fails outside a running application (" + cause
                        + "); a native build initialises it at build time, so it must not need one");
                continue;
            }
            new Walk(problems).staticFieldsOf(type);
        }
        return problems;
    }

    /** Why an object of this class cannot be in an image heap, or null if it can. */
    static String forbidden(Class<?> c) {
        if (java.util.Random.class.isAssignableFrom(c) || SplittableRandom.class.isAssignableFrom(c)) {
            return "a random source (" + c.getName() + "): its seed would be fixed in the executable";
        }
        if (Thread.class.isAssignableFrom(c) || ExecutorService.class.isAssignableFrom(c)
                || java.util.Timer.class.isAssignableFrom(c)) {
            return "a thread or thread pool (" + c.getName()
                    + "): threads cannot be carried from the build into the executable";
        }
        String n = c.getName();
        if (n.startsWith("java.awt.") || n.startsWith("sun.awt.") || n.startsWith("sun.java2d.")
                || n.startsWith("sun.font.")
                || n.startsWith("javax.imageio.")) {
            return "an AWT object (" + n + "): fonts, colours, shapes and images belong to the run-time AWT";
        }
        return null;
    }

    private static boolean isSubstitution(Class<?> type) {
        return Stream.of(type.getDeclaredAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("com.oracle.svm.core.annotate.TargetClass"));
    }

    private static final class Walk {

        private final List<String> problems;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Deque<Object[]> queue = new ArrayDeque<>();

        Walk(List<String> problems) {
            this.problems = problems;
        }

        void staticFieldsOf(Class<?> type) {
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(null);
                } catch (RuntimeException | IllegalAccessException | LinkageError e) {
                    continue;
                }
                queue.add(new Object[]{value, type.getName() + "." + f.getName()});
            }
            while (!queue.isEmpty() && seen.size() < MAX_OBJECTS) {
                Object[] next = queue.poll();
                visit(next[0], (String) next[1]);
            }
        }

        private void visit(Object value, String path) {
            if (value == null || value instanceof Class<?> || value instanceof String || value instanceof Number
                    || value instanceof Boolean || value instanceof Character || !seen.add(value)) {
                return;
            }
            String why = forbidden(value.getClass());
            if (why != null) {
                problems.add(path + " holds " + why + ". Create it at run time: in a bean (a field of an "
                        + "@ApplicationScoped class), or lazily; or initialise the class at run time in "
                        + "quarkus.native.additional-build-args (--initialize-at-run-time)");
                return;
            }
            Class<?> c = value.getClass();
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(value); i++) {
                        queue.add(new Object[]{Array.get(value, i), path + "[" + i + "]"});
                    }
                }
                return;
            }
            if (value instanceof Map<?, ?> map) {
                try {
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        queue.add(new Object[]{e.getKey(), path + " (a key)"});
                        queue.add(new Object[]{e.getValue(), path + "[" + e.getKey() + "]"});
                    }
                } catch (RuntimeException ignored) {
                    // a map that cannot be iterated here is not walked
                }
                return;
            }
            if (value instanceof Collection<?> items) {
                try {
                    int i = 0;
                    for (Object item : items) {
                        queue.add(new Object[]{item, path + "[" + i++ + "]"});
                    }
                } catch (RuntimeException ignored) {
                    // as above
                }
                return;
            }
            if (c.getModule().isNamed() && c.getModule().getName().startsWith("java.")) {
                return; // the JDK's own objects: their fields are closed to reflection, and checked by type above
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        queue.add(new Object[]{f.get(value), path + "." + f.getName()});
                    } catch (RuntimeException | IllegalAccessException e) {
                        // a field closed to reflection (a named module) is not walked
                    }
                }
            }
        }
    }
}
