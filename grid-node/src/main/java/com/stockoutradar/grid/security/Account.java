package com.stockoutradar.grid.security;

import java.util.Set;

/** A signed-in caller: a person's user name or a machine's key name, and what it may do. */
public record Account(String name, Set<Role> roles, boolean machine) {

    public Account {
        roles = Set.copyOf(roles);
    }

    /** ADMIN may do everything another role may. */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
