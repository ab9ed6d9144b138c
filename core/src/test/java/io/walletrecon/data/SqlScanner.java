package io.walletrecon.data;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads compiled classes (ASM) and reports two things about SQL:
 * <ul>
 * <li>{@link #rawAccess()}: which classes issue native SQL ({@code createNativeQuery}, a Vert.x {@code query} or
 * {@code preparedQuery}, JDBC {@code prepareStatement}/{@code execute...}, a COPY) or hold a raw client
 * (a Vert.x {@code Pool}/{@code SqlClient}/{@code SqlConnection}, a {@code DataSource}, a JDBC
 * {@code Connection}/{@code Statement}, a {@code CopyManager});</li>
 * <li>{@link #composedSql()}: which methods hand such a call SQL text built at run time, by
 * {@code String.formatted}/{@code String.format}, {@code +}, a {@code StringBuilder}, {@code String.join},
 * {@code concat} or {@code replace}, rather than a constant. The SQL argument is followed back through local
 * variables, casts and ternaries inside a method, into the methods and lambdas that pass their parameter on as
 * SQL (a helper {@code rows(session, sql)} makes its callers' SQL arguments checked too).</li>
 * </ul>
 * What a method receives from elsewhere (a field, another method's result) counts as given, not composed.
 */
final class SqlScanner {

    /** Types that give a class the database below Hibernate's entities. */
    static final Set<String> RAW_CLIENTS = Set.of(
            "io/vertx/mutiny/sqlclient/Pool", "io/vertx/mutiny/sqlclient/SqlClient",
            "io/vertx/mutiny/sqlclient/SqlConnection",
            "io/vertx/mutiny/pgclient/PgPool", "io/vertx/sqlclient/Pool", "io/vertx/sqlclient/SqlClient",
            "io/vertx/sqlclient/SqlConnection", "io/vertx/pgclient/PgPool", "javax/sql/DataSource",
            "io/agroal/api/AgroalDataSource", "java/sql/Connection", "java/sql/Statement", "java/sql/PreparedStatement",
            "java/sql/CallableStatement", "org/postgresql/copy/CopyManager", "org/postgresql/PGConnection");

    private static final Set<String> VERTX_SQL = Set.of("query", "preparedQuery");
    private static final Set<String> JDBC_CONNECTION_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL");
    private static final Set<String> JDBC_STATEMENT_SQL = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate",
            "addBatch");
    private static final Set<String> COPY_SQL = Set.of("copyIn", "copyOut");

    private final Map<String, ClassNode> classes = new TreeMap<>();
    private final Map<MethodNode, Frame<SourceValue>[]> frames = new HashMap<>();
    /** owner.name+desc of a method that passes its parameter (index) on as SQL. */
    private final Map<String, Set<Integer>> derivedSinks = new HashMap<>();

    private SqlScanner() {
    }

    /** Every class under a directory of compiled classes (core's {@code target/classes}). */
    static SqlScanner ofDirectory(Path root) {
        SqlScanner scanner = new SqlScanner();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    scanner.add(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scanner.deriveSinks();
        return scanner;
    }

    /** The given classes (and their nested classes, lambdas included), read from the class path. */
    static SqlScanner ofClasses(Class<?>... roots) {
        SqlScanner scanner = new SqlScanner();
        for (Class<?> root : roots) {
            for (Class<?> type : withNested(root)) {
                String resource = "/" + type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getResourceAsStream(resource)) {
                    scanner.add(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        scanner.deriveSinks();
        return scanner;
    }

    private static List<Class<?>> withNested(Class<?> root) {
        List<Class<?>> all = new ArrayList<>(List.of(root));
        for (Class<?> nested : root.getDeclaredClasses()) {
            all.addAll(withNested(nested));
        }
        return all;
    }

    private void add(InputStream in) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(in).accept(node, 0);
        classes.put(node.name, node);
    }

    /** Top-level class name (dots) → what in it issues SQL or holds a raw client, one sentence each. */
    Map<String, Set<String>> rawAccess() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (ClassNode type : classes.values()) {
            Set<String> what = new TreeSet<>();
            for (FieldNode field : type.fields) {
                rawType(field.desc).ifPresent(t -> what.add("holds a " + t + " (field " + field.name + ")"));
            }
            for (MethodNode method : type.methods) {
                String where = " in " + methodName(type, method);
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call) {
                        if (baseSqlParameter(call.owner, call.name, call.desc) >= 0) {
                            what.add("calls " + simple(call.owner) + "." + call.name + where);
                        } else if (RAW_CLIENTS.contains(call.owner)) {
                            what.add("uses " + simple(call.owner) + where);
                        }
                    } else if (insn instanceof FieldInsnNode field) {
                        rawType(field.desc).ifPresent(t -> what.add("uses a " + t + where));
                    } else if (insn instanceof TypeInsnNode typeInsn && RAW_CLIENTS.contains(typeInsn.desc)) {
                        what.add("uses " + simple(typeInsn.desc) + where);
                    }
                }
                if (method.localVariables != null) {
                    for (LocalVariableNode local : method.localVariables) {
                        rawType(local.desc).ifPresent(t -> what.add("uses a " + t + where));
                    }
                }
                for (Type argument : Type.getArgumentTypes(method.desc)) {
                    rawType(argument.getDescriptor()).ifPresent(t -> what.add("takes a " + t + where));
                }
            }
            if (!what.isEmpty()) {
                found.computeIfAbsent(topLevel(type.name), k -> new TreeSet<>()).addAll(what);
            }
        }
        return found;
    }

    /** Top-level class name (dots) → each method that hands an SQL call composed text, and how it composed it. */
    Map<String, Set<String>> composedSql() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (ClassNode type : classes.values()) {
            for (MethodNode method : type.methods) {
                forEachSqlArgument(type, method, (origins, call) -> origins.stream()
                        .filter(o -> o.startsWith("composed:"))
                        .forEach(o -> found.computeIfAbsent(topLevel(type.name), k -> new TreeSet<>())
                                .add(methodName(type, method) + " passes " + call + " SQL built by "
                                        + o.substring(9))));
            }
        }
        return found;
    }

    /** Follows methods that pass a parameter on as SQL until no new one is found. */
    private void deriveSinks() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ClassNode type : classes.values()) {
                for (MethodNode method : type.methods) {
                    List<String> origins = new ArrayList<>();
                    forEachSqlArgument(type, method, (found, call) -> origins.addAll(found));
                    for (String origin : origins) {
                        if (origin.startsWith("parameter:")) {
                            int index = Integer.parseInt(origin.substring(10));
                            changed |= derivedSinks
                                    .computeIfAbsent(key(type.name, method.name, method.desc), k -> new HashSet<>())
                                    .add(index);
                        }
                    }
                }
            }
        }
    }

    private interface ArgumentCheck {
        void origins(Set<String> origins, String call);
    }

    /** For each call in the method that takes SQL, where its SQL argument came from. */
    private void forEachSqlArgument(ClassNode type, MethodNode method, ArgumentCheck check) {
        if (method.instructions.size() == 0) {
            return;
        }
        Frame<SourceValue>[] methodFrames = null;
        for (AbstractInsnNode insn : method.instructions) {
            List<Integer> sqlArguments = new ArrayList<>();
            String call;
            int argumentCount;
            if (insn instanceof MethodInsnNode invoke) {
                int base = baseSqlParameter(invoke.owner, invoke.name, invoke.desc);
                if (base >= 0) {
                    sqlArguments.add(base);
                }
                sqlArguments.addAll(derivedSinks.getOrDefault(key(invoke.owner, invoke.name, invoke.desc), Set.of()));
                call = simple(invoke.owner) + "." + invoke.name;
                argumentCount = Type.getArgumentTypes(invoke.desc).length;
            } else if (insn instanceof InvokeDynamicInsnNode indy && lambdaTarget(indy) != null) {
                Handle target = lambdaTarget(indy);
                int receiver = target.getTag() == Opcodes.H_INVOKESTATIC ? 0 : 1;
                argumentCount = Type.getArgumentTypes(indy.desc).length;
                for (int parameter : derivedSinks
                        .getOrDefault(key(target.getOwner(), target.getName(), target.getDesc()), Set.of())) {
                    if (parameter + receiver < argumentCount) {
                        sqlArguments.add(parameter + receiver);
                    }
                }
                call = "a lambda that runs";
            } else {
                continue;
            }
            if (sqlArguments.isEmpty()) {
                continue;
            }
            if (methodFrames == null) {
                methodFrames = frames(type, method);
                if (methodFrames == null) {
                    return;
                }
            }
            Frame<SourceValue> frame = methodFrames[method.instructions.indexOf(insn)];
            if (frame == null) {
                continue; // unreachable code
            }
            for (int argument : sqlArguments) {
                SourceValue value = frame.getStack(frame.getStackSize() - argumentCount + argument);
                Set<String> origins = new TreeSet<>();
                origins(method, methodFrames, value, origins, new HashSet<>());
                check.origins(origins, call);
            }
        }
    }

    /** Where a value came from: constant, given (field, other call), parameter:n or composed:how. */
    private void origins(MethodNode method, Frame<SourceValue>[] methodFrames, SourceValue value, Set<String> out,
            Set<AbstractInsnNode> seen) {
        if (value.insns.isEmpty()) {
            out.add("given");
            return;
        }
        for (AbstractInsnNode producer : value.insns) {
            if (!seen.add(producer)) {
                continue;
            }
            Frame<SourceValue> at = methodFrames[method.instructions.indexOf(producer)];
            switch (producer.getOpcode()) {
                case Opcodes.LDC, Opcodes.ACONST_NULL -> out.add(producer instanceof LdcInsnNode ? "constant" : "null");
                case Opcodes.GETSTATIC, Opcodes.GETFIELD -> out.add("given");
                case Opcodes.ALOAD -> {
                    int slot = ((VarInsnNode) producer).var;
                    SourceValue local = at.getLocal(slot);
                    if (local.insns.isEmpty()) {
                        int parameter = parameterOfSlot(method, slot);
                        out.add(parameter >= 0 ? "parameter:" + parameter : "given");
                    } else {
                        origins(method, methodFrames, local, out, seen);
                    }
                }
                case Opcodes.ASTORE, Opcodes.CHECKCAST, Opcodes.DUP ->
                    origins(method, methodFrames, at.getStack(at.getStackSize() - 1), out, seen);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL ->
                    out.add(composedBy((MethodInsnNode) producer));
                case Opcodes.INVOKEDYNAMIC -> out.add(isConcatenation((InvokeDynamicInsnNode) producer)
                        ? "composed:+ concatenation"
                        : "given");
                default -> out.add("given");
            }
        }
    }

    private static String composedBy(MethodInsnNode call) {
        if (call.owner.equals("java/lang/String")) {
            return switch (call.name) {
                case "formatted" -> "composed:String.formatted";
                case "format" -> "composed:String.format";
                case "join" -> "composed:String.join";
                case "concat" -> "composed:String.concat";
                case "replace", "replaceAll", "replaceFirst" -> "composed:String." + call.name;
                default -> "given";
            };
        }
        if ((call.owner.equals("java/lang/StringBuilder") || call.owner.equals("java/lang/StringBuffer"))
                && call.name.equals("toString")) {
            return "composed:a StringBuilder";
        }
        return "given";
    }

    private static boolean isConcatenation(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory");
    }

    private static Handle lambdaTarget(InvokeDynamicInsnNode indy) {
        if (indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsmArgs.length > 1
                && indy.bsmArgs[1] instanceof Handle target) {
            return target;
        }
        return null;
    }

    /** Index (0-based, in the descriptor) of the SQL text a library call takes, or -1 when it takes none. */
    static int baseSqlParameter(String owner, String name, String desc) {
        boolean sql = name.equals("createNativeQuery")
                || (VERTX_SQL.contains(name) && RAW_CLIENTS.contains(owner) && owner.contains("vertx"))
                || (JDBC_CONNECTION_SQL.contains(name) && owner.equals("java/sql/Connection"))
                || (JDBC_STATEMENT_SQL.contains(name) && owner.startsWith("java/sql/") && owner.endsWith("Statement"))
                || (COPY_SQL.contains(name) && owner.equals("org/postgresql/copy/CopyManager"));
        if (!sql) {
            return -1;
        }
        Type[] arguments = Type.getArgumentTypes(desc);
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getDescriptor().equals("Ljava/lang/String;")) {
                return i;
            }
        }
        return -1;
    }

    private static int parameterOfSlot(MethodNode method, int slot) {
        int next = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Type[] arguments = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < arguments.length; i++) {
            if (next == slot) {
                return i;
            }
            next += arguments[i].getSize();
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private Frame<SourceValue>[] frames(ClassNode type, MethodNode method) {
        return frames.computeIfAbsent(method, m -> {
            try {
                return new Analyzer<>(new SourceInterpreter()).analyze(type.name, m);
            } catch (AnalyzerException e) {
                throw new IllegalStateException("cannot follow values in " + type.name + "." + m.name, e);
            }
        });
    }

    private static java.util.Optional<String> rawType(String descriptor) {
        if (descriptor == null) {
            return java.util.Optional.empty();
        }
        return RAW_CLIENTS.stream().filter(t -> descriptor.contains("L" + t + ";")).findFirst().map(SqlScanner::simple);
    }

    private static String methodName(ClassNode type, MethodNode method) {
        String name = method.name.startsWith("lambda$") ? "a lambda in " + method.name.split("\\$")[1] : method.name;
        String owner = type.name.substring(type.name.lastIndexOf('/') + 1);
        return owner.contains("$") ? owner.substring(owner.indexOf('$') + 1) + "." + name : name;
    }

    private static String key(String owner, String name, String desc) {
        return owner + "." + name + desc;
    }

    static String topLevel(String internalName) {
        String dotted = internalName.replace('/', '.');
        int nested = dotted.indexOf('$');
        return nested < 0 ? dotted : dotted.substring(0, nested);
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }
}
