package org.chorus.interfaces.security;

import java.util.Set;

import jakarta.security.enterprise.credential.Credential;

/**
 * A login whose password the security domain has just accepted, with the roles it gave: only server code makes one, and
 * {@link ChorusAuthentication} turns it into the container's identity for the session.
 */
public record VerifiedLogin(String user, Set<String> roles) implements Credential {

    public VerifiedLogin {
        roles = Set.copyOf(roles);
    }
}
