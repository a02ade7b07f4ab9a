package org.kinship.notifications;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.interaso.webpush.CryptoKt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;
import org.kinship.notifications.internal.Dispatch;
import org.kinship.notifications.internal.PushSubscriptionStore;
import org.kinship.notifications.internal.PushSubscriptionStore.PushSubscription;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Web Push to a push service (WireMock): what a member is e-mailed is also pushed to
 * their browser as a valid VAPID request (a JWT for the push service's origin, signed by
 * the key the browser subscribed with), encrypted for that browser ({@code aes128gcm},
 * decrypted here with the browser's keys) and saying counts only, and the group's name
 * only where the member allowed it; a member with no confirmed address is pushed all the
 * same; a push service that answers 410 has its subscription removed; a 503 is retried
 * after the back-off, once. No mail server is configured: pushes do not wait for e-mail.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT3M",
		"kinship.notifications.digest-hour=23", "kinship.notifications.retry-backoff=PT1M",
		"kinship.notifications.push.ephemeral-keys=true", "kinship.moderation.new-member-posts=0" })
@Import(SettableClock.AsTheClock.class)
class PushIntegrationTests {

	static final Instant MORNING = Instant.parse("2026-06-04T09:00:00Z");

	static final WireMockServer PUSH_SERVICE = new WireMockServer(options().dynamicPort());

	static {
		PUSH_SERVICE.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		String prefix = "kinship.launch.issuers.wp.";
		registry.add(prefix + "display-name", () -> "Push Health");
		registry.add(prefix + "fhir-base-url", () -> "https://ehr.push.invalid/fhir");
		registry.add(prefix + "client-id", () -> "kinship-wp");
		registry.add("kinship.groups.demo-issuers", () -> "wp");
	}

	@AfterAll
	static void stop() {
		PUSH_SERVICE.stop();
	}

	@Autowired
	SettableClock clock;

	@Autowired
	Dispatch dispatch;

	@Autowired
	Chat chat;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	NotificationSettings settings;

	@Autowired
	PushSubscriptionStore subscriptions;

	@Autowired
	org.kinship.notifications.internal.UnsubscribeLinks links;

	@Autowired
	org.kinship.notifications.internal.ContactStore contacts;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void aPushService() {
		this.clock.set(MORNING);
		PUSH_SERVICE.resetAll();
		PUSH_SERVICE.stubFor(post(urlPathMatching("/push/ok/.*")).willReturn(aResponse().withStatus(201)));
		PUSH_SERVICE.stubFor(post(urlPathMatching("/push/gone/.*")).willReturn(aResponse().withStatus(410)));
		PUSH_SERVICE.stubFor(post(urlPathMatching("/push/busy/.*")).willReturn(aResponse().withStatus(503)));
	}

	@Test
	void pushesAValidEncryptedVapidRequestWithCountsOnlyInTheMembersLanguage() throws Exception {
		KinshipPrincipal ana = member("ana", "es");
		KinshipPrincipal ben = member("ben", "en");
		Browser browser = new Browser("/push/ok/" + UUID.randomUUID());
		this.subscriptions.save(browser.subscription(ana), this.clock.instant());
		long asked = say(ana, "My ankles swell since the furosemide changed", null);
		say(ben, "Call the heart failure nurse today", asked);
		say(ben, "And rest", asked);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.dispatch.run().pushed()).isEqualTo(1);

		LoggedRequest request = single(browser.path);
		assertThat(request.getHeader("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(Integer.parseInt(request.getHeader("TTL"))).isPositive();
		String authorization = request.getHeader("Authorization");
		assertThat(authorization).startsWith("vapid t=").contains(", k=" + this.settings.view(ana).pushKey());
		String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
		String[] parts = jwt.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"aud\":\"" + PUSH_SERVICE.baseUrl() + "\"").contains("\"exp\":");
		assertThat(signedBy(this.settings.view(ana).pushKey(), parts)).as("signed with the VAPID key").isTrue();

		String shown = browser.decrypt(request.getBody());
		assertThat(shown).contains("Tiene 2 respuestas nuevas en Kinship")
			.contains("/launch/standalone?issuer=wp")
			.doesNotContain("ankles", "furosemide", "nurse", "rest", "Heart failure", "heart failure", "ben");

		this.clock.advance(Duration.ofMinutes(10));
		this.dispatch.run();
		assertThat(PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(browser.path)))).as("never twice").hasSize(1);
	}

	@Test
	void aMemberWithoutAConfirmedAddressIsPushedAllTheSame() throws Exception {
		KinshipPrincipal hal = member("hal", "en", false);
		KinshipPrincipal ivy = member("ivy", "en");
		assertThat(this.settings.view(hal).contact().email()).isNull();
		Browser browser = new Browser("/push/ok/" + UUID.randomUUID());
		this.subscriptions.save(browser.subscription(hal), this.clock.instant());
		say(ivy, "Welcome, take your time", say(hal, "Hi all", null));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(browser.decrypt(single(browser.path).getBody())).contains("You have a new reply in Kinship")
			.doesNotContain("Welcome", "take your time");
		this.clock.advance(Duration.ofMinutes(10));
		this.dispatch.run();
		assertThat(PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(browser.path)))).as("never twice").hasSize(1);
	}

	@Test
	void aPushNamesTheGroupOnlyWhereTheMemberAllowedIt() throws Exception {
		KinshipPrincipal jo = member("jo", "en");
		KinshipPrincipal kim = member("kim", "en");
		KinshipPrincipal lee = member("lee", "en");
		String group = this.directory.page(jo, "heart-failure-support").orElseThrow().group().name();
		long groupId = this.directory.page(jo, "heart-failure-support").orElseThrow().group().id();
		this.settings.saveGroup(jo, groupId, "replies", true, true);
		Browser allowed = new Browser("/push/ok/" + UUID.randomUUID());
		Browser notAllowed = new Browser("/push/ok/" + UUID.randomUUID());
		this.subscriptions.save(allowed.subscription(jo), this.clock.instant());
		this.subscriptions.save(notAllowed.subscription(kim), this.clock.instant());
		say(lee, "Try the low-salt soup", say(jo, "Any recipes?", null));
		say(lee, "Try the low-salt soup too", say(kim, "Any recipes for me?", null));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(allowed.decrypt(single(allowed.path).getBody())).contains("In " + group)
			.doesNotContain("soup", "lee");
		assertThat(notAllowed.decrypt(single(notAllowed.path).getBody())).contains("You have a new reply in Kinship")
			.doesNotContain(group, "soup");
	}

	@Test
	void aMemberWhoStoppedEveryEmailIsStillPushedAsTheUnsubscribePageSays() throws Exception {
		KinshipPrincipal mia = member("mia", "en");
		KinshipPrincipal ned = member("ned", "en");
		Browser browser = new Browser("/push/ok/" + UUID.randomUUID());
		this.subscriptions.save(browser.subscription(mia), this.clock.instant());
		String link = this.links.link(this.contacts.find(mia.issuer(), mia.fhirUser()).orElseThrow().unsubscribeId());
		assertThat(this.settings.unsubscribe(link.substring(link.indexOf("/unsubscribe/") + "/unsubscribe/".length())))
			.isTrue();
		assertThat(this.settings.view(mia).contact().unsubscribed()).isTrue();
		say(ned, "Glad you are here", say(mia, "Hello", null));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(browser.decrypt(single(browser.path).getBody())).contains("You have a new reply in Kinship");
	}

	@Test
	void aSubscriptionThePushServiceSaysIsGoneIsRemoved() throws Exception {
		KinshipPrincipal cy = member("cy", "en");
		KinshipPrincipal dee = member("dee", "en");
		Browser browser = new Browser("/push/gone/" + UUID.randomUUID());
		this.subscriptions.save(browser.subscription(cy), this.clock.instant());
		assertThat(this.settings.view(cy).pushBrowsers()).isEqualTo(1);
		say(dee, "Hello @" + "x", say(cy, "Hi", null));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(single(browser.path)).isNotNull();
		assertThat(this.settings.view(cy).pushBrowsers()).as("removed after 410").isZero();
	}

	@Test
	void aPushTheServiceRefusedWithA503IsSentAfterTheBackOffOnce() throws Exception {
		KinshipPrincipal eve = member("eve", "en");
		KinshipPrincipal fay = member("fay", "en");
		Browser browser = new Browser("/push/busy/" + UUID.randomUUID());
		this.subscriptions.save(browser.subscription(eve), this.clock.instant());
		say(fay, "Welcome", say(eve, "Hi all", null));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(browser.path)))).hasSize(1);

		PUSH_SERVICE.stubFor(post(urlPathEqualTo(browser.path)).atPriority(1).willReturn(aResponse().withStatus(201)));
		this.dispatch.run();
		assertThat(PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(browser.path))))
			.as("not again before the back-off")
			.hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(10));
		this.dispatch.run();
		assertThat(PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(browser.path)))).hasSize(2);
		assertThat(this.settings.view(eve).pushBrowsers()).isEqualTo(1);
	}

	@Test
	void refusesASubscriptionThatIsNotABrowsersHttpsEndpoint() {
		KinshipPrincipal gil = member("gil", "en");
		String key = "B" + "A".repeat(86);
		assertThatThrownBy(() -> this.settings.subscribe(gil,
				new PushForm("http://169.254.169.254/latest", key.substring(0, 87), "A".repeat(22))))
			.isInstanceOf(Refused.class);
		assertThat(this.settings.view(gil).pushBrowsers()).isZero();
	}

	private LoggedRequest single(String path) {
		List<LoggedRequest> requests = PUSH_SERVICE.findAll(postRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static boolean signedBy(String publicKey, String[] jwt) throws Exception {
		ECPublicKey key = CryptoKt.generatePublicKeyFromUncompressedBytes(Base64.getUrlDecoder().decode(publicKey));
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		signature.initVerify(key);
		signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(jwt[2]));
	}

	private KinshipPrincipal member(String name, String language) {
		return member(name, language, true);
	}

	private KinshipPrincipal member(String name, String language, boolean confirmed) {
		String patientId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		String issuer = "https://ehr.push.invalid/fhir";
		KinshipPrincipal patient = new KinshipPrincipal("wp", issuer, "Patient/" + patientId, "P " + patientId,
				KinshipRole.PATIENT, Set.of(), patientId, null, false, null, null, null, List.of(), Set.of(),
				java.util.Map.of());
		this.events.publishEvent(new MemberLaunched("wp", issuer, patient.fhirUser(), KinshipRole.PATIENT, patientId));
		this.memberships.join(patient, "heart-failure-support",
				new JoinForm(name + patientId.substring(patientId.length() - 4), false, false, true));
		String address = confirmed ? patientId + "@example.org" : "";
		this.settings.saveContact(patient, new ContactForm(address, language, "UTC", "", ""));
		return patient;
	}

	private long say(KinshipPrincipal member, String text, Long replyTo) {
		long groupId = this.directory.page(member, "heart-failure-support").orElseThrow().group().id();
		return this.chat.send(member, groupId, new SendCommand(UUID.randomUUID().toString(), text, replyTo))
			.message()
			.id();
	}

	/**
	 * A browser's side of a subscription: its key pair and secret, to read what it gets.
	 */
	private static final class Browser {

		final String path;

		final KeyPair keys = CryptoKt.generateSecp256r1KeyPair();

		final byte[] auth = CryptoKt.generateSalt(16);

		Browser(String path) {
			this.path = path;
		}

		PushSubscription subscription(KinshipPrincipal member) {
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return new PushSubscription(member.issuer(), member.fhirUser(), PUSH_SERVICE.baseUrl() + this.path,
					base64.encodeToString(CryptoKt.getUncompressedBytes((ECPublicKey) this.keys.getPublic())),
					base64.encodeToString(this.auth));
		}

		/** RFC 8291 and RFC 8188, as a browser reads a push. */
		String decrypt(byte[] body) throws Exception {
			ByteBuffer in = ByteBuffer.wrap(body);
			byte[] salt = new byte[16];
			in.get(salt);
			in.getInt();
			byte[] serverKey = new byte[in.get()];
			in.get(serverKey);
			byte[] cipherText = new byte[in.remaining()];
			in.get(cipherText);
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(this.keys.getPrivate());
			agreement.doPhase(CryptoKt.generatePublicKeyFromUncompressedBytes(serverKey), true);
			byte[] ecdh = agreement.generateSecret();
			byte[] browserKey = CryptoKt.getUncompressedBytes((ECPublicKey) this.keys.getPublic());
			byte[] info = CryptoKt.concatBytes("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey,
					serverKey);
			byte[] ikm = hkdf(this.auth, ecdh, info, 32);
			byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			byte[] plain = cipher.doFinal(cipherText);
			int end = plain.length - 1;
			while (plain[end] == 0) {
				end--;
			}
			assertThat(plain[end]).as("the last record's delimiter").isEqualTo((byte) 2);
			return new String(Arrays.copyOf(plain, end), StandardCharsets.UTF_8);
		}

		private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] prk = mac.doFinal(ikm);
			mac.init(new SecretKeySpec(prk, "HmacSHA256"));
			mac.update(info);
			mac.update((byte) 1);
			return Arrays.copyOf(mac.doFinal(), length);
		}

	}

}
