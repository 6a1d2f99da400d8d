package io.liquidityengine.dtc.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Logon credentials. The password comes from an environment variable or a file (its first line),
 * never from configuration in the repository, and is never printed: {@link #toString()} shows the
 * user name and where the password came from only.
 */
public final class DtcCredentials {

    private final String username;
    private final String password;
    private final String passwordOrigin;

    /** DTC's Username and Password are char[32]: at most 31 bytes reach the server. */
    static final int MAX_BYTES = 31;

    private DtcCredentials(String username, String password, String passwordOrigin) {
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.passwordOrigin = passwordOrigin;
        // a longer value would be cut short on the wire and the logon refused for ever: say so at once
        if (this.username.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("DTC user name '" + this.username + "' is longer than " + MAX_BYTES
                    + " bytes, the most a DTC logon carries");
        }
        if (this.password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("the DTC password from " + passwordOrigin + " is longer than " + MAX_BYTES
                    + " bytes, the most a DTC logon carries");
        }
    }

    /** No credentials (servers that need none, such as a local Sierra Chart with authentication off). */
    public static DtcCredentials none() {
        return new DtcCredentials("", "", "none");
    }

    /**
     * @param username     the DTC user name (not secret)
     * @param passwordFile a file whose first line is the password, if given
     * @param passwordEnv  the environment variable holding the password, used when no file is given
     * @param environment  the process environment (System.getenv() outside tests)
     */
    public static DtcCredentials resolve(String username, Optional<Path> passwordFile, String passwordEnv,
                                         Map<String, String> environment) {
        if (passwordFile.isPresent()) {
            Path file = passwordFile.get();
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                return new DtcCredentials(username, first.strip(), "file " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the DTC password file " + file + ": " + e.getMessage(), e);
            }
        }
        String value = passwordEnv == null ? null : environment.get(passwordEnv);
        return new DtcCredentials(username, value, value == null ? "none (" + passwordEnv + " not set)" : "environment " + passwordEnv);
    }

    public String username() {
        return username;
    }

    /** The password, for the logon request only. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "DtcCredentials[user=" + username + ", password from " + passwordOrigin + "]";
    }
}
