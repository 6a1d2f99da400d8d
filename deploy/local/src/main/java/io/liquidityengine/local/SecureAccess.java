package io.liquidityengine.local;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
