package org.kinship.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a slow link and a member's language get from the pages' plumbing: static files
 * with versioned paths kept a year and compressed, without a page's own headers,
 * unversioned ones checked again; the group page's modules in one file; the manifest; the
 * help pages per role in English and Spanish; and crisis resources per community and
 * language, the United States' 988 where a community has none.
 */
class DesignIntegrationTests {

	private static final Pattern STYLE_SHEET = Pattern.compile("href=\"(/css/kinship-[0-9a-f]{32}\\.css)\"");

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/[0-9a-f]{16}/js/ui\\.js)\"");

	private final RunningKinship system = RunningKinship.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void versionedStaticFilesAreKeptAYearAndCompressed() throws Exception {
		String home = get("/", "identity").body();
		Matcher css = STYLE_SHEET.matcher(home);
		assertThat(css.find()).as("a versioned style sheet in the page").isTrue();
		Matcher js = SCRIPT.matcher(home);
		assertThat(js.find()).as("a versioned script in the page").isTrue();

		HttpResponse<String> sheet = get(css.group(1), "gzip");
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(sheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
		HttpResponse<String> script = get(js.group(1), "gzip");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(script.headers().map()).as("none of a page's own headers on a script, and no session")
			.doesNotContainKeys("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "Set-Cookie");
		assertThat(get("/", "identity").headers().firstValue("Content-Security-Policy")).as("a page keeps its policy")
			.isPresent();
		HttpResponse<String> bundle = get(js.group(1).replace("ui.js", "chat.bundle.js"), "identity");
		assertThat(bundle.statusCode()).as("the group page's modules in one file").isEqualTo(200);
		assertThat(bundle.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(bundle.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(bundle.body()).contains("// module: chat/messages.js").contains("from './socket.js';");

		HttpResponse<String> plain = get("/css/kinship.css", "identity");
		assertThat(plain.headers().firstValue("Cache-Control")).as("an unversioned path is checked again")
			.hasValue("no-cache");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(get("/", "gzip").headers().firstValue("Content-Encoding")).as("pages are not compressed (BREACH)")
			.isEmpty();

		HttpResponse<String> manifest = get("/manifest.webmanifest", "identity");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.body()).contains("\"name\": \"Kinship\"").contains("icons/kinship-192.png");
		assertThat(get("/icons/kinship-192.png", "identity").statusCode()).isEqualTo(200);
	}

	@Test
	void eachRoleHasAHelpPageInEnglishAndSpanish() throws Exception {
		LaunchedPerson caregiver = LaunchedPerson.launch(this.system, "grace-brooks");
		String help = caregiver.get("/help").body();
		assertThat(help).contains("data-topic=\"caregiver\"")
			.contains("What Kinship does with your data")
			.contains("Community guidelines")
			.contains("aria-current=\"page\"");
		assertThat(caregiver.get("/help/staff", "es-MX,es;q=0.9").body()).contains("Qué hace Kinship con sus datos")
			.contains("Normas de la comunidad")
			.contains("lang=\"es\"");
		assertThat(caregiver.get("/help/nobody").statusCode()).isEqualTo(404);
		assertThat(get("/help/patient", "identity").statusCode()).as("help before a launch").isEqualTo(200);
	}

	@Test
	void theCrisisCardOffersTheCommunitysLinesInTheMembersLanguage() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Crisis card", true);
		StaffedGroup.Member member = group.join("robert-nguyen", "Rob");
		String english = member.person().get("/groups/" + group.slug, "en-US,en;q=0.9").body();
		assertThat(english).contains("Call or text 988").contains("href=\"tel:988\"").doesNotContain("crisis-lines");
		String spanish = member.person().get("/groups/" + group.slug, "es-US,es;q=0.9").body();
		assertThat(spanish).contains("id=\"crisis-lines\"")
			.contains("988 Línea de Prevención del Suicidio y Crisis")
			.contains("href=\"sms:988\"")
			.contains("Si está en peligro ahora, llame al 911.");
	}

	private HttpResponse<String> get(String path, String encoding) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.system.kinshipUrl() + path))
			.header("Accept-Encoding", encoding)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
