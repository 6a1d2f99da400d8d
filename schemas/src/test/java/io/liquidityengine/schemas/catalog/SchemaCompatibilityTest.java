package io.liquidityengine.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * Keeps every topic's value schema BACKWARD compatible with its last released snapshot
 * ({@code src/test/resources/released/<full name>.avsc}): a consumer on the new schema must read
 * everything already on the topic. A breaking change fails the build here, naming the field.
 * To take a new snapshot at a release: {@code ./mvnw -pl schemas test -Dtest=SchemaCompatibilityTest -Dschemas.snapshot=true}.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("src/test/resources/released");

    @Test
    void everyTopicSchemaIsBackwardCompatibleWithItsReleasedSnapshot() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : valueTypes()) {
            Schema current = SpecificData.get().getSchema(type);
            String file = current.getFullName() + ".avsc";
            if (Boolean.getBoolean("schemas.snapshot")) {
                Files.writeString(RELEASED.resolve(file), current.toString(true) + "\n", StandardCharsets.UTF_8);
            }
            Schema released;
            try (InputStream in = getClass().getResourceAsStream("/released/" + file)) {
                if (in == null) {
                    problems.add(current.getFullName() + " has no released snapshot " + RELEASED.resolve(file));
                    continue;
                }
                released = new Schema.Parser().parse(in);
            }
            problems.addAll(incompatibilities(current, released));
        }
        if (!problems.isEmpty()) {
            fail("Schema change breaks BACKWARD compatibility (new readers must read old data):\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void everySchemaFileBelongsToACatalogTopic() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/avro"))) {
            files = walk.filter(p -> p.toString().endsWith(".avsc"))
                    .map(p -> p.getFileName().toString().replace(".avsc", "")).sorted().collect(Collectors.toList());
        }
        List<String> catalogued = valueTypes().stream().map(Class::getSimpleName).sorted().collect(Collectors.toList());
        assertThat(files).containsExactlyElementsOf(catalogued);
    }

    @Test
    void changingAFieldTypeIsReportedWithTheFieldName() {
        Schema released = SpecificData.get().getSchema(io.liquidityengine.schemas.marketdata.Tick.class);
        String changed = released.toString().replace("{\"name\":\"size\",\"type\":\"double\"", "{\"name\":\"size\",\"type\":\"string\"");
        List<String> problems = incompatibilities(new Schema.Parser().parse(changed), released);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("io.liquidityengine.schemas.marketdata.Tick", "field 'size'", "TYPE_MISMATCH");
    }

    static List<Class<?>> valueTypes() {
        return Topics.ALL.stream().map(Topic::valueType).distinct().collect(Collectors.toList());
    }

    static List<String> incompatibilities(Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        List<String> problems = new ArrayList<>();
        for (Incompatibility i : result.getIncompatibilities()) {
            problems.add(reader.getFullName() + ": " + i.getType() + " at " + i.getLocation()
                    + fieldName(reader, i.getLocation()) + ": " + i.getMessage());
        }
        return problems;
    }

    /** Turns a location such as /fields/3/type into " (field 'size')" by walking the reader schema. */
    private static String fieldName(Schema schema, String location) {
        String[] parts = location.split("/");
        Schema current = schema;
        String name = null;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("fields") && i + 1 < parts.length && current.getType() == Schema.Type.RECORD) {
                int index = Integer.parseInt(parts[++i]);
                if (index >= current.getFields().size()) {
                    break;
                }
                Schema.Field f = current.getFields().get(index);
                name = name == null ? f.name() : name + "." + f.name();
                current = f.schema();
            } else if (parts[i].equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            }
        }
        return name == null ? "" : " (field '" + name + "')";
    }
}
