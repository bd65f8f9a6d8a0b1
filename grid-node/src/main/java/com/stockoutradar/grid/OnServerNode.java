package com.stockoutradar.grid;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Beans only a server node needs: it holds data, loads it on a cold start and seeds the demo. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(prefix = "radar.grid", name = "client-mode", havingValue = "false", matchIfMissing = true)
public @interface OnServerNode {
}
