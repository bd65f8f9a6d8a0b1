package com.stockoutradar.grid.security;

import java.io.Serializable;
import java.util.UUID;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.security.GridSecurityProcessor;
import org.apache.ignite.plugin.CachePluginContext;
import org.apache.ignite.plugin.CachePluginProvider;
import org.apache.ignite.plugin.ExtensionRegistry;
import org.apache.ignite.plugin.IgnitePlugin;
import org.apache.ignite.plugin.PluginConfiguration;
import org.apache.ignite.plugin.PluginContext;
import org.apache.ignite.plugin.PluginProvider;

/**
 * Plugs {@link ClusterSecurityProcessor} into an Ignite node: the one thing this plugin does. Every node of the
 * cluster (servers and the web application's client node) must have it, since Ignite refuses a node whose security
 * processor differs.
 */
public final class ClusterSecurityPlugin implements PluginProvider<PluginConfiguration>, IgnitePlugin {
    private final Accounts accounts;

    public ClusterSecurityPlugin(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "stockout-radar-security";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String copyright() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IgnitePlugin> T plugin() {
        return (T) this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T createComponent(PluginContext ctx, Class<T> component) {
        return component == GridSecurityProcessor.class
                ? (T) new ClusterSecurityProcessor(((IgniteEx) ctx.grid()).context(), accounts)
                : null;
    }

    @Override
    public void initExtensions(PluginContext ctx, ExtensionRegistry registry) {
    }

    @Override
    public CachePluginProvider createCacheProvider(CachePluginContext ctx) {
        return null;
    }

    @Override
    public void start(PluginContext ctx) {
    }

    @Override
    public void stop(boolean cancel) {
    }

    @Override
    public void onIgniteStart() {
    }

    @Override
    public void onIgniteStop(boolean cancel) {
    }

    @Override
    public Serializable provideDiscoveryData(UUID nodeId) {
        return null;
    }

    @Override
    public void receiveDiscoveryData(UUID nodeId, Serializable data) {
    }

    @Override
    @SuppressWarnings("deprecation")
    public void validateNewNode(ClusterNode node) {
    }
}
