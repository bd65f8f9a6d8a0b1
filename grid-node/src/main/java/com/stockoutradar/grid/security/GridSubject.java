package com.stockoutradar.grid.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.ignite.internal.processors.security.SecurityContext;
import org.apache.ignite.plugin.security.SecuritySubject;
import org.apache.ignite.plugin.security.SecuritySubjectType;

/**
 * Who an operation runs as, and what it may do: a node, or a user signed in on the thin-client/JDBC port. Ignite
 * serializes it into the node's attributes and every node deserializes it there, so it carries no secret and only
 * serializable parts; a thin-client user's is found again on other nodes by its {@link #id()}.
 *
 * @param login   a node's consistent id, or the user's name
 * @param address where it connected from, when known (informational)
 */
record GridSubject(UUID id, SecuritySubjectType type, String login, InetSocketAddress address, GridAccess access)
        implements SecuritySubject, SecurityContext {

    /** A thin-client user's subject id, the same on every node: derived from the name alone. */
    static UUID analystId(String login) {
        return UUID.nameUUIDFromBytes(("thin-client-user:" + login).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SecuritySubject subject() {
        return this;
    }
}
