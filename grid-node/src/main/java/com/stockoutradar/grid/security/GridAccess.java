package com.stockoutradar.grid.security;

import org.apache.ignite.plugin.security.SecurityPermission;

/** What a subject may do in the grid, whichever node it asks. */
enum GridAccess {
    /** The nodes: this system's own code, which writes through transactions and jobs. */
    EVERYTHING {
        @Override
        boolean allows(SecurityPermission permission) {
            return true;
        }
    },
    /**
     * Thin-client and JDBC users: read every cache, nothing else. Ignite 2.17 checks an SQL SELECT as
     * {@code CACHE_READ} on each cache it reads, and a key-value get the same way; SQL INSERT, UPDATE, MERGE and
     * DELETE as {@code CACHE_PUT}, a key-value put as {@code CACHE_PUT}, a remove as {@code CACHE_REMOVE}; CREATE and
     * DROP TABLE as {@code CACHE_CREATE} and {@code CACHE_DESTROY}. Index and column changes it does not check.
     */
    READ_ONLY {
        @Override
        boolean allows(SecurityPermission permission) {
            return permission == SecurityPermission.CACHE_READ;
        }
    };

    abstract boolean allows(SecurityPermission permission);
}
