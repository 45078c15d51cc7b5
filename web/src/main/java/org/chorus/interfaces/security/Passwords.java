package org.chorus.interfaces.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Checks a user's password against the deployment's Elytron security domain (the application realm): a success or a
 * failure is an authentication event there, so the domain's brute-force protection counts wrong passwords, and only
 * those.
 */
@ApplicationScoped
public class Passwords {

    private static final Logger LOG = Logger.getLogger(Passwords.class);

    /** The user's roles when {@code password} is theirs; empty otherwise (unknown user, wrong password, locked out). */
    public Optional<VerifiedLogin> check(String user, String password) {
        try {
            SecurityIdentity identity = SecurityDomain.getCurrent().authenticate(user, new PasswordGuessEvidence(
                    password.toCharArray()));
            Set<String> roles = new HashSet<>();
            identity.getRoles().forEach(roles::add);
            return Optional.of(new VerifiedLogin(identity.getPrincipal().getName(), roles));
        } catch (SecurityException refused) {
            LOG.debugf("Login refused for %s: %s", user, refused.getMessage());
            return Optional.empty();
        } catch (RealmUnavailableException e) {
            throw new IllegalStateException("the security realm cannot be read", e);
        }
    }
}
