package org.kinship.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without JavaScript: a cookie jar of its own over one HTTP client
 * shared by every person, so that thousands of sessions do not cost thousands of selector
 * threads. Sandbox and Kinship both run on this host, so, as in a browser, their cookies
 * share one jar (cookies do not tell ports apart).
 */
final class Browser {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	private final Map<String, String> cookies = new LinkedHashMap<>();

	/**
	 * Gets a page, following redirects as a browser does.
	 * @param url the address
	 * @return the last response
	 */
	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		URI target = URI.create(url);
		for (int hop = 0; hop < 20; hop++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(target).GET());
			var location = response.headers().firstValue("Location");
			if (response.statusCode() / 100 != 3 || location.isEmpty()) {
				return response;
			}
			target = target.resolve(location.get());
		}
		throw new IOException("Too many redirects from " + url);
	}

	/**
	 * Fills in a form of a page and sends it: the form's hidden fields (the CSRF token
	 * among them) with the given fields typed over them.
	 * @param pageUrl the page with the form
	 * @param formId the form's id
	 * @param fields what the person types and ticks
	 * @return the response, redirects not followed
	 */
	HttpResponse<String> submit(String pageUrl, String formId, Map<String, String> fields)
			throws IOException, InterruptedException {
		return post(form(pageUrl, formId), fields);
	}

	/**
	 * Reads a form of a page as it is shown: where it posts and its hidden fields (the
	 * CSRF token among them).
	 * @param pageUrl the page with the form
	 * @param formId the form's id
	 * @return the form
	 */
	Form form(String pageUrl, String formId) throws IOException, InterruptedException {
		HttpResponse<String> page = get(pageUrl);
		Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
			.matcher(page.body());
		if (page.statusCode() != 200 || !form.find()) {
			throw new IOException("No " + formId + " on " + pageUrl + " (" + page.statusCode() + ")");
		}
		Matcher action = ACTION.matcher(form.group(0));
		if (!action.find()) {
			throw new IOException("No action on " + formId);
		}
		Map<String, String> hidden = new LinkedHashMap<>();
		Matcher field = HIDDEN.matcher(form.group(1));
		while (field.find()) {
			hidden.put(unescape(field.group(1)), unescape(field.group(2)));
		}
		return new Form(URI.create(pageUrl).resolve(unescape(action.group(1))), hidden);
	}

	/**
	 * Sends a form read before, as pressing its button does.
	 * @param form the form
	 * @param fields what the person types and ticks, over the hidden fields
	 * @return the response, redirects not followed
	 */
	HttpResponse<String> post(Form form, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> sent = new LinkedHashMap<>(form.hidden());
		sent.putAll(fields);
		String body = sent.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(form.action())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Asks for a page or a page's data without waiting, as a page's script does: no
	 * redirect followed (one is an answer a script does not expect).
	 * @param url the address
	 * @param accept what the page's script accepts
	 * @return the response, once it has come whole
	 */
	CompletableFuture<HttpResponse<String>> fetch(String url, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
		String cookie = cookieHeader();
		if (!cookie.isEmpty()) {
			request.header("Cookie", cookie);
		}
		return HTTP.sendAsync(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> {
				response.headers().allValues("Set-Cookie").forEach(this::keep);
				return response;
			});
	}

	/**
	 * The cookies this browser sends, for a WebSocket handshake.
	 * @return a {@code Cookie} header value
	 */
	synchronized String cookieHeader() {
		return this.cookies.entrySet()
			.stream()
			.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String cookie = cookieHeader();
		if (!cookie.isEmpty()) {
			request.header("Cookie", cookie);
		}
		HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		response.headers().allValues("Set-Cookie").forEach(this::keep);
		return response;
	}

	private synchronized void keep(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		if (equals < 1) {
			return;
		}
		String name = pair.substring(0, equals).trim();
		String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, pair.substring(equals + 1).trim());
		}
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A form as a page shows it.
	 *
	 * @param action where it posts
	 * @param hidden its hidden fields
	 */
	record Form(URI action, Map<String, String> hidden) {
	}

}
