package org.kinship.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock {@code @stomp/stompjs} client, as any client outside Kinship's own pages
 * would use it, driven in headless Chromium from a member's group page (same origin, the
 * launch session's cookie): it connects, subscribes with a receipt, sends and receives
 * its message, catches up, has a refused subscription, an unreadable send and a refused
 * read marker answered on its reply queue without losing the socket, and is told that an
 * oversized frame is too large before the socket closes. The contract is in
 * {@code portal-app/README.md}.
 */
@ExtendWith(Browsers.class)
class StompClientBrowserTests {

	private static final String GROUP = "/groups/heart-failure-support";

	/** A group nobody here belongs to. */
	private static final long OTHER_GROUP = 987654;

	/**
	 * The client's script: every answer it is waiting for arrives, or the script reports
	 * where it stopped once the test's patience is spent.
	 */
	private static final String CONTRACT = """
			const done = arguments[arguments.length - 1];
			const groupId = Number(document.getElementById('chat').dataset.groupId);
			const text = arguments[0];
			const seen = { steps: [], replies: [], history: [], live: [], errors: [], close: null };
			const finish = () => { try { client.deactivate(); } catch (e) {} done(JSON.stringify(seen)); };
			const until = (check, then) => {
				const timer = setInterval(() => { if (check()) { clearInterval(timer); then(); } }, 50);
			};
			const reply = (receipt) => seen.replies.find((r) => r.receipt === receipt);
			const client = new StompJs.Client({
				brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
				reconnectDelay: 0,
			});
			client.onStompError = (frame) => {
				seen.errors.push(frame.headers.message);
				finish();
			};
			client.onConnect = () => {
				seen.steps.push('connected');
				client.subscribe('/user/queue/replies', (f) => seen.replies.push(JSON.parse(f.body)));
				client.subscribe('/user/queue/history', (f) => seen.history.push(JSON.parse(f.body)));
				client.watchForReceipt('follow', () => {
					seen.steps.push('subscribed');
					client.watchForReceipt('send', () => seen.steps.push('sent'));
					client.publish({ destination: '/app/groups/' + groupId + '/send',
						body: JSON.stringify({ clientId: 'stock-client-' + Date.now(), text }),
						headers: { receipt: 'send', 'content-type': 'application/json' } });
				});
				client.subscribe('/topic/groups/' + groupId, (f) => seen.live.push(JSON.parse(f.body)),
					{ receipt: 'follow' });
				until(() => seen.live.some((m) => m.html && m.html.includes(text)), () => {
					seen.steps.push('received');
					client.publish({ destination: '/app/groups/' + groupId + '/since', body: '{"afterSeq":0}',
						headers: { receipt: 'since', 'content-type': 'application/json' } });
				});
				until(() => seen.history.some((h) => JSON.stringify(h).includes(text)), () => {
					seen.steps.push('caught up');
					client.subscribe('/topic/groups/%1$d', () => {}, { receipt: 'refused-follow' });
					client.publish({ destination: '/app/groups/' + groupId + '/send', body: '{not json',
						headers: { receipt: 'unreadable', 'content-type': 'application/json' } });
					client.publish({ destination: '/app/groups/%1$d/read', body: '{"afterSeq":1}',
						headers: { receipt: 'refused-read', 'content-type': 'application/json' } });
				});
				until(() => reply('refused-follow') && reply('unreadable') && reply('refused-read'), () => {
					seen.steps.push(client.connected ? 'refusals answered, still connected' : 'refusals closed it');
					client.publish({ destination: '/app/groups/' + groupId + '/send',
						body: JSON.stringify({ clientId: 'stock-client-big', text: 'x'.repeat(70000) }),
						headers: { 'content-type': 'application/json' } });
				});
			};
			client.onWebSocketClose = (event) => {
				seen.steps.push('closed');
				seen.close = event.code + ' ' + event.reason;
				finish();
			};
			client.activate();
			""".formatted(OTHER_GROUP);

	private final RunningKinship system = RunningKinship.get();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aStockStompClientFollowsTheClientContract(WebDriver browser) throws Exception {
		inGroup(browser, "robert-nguyen", "Rob N");
		String text = "From a stock STOMP client " + System.nanoTime();
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));

		String outcome = (String) ((JavascriptExecutor) browser).executeAsyncScript(CONTRACT, text);

		Map<String, Object> seen = new tools.jackson.databind.json.JsonMapper().readValue(outcome, Map.class);
		// the send's receipt and the message's live copy travel on the same socket in no
		// promised order: each must come after the subscription
		List<String> steps = (List<String>) seen.get("steps");
		assertThat(steps)
			.as("steps (socket closed with %s, ERROR frames %s, replies %s)", seen.get("close"), seen.get("errors"),
					seen.get("replies"))
			.containsSubsequence("connected", "subscribed", "sent")
			.containsSubsequence("connected", "subscribed", "received", "caught up",
					"refusals answered, still connected");
		List<Map<String, Object>> replies = (List<Map<String, Object>>) seen.get("replies");
		assertThat(replies).anySatisfy((reply) -> assertThat(reply).containsEntry("receipt", "refused-follow")
			.containsEntry("outcome", "REFUSED")
			.containsEntry("reason", "You can only follow groups you belong to."));
		assertThat(replies).anySatisfy((reply) -> assertThat(reply).containsEntry("receipt", "unreadable")
			.containsEntry("reason", "Kinship could not read that. Reload the page and try again."));
		assertThat(replies).anySatisfy((reply) -> assertThat(reply).containsEntry("receipt", "refused-read")
			.containsEntry("outcome", "REFUSED"));
		assertThat((List<String>) seen.get("errors")).as("the oversized frame, told before the socket closes")
			.containsExactly("That frame is too large: at most 65536 bytes.");
	}

	private void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(this.system.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr");
		Browser.waitFor(browser, By.id("greeting"));
		browser.get(this.system.kinshipUrl() + GROUP);
		if (browser.findElements(By.id("chat")).isEmpty()) {
			browser.get(this.system.kinshipUrl() + GROUP + "/join");
			browser.findElement(By.id("displayName")).sendKeys(displayName);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
		}
		new WebDriverWait(browser, Browser.PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

}
