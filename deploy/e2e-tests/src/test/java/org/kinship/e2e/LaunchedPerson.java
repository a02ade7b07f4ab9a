package org.kinship.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.e2e.TokenLifetimeIntegrationTests.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox persona launched into Kinship, using it through a browser without JavaScript:
 * pages are read as HTML and forms are sent as a browser sends them, hidden fields and
 * CSRF token included, unticked boxes left out. Form fields are given as name, value,
 * name, value, ...
 */
final class LaunchedPerson {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	private final Browserless browser;

	private final String kinshipUrl;

	private LaunchedPerson(String kinshipUrl) {
		this(new Browserless(), kinshipUrl);
	}

	private LaunchedPerson(Browserless browser, String kinshipUrl) {
		this.browser = browser;
		this.kinshipUrl = kinshipUrl;
	}

	/**
	 * The same person, with the same cookies, going to another of the cluster's nodes, as
	 * a load balancer without sticky sessions sends them.
	 * @param cluster the cluster
	 * @param node the node
	 * @return the person at that node, launched nowhere again
	 */
	LaunchedPerson at(KinshipCluster cluster, int node) {
		return new LaunchedPerson(this.browser, cluster.nodeUrl(node));
	}

	/**
	 * Launches a persona from the sandbox EHR, as the EHR does.
	 * @param system the running sandbox and Kinship
	 * @param persona the persona's id
	 * @return the person, on Kinship's home page
	 */
	static LaunchedPerson launch(RunningKinship system, String persona) throws Exception {
		return launch(system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr", system.kinshipUrl(), persona);
	}

	/**
	 * Launches a persona from the cluster's sandbox into one of its nodes.
	 * @param cluster the cluster
	 * @param node the node
	 * @param persona the persona's id
	 * @return the person, on that node's home page
	 */
	static LaunchedPerson launch(KinshipCluster cluster, int node, String persona) throws Exception {
		return launch(
				cluster.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr&client=" + cluster.clientOf(node),
				cluster.nodeUrl(node), persona);
	}

	private static LaunchedPerson launch(String launchUrl, String kinshipUrl, String persona) throws Exception {
		LaunchedPerson person = new LaunchedPerson(kinshipUrl);
		HttpResponse<String> home = person.browser.get(launchUrl);
		assertThat(home.statusCode()).as("launch of " + persona).isEqualTo(200);
		assertThat(home.request().uri().toString()).startsWith(kinshipUrl);
		return person;
	}

	/**
	 * The cookies of this person's Kinship session, for a WebSocket handshake.
	 * @return a {@code Cookie} header value
	 */
	String kinshipUrl() {
		return this.kinshipUrl;
	}

	String kinshipCookies() {
		return this.browser.cookieHeader(this.kinshipUrl + "/");
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.browser.get(url(path));
	}

	/**
	 * A page in the language a browser set to it asks for.
	 * @param path the page
	 * @param acceptLanguage the {@code Accept-Language} header
	 * @return the response, redirects not followed
	 */
	HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
		return this.browser
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", acceptLanguage).build());
	}

	/**
	 * Fills in a form of a page and sends it: the hidden fields the page put in the form,
	 * with the given fields typed over them.
	 * @param pagePath the page with the form
	 * @param formId the form's id
	 * @param fields what the person types, ticks and presses
	 * @return the response, redirects not followed
	 */
	HttpResponse<String> submit(String pagePath, String formId, List<String> fields) throws Exception {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("the page with " + formId).isEqualTo(200);
		Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
			.matcher(page.body());
		assertThat(form.find()).as(formId + " in " + pagePath).isTrue();
		Matcher action = ACTION.matcher(form.group(0));
		assertThat(action.find()).isTrue();
		List<String> sent = new ArrayList<>();
		Matcher hidden = HIDDEN.matcher(form.group(1));
		while (hidden.find()) {
			String name = unescape(hidden.group(1));
			if (!names(fields).contains(name)) {
				sent.addAll(List.of(name, unescape(hidden.group(2))));
			}
		}
		sent.addAll(fields);
		return send(unescape(action.group(1)), sent);
	}

	/**
	 * Sends a form the person has not been shown, as a crafted request would, with this
	 * session's CSRF token.
	 * @param path where to send it
	 * @param fields the fields
	 * @return the response, redirects not followed
	 */
	HttpResponse<String> post(String path, List<String> fields) throws Exception {
		Matcher csrf = CSRF.matcher(get("/me").body());
		assertThat(csrf.find()).as("a CSRF token in the page").isTrue();
		List<String> sent = new ArrayList<>(fields);
		sent.addAll(List.of("_csrf", csrf.group(1)));
		return send(path, sent);
	}

	/**
	 * Follows a redirect after a form was sent.
	 * @param response the response to the form
	 * @return the page redirected to
	 */
	HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as("a redirect after the form").isEqualTo(302);
		return get(response.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> send(String path, List<String> fields) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.size(); i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(encode(fields.get(i)))
				.append('=')
				.append(encode(fields.get(i + 1)));
		}
		return this.browser.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private String url(String pathOrUrl) {
		return pathOrUrl.startsWith("http") ? pathOrUrl : this.kinshipUrl + pathOrUrl;
	}

	private static List<String> names(List<String> fields) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < fields.size(); i += 2) {
			names.add(fields.get(i));
		}
		return names;
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

}
