package io.liquidityengine.local;

import io.liquidityengine.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The security profile of the local stack: what the broker, the registry and their clients are given.
 * <ul>
 *   <li>clients: one {@code SASL_SSL} listener, SCRAM-SHA-512, TLS with a certificate made at start ({@link LocalTls});</li>
 *   <li>the controller listener (loopback, the broker's own connection to its controller): {@code SASL_PLAINTEXT}
 *       with PLAIN, so that no unauthenticated principal exists anywhere;</li>
 *   <li>authorization: KRaft's {@code StandardAuthorizer}, no access without an ACL, {@code admin} the only super user
 *       (its SCRAM credential is written when the storage is formatted; every other user is made through the Admin API);</li>
 *   <li>the registry: HTTPS with the same certificate and HTTP basic authentication.</li>
 * </ul>
 * Passwords are random per stack and never part of {@link #toString()}.
 */
public final class LocalSecurity {

    public static final String ADMIN = "admin";
    public static final String REGISTRY_USER = "registry";
    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String LISTENER = "SASL_SSL";

    private final LocalTls tls;
    private final String adminPassword;
    private final String registryPassword;

    private LocalSecurity(LocalTls tls, String adminPassword, String registryPassword) {
        this.tls = tls;
        this.adminPassword = adminPassword;
        this.registryPassword = registryPassword;
    }

    /** New certificates in {@code dir} and new passwords. */
    public static LocalSecurity generate(Path dir) {
        return new LocalSecurity(LocalTls.generate(dir), LocalTls.secret(), LocalTls.secret());
    }

    public LocalTls tls() {
        return tls;
    }

    /** The password of the registry's basic-auth user {@value #REGISTRY_USER}. */
    public String registryPassword() {
        return registryPassword;
    }

    /** The admin's password (the broker's super user). */
    public String adminPassword() {
        return adminPassword;
    }

    /** Kafka client settings for {@code user}: SASL_SSL, SCRAM-SHA-512, the local CA as trust store. */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("security.protocol", "SASL_SSL");
        c.put("sasl.mechanism", MECHANISM);
        c.put("sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password));
        c.put("ssl.truststore.location", tls.truststore().toString());
        c.put("ssl.truststore.password", tls.password());
        c.put("ssl.truststore.type", LocalTls.STORE_TYPE);
        return c;
    }

    /** Registry client settings: basic auth and the local CA as trust store. */
    public Map<String, Object> registryClientConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(RegistryConfig.CREDENTIALS_SOURCE, "USER_INFO");
        c.put(RegistryConfig.USER_INFO, REGISTRY_USER + ":" + registryPassword);
        c.put(RegistryConfig.TRUSTSTORE_LOCATION, tls.truststore().toString());
        c.put(RegistryConfig.TRUSTSTORE_PASSWORD, tls.password());
        c.put(RegistryConfig.TRUSTSTORE_TYPE, LocalTls.STORE_TYPE);
        return c;
    }

    /** The {@code kafka-storage format --add-scram} argument giving the admin its credential before the first start. */
    List<String> scramArguments() {
        return List.of(MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
    }

    /** Broker settings replacing the plaintext listeners. */
    void applyTo(Properties p, int port, String controller, int controllerPort) {
        String scram = "listener.name." + LISTENER.toLowerCase() + ".";
        String ctl = "listener.name." + controller.toLowerCase() + ".";
        p.put("listeners", LISTENER + "://127.0.0.1:" + port + "," + controller + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", LISTENER);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_SSL," + controller + ":SASL_PLAINTEXT");
        p.put(scram + "sasl.enabled.mechanisms", MECHANISM);
        p.put(scram + "scram-sha-512.sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ADMIN, adminPassword));
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put(ctl + "sasl.enabled.mechanisms", "PLAIN");
        p.put(ctl + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("ssl.keystore.location", tls.keystore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        p.put("ssl.keystore.type", LocalTls.STORE_TYPE);
        p.put("ssl.truststore.location", tls.truststore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("ssl.truststore.type", LocalTls.STORE_TYPE);
        p.put("ssl.client.auth", "none");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    private static String jaas(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "LocalSecurity[SASL_SSL " + MECHANISM + ", super user " + ADMIN + ", registry basic auth " + REGISTRY_USER + ", " + tls + "]";
    }
}
