package com.stockoutradar.web;

/** Ports of test nodes: away from the defaults, so tests never join an app running on the same machine. */
public final class TestPorts {
    public static final int DISCOVERY = 48500;
    public static final String DISCOVERY_ADDRESSES = "127.0.0.1:48500..48509";
    public static final int COMMUNICATION = 48100;
    public static final int CLIENT_CONNECTOR = 10900;

    private TestPorts() {
    }
}
