package io.liquidityengine.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One configuration file for all services of a live run: every key goes to every service (each
 * takes what it knows: {@code kafka.*}, {@code schema.registry.*} and {@code instruments.*} are shared,
 * {@code ingest.*} is the ingest's, {@code engine.*} and {@code kafka-streams.*} the topology's,
 * {@code execution.*} the sink's), except keys under {@code service.<name>.}, which go to that
 * service only, without the prefix (for example {@code service.topology.quarkus.http.port=9083}).
 * Secrets do not belong in it: the services read them from files or the environment.
 */
record LiveConfig(Map<String, Map<String, String>> byService) {

    static final List<String> SERVICES = List.of("ingest", "topology", "execution-sink");
    private static final String SERVICE_PREFIX = "service.";

    static LiveConfig read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> all = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> all.put(k, properties.getProperty(k).strip()));
        return of(all);
    }

    static LiveConfig of(Map<String, String> all) {
        Map<String, Map<String, String>> byService = new TreeMap<>();
        SERVICES.forEach(s -> byService.put(s, new TreeMap<>()));
        all.forEach((key, value) -> {
            if (!key.startsWith(SERVICE_PREFIX)) {
                byService.values().forEach(m -> m.put(key, value));
                return;
            }
            String rest = key.substring(SERVICE_PREFIX.length());
            String service = SERVICES.stream().filter(s -> rest.startsWith(s + ".")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + key + "': " + SERVICE_PREFIX
                            + "<name>. needs one of " + SERVICES));
            byService.get(service).put(rest.substring(service.length() + 1), value);
        });
        return new LiveConfig(byService);
    }

    Map<String, String> of(String service) {
        Map<String, String> config = byService.get(service);
        if (config == null) {
            throw new IllegalArgumentException("unknown service '" + service + "'; one of " + SERVICES);
        }
        return config;
    }

    /** Writes one service's configuration as a properties file it is started with (quarkus.config.locations). */
    Path write(String service, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(service + ".properties");
        StringBuilder text = new StringBuilder("# written by ./engine live from the run's configuration file\n");
        of(service).forEach((k, v) -> text.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '=', ':' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
