package io.walletrecon.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import io.walletrecon.customers.CollectionCodes;
import io.walletrecon.testing.BuildTimeInitialisation;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native-image rules checked on the JVM, in seconds, before the native workflow spends half an hour finding out:
 * no class of core leaves a random source, a thread or an AWT object in the image heap when initialised at build
 * time, and every GraalVM substitution still matches the library method it replaces.
 */
class NativeImageSupportTest {

    @Test
    void noCoreClassHoldsARandomSourceAThreadOrAnAwtObjectOnceInitialised() {
        List<String> classes = BuildTimeInitialisation
                .classesUnder(BuildTimeInitialisation.classesOf(CollectionCodes.class));
        assertTrue(classes.size() > 100, "scanned core's classes, found " + classes.size());

        List<String> problems = BuildTimeInitialisation.problems(classes, getClass().getClassLoader());

        assertEquals(List.of(), problems,
                "classes a native build would freeze with objects that cannot be in an image heap");
    }

    @Test
    void aStaticSecureRandomIsReportedWithTheFieldThatHoldsIt() {
        List<String> problems = BuildTimeInitialisation.problems(List.of(HoldsARandom.class.getName()),
                getClass().getClassLoader());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith(
                        HoldsARandom.class.getName() + ".RANDOM holds a random source (java.security.SecureRandom)"),
                problems.get(0));
    }

    @Test
    void anAwtObjectInsideACollectionIsFoundThroughIt() {
        List<String> problems = BuildTimeInitialisation.problems(List.of(HoldsAStrokeInAMap.class.getName()),
                getClass().getClassLoader());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith(HoldsAStrokeInAMap.class.getName()
                                + ".STYLES[0].stroke holds an AWT object (java.awt.BasicStroke)"),
                problems.get(0));
    }

    @Test
    void aStaticThreadPoolIsReported() {
        List<String> problems = BuildTimeInitialisation.problems(List.of(HoldsAPool.class.getName()),
                getClass().getClassLoader());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("holds a thread or thread pool"), problems.get(0));
    }

    @Test
    void aRandomSourceHeldByAnInstanceIsFine() {
        assertEquals(List.of(), BuildTimeInitialisation.problems(List.of(CreatesItsRandomPerInstance.class.getName()),
                getClass().getClassLoader()));
    }

    @Test
    void everySubstitutionReplacesAMethodThatExistsInTheLibrary() throws Exception {
        List<String> problems = new ArrayList<>();
        int substituted = 0;
        for (String name : BuildTimeInitialisation
                .classesUnder(BuildTimeInitialisation.classesOf(CollectionCodes.class))) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            TargetClass target = type.getAnnotation(TargetClass.class);
            if (target == null) {
                continue;
            }
            Class<?> library = Class.forName(target.className(), false, getClass().getClassLoader());
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(Substitute.class)) {
                    continue;
                }
                substituted++;
                boolean matches = Arrays.stream(library.getDeclaredMethods())
                        .anyMatch(l -> l.getName().equals(m.getName())
                                && Arrays.equals(l.getParameterTypes(), m.getParameterTypes())
                                && l.getReturnType().equals(m.getReturnType())
                                && Modifier.isStatic(l.getModifiers()) == Modifier.isStatic(m.getModifiers()));
                if (!matches) {
                    problems.add(type.getName() + "." + m.getName() + " substitutes nothing in " + library.getName()
                            + ": the library changed; the native build would fail with 'Could not find target method'");
                }
            }
        }
        assertTrue(substituted >= 2, "found the OpenPDF substitutions, " + substituted);
        assertEquals(List.of(), problems);
    }

    static final class HoldsARandom {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    record Style(String name, BasicStroke stroke) {
    }

    static final class HoldsAStrokeInAMap {
        static final List<Object> STYLES = List.of(new Style("line", new BasicStroke(2f)), Map.of("k", "v"));
    }

    static final class HoldsAPool {
        static final ExecutorService POOL = Executors.newSingleThreadExecutor();
    }

    static final class CreatesItsRandomPerInstance {
        private final SecureRandom random = new SecureRandom();

        int next() {
            return random.nextInt();
        }
    }
}
