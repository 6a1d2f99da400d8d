package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.DtcMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The byte-exact vectors of {@code src/test/resources/dtc/dtc-binary-vectors.json}. */
final class TestVectors {

    private TestVectors() {
    }

    record Vector(String message, String variant, int type, int size, Map<String, Object> fields, byte[] bytes) {
        String label() {
            return variant == null ? message : message + " (" + variant + ")";
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private static List<Vector> all;

    @SuppressWarnings("unchecked")
    static synchronized List<Vector> all() {
        if (all == null) {
            List<Vector> out = new ArrayList<>();
            for (Object o : (List<Object>) MiniJson.parse(resource("/dtc/dtc-binary-vectors.json"))) {
                Map<String, Object> e = (Map<String, Object>) o;
                out.add(new Vector((String) e.get("message"), (String) e.get("variant"),
                        ((Long) e.get("type")).intValue(), ((Long) e.get("size")).intValue(),
                        (Map<String, Object>) e.get("fields"), HexFormat.of().parseHex((String) e.get("hex"))));
            }
            all = List.copyOf(out);
        }
        return all;
    }

    static String resource(String path) {
        try (InputStream in = TestVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record class for a vector's message name. */
    @SuppressWarnings("unchecked")
    static Class<? extends DtcMessage> recordClass(String message) {
        try {
            return (Class<? extends DtcMessage>) Class.forName("io.liquidityengine.dtc.message." + message);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no record for " + message, e);
        }
    }

    /**
     * Record component name for a header member name: the naming rule of the module, written out
     * independently here (first letter lower case, "ID" as "Id", a leading "OCO" as "oco", underscores kept).
     */
    static String componentName(String member) {
        String n = member.replaceAll("ID(?=[A-Z_0-9]|$)", "Id");
        if (n.startsWith("OCO")) {
            n = "oco" + n.substring(3);
        }
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    static RecordComponent component(Class<?> recordClass, String member) {
        String name = componentName(member);
        for (RecordComponent c : recordClass.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(recordClass.getSimpleName() + " has no component " + name + " for member " + member);
    }

    static Object get(DtcMessage m, RecordComponent c) {
        try {
            return c.getAccessor().invoke(m);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code defaults()} of the record with the given members set, via the canonical constructor. */
    static DtcMessage build(Class<? extends DtcMessage> type, Map<String, Object> fields) {
        try {
            DtcMessage defaults = (DtcMessage) type.getMethod("defaults").invoke(null);
            RecordComponent[] cs = type.getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = get(defaults, cs[i]);
                types[i] = cs[i].getType();
            }
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                RecordComponent c = component(type, f.getKey());
                int i = 0;
                while (!cs[i].getName().equals(c.getName())) {
                    i++;
                }
                args[i] = convert(f.getValue(), c.getType(), f.getKey());
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A JSON value as the component's Java type; a JSON integer for a float component is an error. */
    static Object convert(Object json, Class<?> to, String member) {
        if (to == String.class) {
            return (String) json;
        }
        if (to == int.class) {
            long v = (Long) json;
            return (int) v;
        }
        if (to == long.class) {
            return (Long) json;
        }
        if (!(json instanceof Double d)) {
            throw new AssertionError(member + ": JSON integer " + json + " for a " + to + " component");
        }
        return to == float.class ? (Object) (float) (double) d : (Object) d;
    }
}
