package io.liquidityengine.local;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.registry.RegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The local stack: a KRaft broker and a schema registry on loopback, with every catalog topic
 * created. Used by the demo, by {@code local-stack up}, and by integration tests through
 * {@link LocalStackExtension}.
 */
public final class LocalStack implements AutoCloseable {

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final EmbeddedKafkaBroker broker;
    private final int registryPort;
    private final LocalSecurity security;
    private LocalSchemaRegistry registry;

    private LocalStack(Path dataDir, boolean deleteOnClose, int kafkaPort, int registryPort, LocalSecurity security) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.security = security;
        this.broker = new EmbeddedKafkaBroker(dataDir, kafkaPort, security);
        this.registryPort = registryPort == 0 ? EmbeddedKafkaBroker.freePort() : registryPort;
    }

    /** A stack on a fresh temporary directory, removed on close; free ports. */
    public static LocalStack temporary() {
        try {
            return new LocalStack(Files.createTempDirectory("liquidity-engine-stack"), true, 0, 0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A temporary stack with the security profile ({@link LocalSecurity}): SASL_SSL with SCRAM-SHA-512 and ACLs on
     * the broker, HTTPS with basic auth on the registry, new certificates and passwords. This stack's own clients
     * ({@link #clientConfig()}, {@link #admin()}, the registry's) are the super user {@code admin}; services get
     * users of their own ({@link SecureAccess#createUser}) and ACLs ({@link SecureAccess#grant}).
     */
    public static LocalStack secured() {
        return secured(0, 0);
    }

    /** {@link #secured()} on given ports (0 = any free port); always on a temporary directory: new keys and passwords each time. */
    public static LocalStack secured(int kafkaPort, int registryPort) {
        try {
            Path dir = Files.createTempDirectory("liquidity-engine-secured-stack");
            return new LocalStack(dir, true, kafkaPort, registryPort, LocalSecurity.generate(dir.resolve("tls")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stack on {@code dataDir}, kept after close so topics and schemas survive a restart; 0 = any free port. */
    public static LocalStack persistent(Path dataDir, int kafkaPort, int registryPort) {
        return new LocalStack(dataDir, false, kafkaPort, registryPort, null);
    }

    /** Starts the broker and the registry and creates the catalog topics (existing ones are kept). */
    public LocalStack start() {
        broker.start();
        startRegistry();
        createTopics(Topics.ALL);
        return this;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return (security == null ? "http" : "https") + "://127.0.0.1:" + registryPort;
    }

    /** The security profile, empty on a plaintext stack. */
    public java.util.Optional<LocalSecurity> security() {
        return java.util.Optional.ofNullable(security);
    }

    /** Users and ACLs of a secured stack. */
    public SecureAccess access() {
        if (security == null) {
            throw new IllegalStateException("a plaintext stack has no users or ACLs; use LocalStack.secured()");
        }
        return new SecureAccess(this, security);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Client settings for the registry ({@code schema.registry.url}) plus the bootstrap servers. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = kafkaConfig();
        config.putAll(registryConfig());
        return config;
    }

    /** Registry settings only, for {@code Topic#valueSerde} (on a secured stack with basic auth and the trust store). */
    public Map<String, Object> registryConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryConfig.URL, registryUrl());
        if (security != null) {
            config.putAll(security.registryClientConfig());
        }
        return config;
    }

    /** Kafka client settings of this stack's own clients (bootstrap servers; on a secured stack, the super user). */
    public Map<String, Object> kafkaConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security != null) {
            config.putAll(security.clientConfig(LocalSecurity.ADMIN, security.adminPassword()));
        }
        return config;
    }

    public Admin admin() {
        return Admin.create(kafkaConfig());
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<? extends Topic<?, ?>> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> t : topics) {
                if (!existing.contains(t.name())) {
                    missing.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.topicConfigs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record of a catalog topic, up to its end now (see {@link TopicRecords#readCommitted}). */
    public <V extends org.apache.avro.specific.SpecificRecord> java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, V>>
            readCommitted(Topic<String, V> topic) {
        return TopicRecords.readCommitted(clientConfig(), registryConfig(), topic);
    }

    /** Stops the registry (the broker keeps running): lets tests and demos show a registry outage. */
    public synchronized void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    /** Starts the registry on its port again; it reloads its schemas from {@code _schemas}. */
    public synchronized void startRegistry() {
        if (registry == null) {
            registry = new LocalSchemaRegistry(kafkaConfig(), registryPort, security).start();
        }
    }

    @Override
    public synchronized void close() {
        stopRegistry();
        broker.close();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            if (!Files.exists(dir)) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a shutdown for
        }
    }
}
