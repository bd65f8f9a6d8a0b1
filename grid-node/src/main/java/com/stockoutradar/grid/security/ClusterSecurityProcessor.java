package com.stockoutradar.grid.security;

import static org.apache.ignite.plugin.security.SecuritySubjectType.REMOTE_CLIENT;
import static org.apache.ignite.plugin.security.SecuritySubjectType.REMOTE_NODE;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.IgniteNodeAttributes;
import org.apache.ignite.internal.processors.GridProcessorAdapter;
import org.apache.ignite.internal.processors.security.GridSecurityProcessor;
import org.apache.ignite.internal.processors.security.SecurityContext;
import org.apache.ignite.plugin.security.AuthenticationContext;
import org.apache.ignite.plugin.security.SecurityCredentials;
import org.apache.ignite.plugin.security.SecurityException;
import org.apache.ignite.plugin.security.SecurityPermission;
import org.apache.ignite.plugin.security.SecuritySubject;

/**
 * Ignite's security for this system (internal API of Ignite 2.17, pinned in the parent POM and covered by the tests of
 * this package). A node joins only if it presents the cluster secret, and then may do everything. On the thin-client
 * and JDBC port nobody is anonymous: a user signs in with a name and password of an account that may
 * {@link Role#ANALYST}, and may then only read ({@link GridAccess#READ_ONLY}); an ADMIN too, since the system is
 * changed through its HTTP API.
 */
final class ClusterSecurityProcessor extends GridProcessorAdapter implements GridSecurityProcessor {
    /** The login a node presents with the cluster secret; only the secret is checked. */
    private static final String NODE_LOGIN = "stockout-radar-node";

    private final Accounts accounts;
    private final byte[] clusterSecret;
    /**
     * Everyone who may sign in on the thin-client port, by subject id. Ignite sends only the id to the nodes that
     * serve a session's requests (the map phase of a query, a get from another node's partition), so the id is derived
     * from the name and each node finds the subject in its own accounts (which every node shares).
     */
    private final Map<UUID, GridSubject> analysts;

    ClusterSecurityProcessor(GridKernalContext ctx, Accounts accounts) {
        super(ctx);
        this.accounts = accounts;
        this.clusterSecret = accounts.clusterSecret().getBytes(StandardCharsets.UTF_8);
        this.analysts = accounts.people().stream()
                .filter(account -> account.may(Role.ANALYST))
                .map(account -> analyst(account.name(), null))
                .collect(Collectors.toUnmodifiableMap(GridSubject::id, Function.identity()));
    }

    /** Every node presents the cluster secret as its credentials when it joins. */
    @Override
    public void start() {
        ctx.addNodeAttribute(IgniteNodeAttributes.ATTR_SECURITY_CREDENTIALS,
                new SecurityCredentials(NODE_LOGIN, accounts.clusterSecret()));
    }

    @Override
    public SecurityContext authenticateNode(ClusterNode node, SecurityCredentials credentials) {
        if (!presentsClusterSecret(credentials)) {
            log.warning("Refused " + (node.isClient() ? "client" : "server") + " node " + node.consistentId()
                    + " (id " + node.id() + ", addresses " + node.addresses() + "): its cluster secret does not match "
                    + "this cluster's (radar.security.cluster-secret)");
            return null;
        }
        return new GridSubject(node.id(), REMOTE_NODE, String.valueOf(node.consistentId()), firstAddress(node),
                GridAccess.EVERYTHING);
    }

    /** The coordinator alone checks a joining node: every node holds the same secret, so asking all adds nothing. */
    @Override
    public boolean isGlobalNodeAuthentication() {
        return false;
    }

    /**
     * A thin-client or JDBC connection's sign-in. Ignite calls this from the client connector's handshake whenever
     * security is enabled, which a plugin's processor does on its own: {@code IgniteConfiguration
     * .setAuthenticationEnabled(true)} is Ignite's built-in user store instead, and Ignite 2.17 refuses to start with
     * both. The JDBC thin driver sends {@code user} and {@code password}, the thin client
     * {@code ClientConfiguration.setUserName}/{@code setUserPassword}; without them the login is null.
     */
    @Override
    public SecurityContext authenticate(AuthenticationContext context) {
        SecurityCredentials credentials = context.credentials();
        String login = credentials == null ? null : asText(credentials.getLogin());
        String password = credentials == null ? null : asText(credentials.getPassword());
        Optional<Account> account = accounts.signIn(login, password);
        if (account.isEmpty() || !account.get().may(Role.ANALYST)) {
            log.warning("Refused sign-in on the thin-client/JDBC port from " + context.address()
                    + (login == null ? ": no user name" : " as " + login + ": "
                    + (account.isEmpty() ? "wrong user name or password" : "not an ANALYST")));
            return null;
        }
        return analyst(login, context.address());
    }

    @Override
    public SecurityContext securityContext(UUID subjectId) {
        // null for a node's id: Ignite then reads the node's subject from its attributes
        return analysts.get(subjectId);
    }

    @Override
    public Collection<SecuritySubject> authenticatedSubjects() {
        return List.copyOf(analysts.values());
    }

    @Override
    public SecuritySubject authenticatedSubject(UUID subjectId) {
        return analysts.get(subjectId);
    }

    @Override
    public void authorize(String name, SecurityPermission permission, SecurityContext context) {
        if (!(context instanceof GridSubject subject)) {
            throw new SecurityException("Refused " + permission + ": not a subject of this cluster: " + context);
        }
        if (!subject.access().allows(permission)) {
            String refusal = "Refused: the analyst account is read-only (" + subject.login() + " may not "
                    + permission + (name == null ? "" : " on " + name) + ")";
            // JDBC shows the reason; a thin client gets only Ignite's "not authorized", so the log tells the rest
            log.warning(refusal);
            throw new SecurityException(refusal);
        }
    }

    /** A thin-client user's subject is derived from the name alone: there is nothing to forget when it leaves. */
    @Override
    public void onSessionExpired(UUID subjectId) {
    }

    @Override
    public boolean enabled() {
        return true;
    }

    private boolean presentsClusterSecret(SecurityCredentials credentials) {
        String presented = credentials == null ? null : asText(credentials.getPassword());
        return presented != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), clusterSecret);
    }

    private static GridSubject analyst(String login, InetSocketAddress from) {
        return new GridSubject(GridSubject.analystId(login), REMOTE_CLIENT, login, from, GridAccess.READ_ONLY);
    }

    private static InetSocketAddress firstAddress(ClusterNode node) {
        return node.addresses().stream().findFirst()
                .map(host -> InetSocketAddress.createUnresolved(host, 0))
                .orElse(null);
    }

    private static String asText(Object value) {
        return value instanceof String text ? text : null;
    }
}
