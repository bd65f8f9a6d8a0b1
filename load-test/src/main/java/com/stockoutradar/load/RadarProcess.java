package com.stockoutradar.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as a child process, its output appended to a log file: started, awaited until it serves
 * reads, stopped with SIGTERM or killed with SIGKILL. It knows the bench's {@link Credentials} and reads as its user.
 */
final class RadarProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> command;
    private final String shownCommand;
    private final Path log;
    private final URI url;
    private final String authorization;
    private Process process;

    RadarProcess(Path jar, String heap, List<String> arguments, Credentials credentials, Path log, URI url) {
        List<String> shown = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-jar", jar.toString()));
        shown.addAll(arguments);
        this.shownCommand = String.join(" ", shown) + " --radar.security.… (the bench's user and API key)";
        this.command = new ArrayList<>(shown);
        this.command.addAll(credentials.applicationArguments());
        this.authorization = credentials.person();
        this.log = log;
        this.url = url;
    }

    /** The command line as it can be printed: without the credentials. */
    String shownCommand() {
        return shownCommand;
    }

    void start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Seconds until {@code path} answers 200; fails when the process ends first or after {@code atMost}. */
    double awaitAnswer(String path, long startedNanos, Duration atMost) throws InterruptedException {
        long deadline = startedNanos + atMost.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " did not answer 200 within " + atMost + ", see " + log);
    }

    /** SIGTERM, then waits for the exit; returns the seconds it took. */
    double stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the application did not stop within 5 minutes");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** SIGKILL: nothing of the application's shutdown runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** For a bench that fails half-way: no child left behind. */
    void killIfAlive() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
