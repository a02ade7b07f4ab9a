package dev.kinship.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The health check of the sandbox EHR's container image, which has Java but no curl: asks
 * one URL (its health endpoint) and exits with 0 when it answers 2xx, with 1 when it
 * answers otherwise or not at all, within two seconds. Compose runs it as
 * {@code java -cp /app/classes dev.kinship.sandbox.HealthProbe URL}; it uses the JDK
 * alone, so nothing but the application's own classes needs to be on the class path.
 */
public final class HealthProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private HealthProbe() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: java -cp /app/classes " + HealthProbe.class.getName() + " URL");
			System.exit(2);
		}
		System.exit(check(URI.create(args[0])));
	}

	/** 0 if the URL answers 2xx, 1 otherwise; says why on standard error. */
	static int check(URI url) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
		try {
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status >= 200 && status < 300) {
				return 0;
			}
			System.err.println(url + " answered " + status);
		}
		catch (IOException ex) {
			System.err.println(url + " did not answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 1;
	}

}
