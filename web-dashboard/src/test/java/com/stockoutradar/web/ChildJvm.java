package com.stockoutradar.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A packaged jar run as its own process ({@code java -jar}, no JVM flags: the manifest carries what Ignite needs),
 * for tests that kill it the hard way. Its output is kept for failure messages.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private ChildJvm(Process process, String readyLine) {
        this.process = process;
        this.reader = new Thread(() -> follow(readyLine), "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code jar} in {@code directory} and waits until it prints {@code readyLine}. */
    public static ChildJvm start(Path jar, Path directory, String readyLine, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Djava.net.preferIPv4Stack=true", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        ChildJvm child;
        try {
            directory.toFile().mkdirs();
            child = new ChildJvm(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start(), readyLine);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        try {
            long deadline = System.currentTimeMillis() + 180_000;
            while (!child.ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!child.process.isAlive() || System.currentTimeMillis() > deadline) {
                    child.kill();
                    throw new IllegalStateException("no \"" + readyLine + "\" before it ended or within 180 s; "
                            + "output:\n" + child.output());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.kill();
            throw new IllegalStateException(e);
        }
        return child;
    }

    /** SIGKILL: no shutdown hook, no flush, no checkpoint. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an operator stops it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow(String readyLine) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains(readyLine)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
