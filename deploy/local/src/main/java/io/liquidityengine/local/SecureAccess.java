package io.liquidityengine.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Users and ACLs of a secured local stack, made through the Admin API as an operator would: SCRAM-SHA-512
 * credentials ({@code alterUserScramCredentials}) and ACL bindings ({@code createAcls}). Both calls return
 * once the controller has committed them; each method here also waits until the broker applies them
 * (the user can authenticate, the broker's authorizer lists the ACLs), so a client started next sees them.
 */
public final class SecureAccess {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LocalStack stack;
    private final LocalSecurity security;

    SecureAccess(LocalStack stack, LocalSecurity security) {
        this.stack = stack;
        this.security = security;
    }

    /** Creates (or replaces) {@code user}'s SCRAM-SHA-512 credential with a new random password, which it returns. */
    public String createUser(String user) {
        String password = LocalTls.secret();
        createUser(user, password);
        return password;
    }

    public void createUser(String user, String password) {
        createUsers(Map.of(user, password));
    }

    /** Creates the users (name to password) in one request, then waits until each one can authenticate. */
    public void createUsers(Map<String, String> passwords) {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> alterations = new java.util.ArrayList<>();
        passwords.forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)));
        try (Admin admin = stack.admin()) {
            admin.alterUserScramCredentials(alterations).all().get();
            // the broker answers this from the metadata image it authenticates with: once it lists them, logins work
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (!admin.describeUserScramCredentials().all().get().keySet().containsAll(passwords.keySet())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the SCRAM users " + passwords.keySet() + " within 30 s");
                }
                pause();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the SCRAM users " + passwords.keySet() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        passwords.forEach(this::awaitAuthentication);
    }

    /** Kafka client settings of {@code user} on this stack: bootstrap servers, SASL_SSL, SCRAM, the trust store. */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.putAll(security.clientConfig(user, password));
        return config;
    }

    /**
     * Gives every user of {@code acls} a random password and its bindings, and writes each one's client settings to
     * {@code <dir>/<user>.properties}, and the super user's to {@code <dir>/admin.properties}.
     *
     * @return the files by user, in {@code acls}' order, admin last
     */
    public Map<String, Path> provision(Map<String, List<AclBinding>> acls, Path dir) {
        Map<String, String> passwords = new java.util.LinkedHashMap<>();
        acls.keySet().forEach(user -> passwords.put(user, LocalTls.secret()));
        createUsers(passwords);
        grant(acls.values().stream().flatMap(List::stream).toList());
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        passwords.forEach((user, password) -> {
            writeClientProperties(user, password, dir.resolve(user + ".properties"));
            files.put(user, dir.resolve(user + ".properties"));
        });
        writeClientProperties(LocalSecurity.ADMIN, security.adminPassword(), dir.resolve(LocalSecurity.ADMIN + ".properties"));
        files.put(LocalSecurity.ADMIN, dir.resolve(LocalSecurity.ADMIN + ".properties"));
        return files;
    }

    /**
     * Writes {@code file} (readable and writable by its owner only) with every setting a service needs to run as
     * {@code user} on this stack, under the services' keys: {@code kafka.*} (bootstrap servers, SASL_SSL, SCRAM, trust
     * store) and the registry's (URL, basic auth, trust store). A service reads it with
     * {@code QUARKUS_CONFIG_LOCATIONS=<file>}.
     */
    public void writeClientProperties(String user, String password, Path file) {
        Properties p = new Properties();
        clientConfig(user, password).forEach((k, v) -> p.setProperty("kafka." + k, v.toString()));
        stack.registryConfig().forEach((k, v) -> p.setProperty(k, v.toString()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Kafka and registry client settings of " + user + " on the secured local stack (secrets: keep private)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Creates the ACL bindings and waits until the broker's authorizer holds every one of them. */
    public void grant(Collection<AclBinding> bindings) {
        try (Admin admin = stack.admin()) {
            admin.createAcls(bindings).all().get();
            Set<AclBinding> wanted = new HashSet<>(bindings);
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply " + bindings.size() + " ACL bindings within 30 s");
                }
                pause();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker learns a new credential from the metadata log a moment after the controller commits it. */
    private void awaitAuthentication(String user, String password) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try (Admin admin = Admin.create(clientConfig(user, password))) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("user " + user + " cannot connect: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("user " + user + ": no answer from the broker within 10 s", e);
            }
            pause();
        }
    }

    private static void pause() throws IllegalStateException {
        synchronized (SecureAccess.class) {
            try {
                SecureAccess.class.wait(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
