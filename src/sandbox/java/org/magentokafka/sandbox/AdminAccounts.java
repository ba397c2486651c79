package org.magentokafka.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one admin user of the sandbox: sign-in with the lock of authentication_lock/* (6 failures lock the
 * account for 30 minutes), optional Google Authenticator 2FA, and the admin tokens issued with their expiry.
 * Thread-safe.
 */
final class AdminAccounts {

    static final int MAX_FAILURES = 6;
    static final Duration LOCK = Duration.ofMinutes(30);
    static final String SIGN_IN_INCORRECT = "The account sign-in was incorrect or your account is disabled temporarily."
                                            + " Please wait and try again later.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final SandboxTotp totp;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    /** @param totpSecret base32 secret, or null when 2FA is off */
    AdminAccounts(String username, String password, String totpSecret, Duration tokenLifetime, Clock clock) {
        this.username = username;
        this.password = password;
        this.totp = totpSecret == null ? null : new SandboxTotp(totpSecret);
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** POST /V1/integration/admin/token. */
    String tokenForPassword(String user, String pass) {
        signIn(user, pass);
        if (totp != null) {
            // Magento_TwoFactorAuth checks the password first, then sends the caller to the provider endpoints.
            throw MagentoError.named(401, "Please use the 2fa provider-specific endpoints to obtain a token.",
                    Map.of("active_providers", new String[] {"google"}));
        }
        return issue();
    }

    /** POST /V1/tfa/provider/google/authenticate. */
    String tokenForGoogle(String user, String pass, String otp) {
        signIn(user, pass);
        if (totp == null) {
            throw MagentoError.of(400, "Provider is not allowed.");
        }
        if (!totp.accepts(otp, clock.instant())) {
            throw MagentoError.of(401, "Invalid code.");
        }
        return issue();
    }

    boolean tokenValid(String token) {
        Instant expiry = tokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    String currentOtp() {
        return totp == null ? null : totp.codeAt(clock.instant());
    }

    private synchronized void signIn(String user, String pass) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            throw MagentoError.of(401, SIGN_IN_INCORRECT);
        }
        if (!username.equals(user) || !password.equals(pass)) {
            if (++failures >= MAX_FAILURES) {
                failures = 0;
                lockedUntil = now.plus(LOCK);
            }
            throw MagentoError.of(401, SIGN_IN_INCORRECT);
        }
        failures = 0;
    }

    private String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(tokenLifetime));
        return token;
    }

    @Override
    public String toString() {
        return "AdminAccounts[username=" + username + ", password=****]";
    }
}
