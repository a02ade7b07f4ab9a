package org.kinship.e2e;

import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.Ports;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members chatting in headless Chromium through nginx in front of two Kinship nodes,
 * with the configuration compose and {@code deploy/cluster} ship (round robin, no sticky
 * sessions): launched from the EHR through nginx, each member's page and socket are on a
 * different node, and what one sends the other sees live, relayed between the nodes
 * through Redis.
 */
@ExtendWith(Browsers.class)
class TwoNodeChatBrowserTests {

	private static final String GROUP = "/groups/heart-failure-support";

	private static Nginx nginx;

	private static KinshipCluster cluster;

	@BeforeAll
	static void startClusterBehindNginx() throws Exception {
		int front = Ports.free();
		cluster = KinshipCluster.behindLoadBalancer(front);
		nginx = Nginx.start(front, cluster.nodePort(0), cluster.nodePort(1));
	}

	@AfterAll
	static void stopAll() {
		if (nginx != null) {
			nginx.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void membersOnDifferentNodesChatLiveThroughNginx(WebDriver linda, WebDriver robert) throws Exception {
		inGroup(linda, "linda-okafor", "Linda O");
		int lindasNode = nodeWithSockets(1);

		// the second member's page and socket go to the other node: Linda's is taken out
		// of the rotation, her open socket stays where it is
		nginx.takeOut(lindasNode);
		inGroup(robert, "robert-nguyen", "Rob N");
		int robertsNode = 1 - lindasNode;
		awaitSockets(() -> cluster.openSockets(robertsNode), 1);
		assertThat(cluster.openSockets(lindasNode)).as("Linda's socket still on her node").isEqualTo(1);

		String fromLinda = "Across the nodes from Linda " + System.nanoTime();
		send(linda, fromLinda);
		Browser.waitFor(robert, message(fromLinda));
		String fromRobert = "And back from Robert " + System.nanoTime();
		send(robert, fromRobert);
		Browser.waitFor(linda, message(fromRobert));
		assertThat(linda.findElements(message(fromLinda))).as("the sender sees her message once").hasSize(1);
		assertThat(robert.findElements(message(fromLinda))).as("the other member sees it once").hasSize(1);
	}

	private static void inGroup(WebDriver browser, String persona, String displayName) {
		browser.get(cluster.sandboxUrl() + "/launch?persona=" + persona + "&mode=ehr&client=" + cluster.clientOf(0));
		Browser.waitFor(browser, By.id("greeting"));
		assertThat(browser.getCurrentUrl()).as("launched into Kinship through nginx").startsWith(nginx.url());
		browser.get(nginx.url() + GROUP);
		if (browser.findElements(By.id("chat")).isEmpty()) {
			browser.get(nginx.url() + GROUP + "/join");
			browser.findElement(By.id("displayName")).sendKeys(displayName);
			browser.findElement(By.id("acceptGuidelines")).click();
			browser.findElement(By.id("join-submit")).click();
		}
		Browser.waitUntil(browser,
				ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Connected"));
	}

	/** The node where the first page's socket is open, once there are this many. */
	private static int nodeWithSockets(int sockets) throws InterruptedException {
		awaitSockets(() -> cluster.openSockets(0) + cluster.openSockets(1), sockets);
		return (cluster.openSockets(0) == sockets) ? 0 : 1;
	}

	private static void awaitSockets(IntSupplier open, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Browser.PATIENCE.toNanos();
		while (open.getAsInt() != expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(open.getAsInt()).as("sockets open").isEqualTo(expected);
	}

	private static By message(String text) {
		return By.xpath("//ol[@id='messages']//div[@class='body' and contains(., '" + text + "')]");
	}

	private static void send(WebDriver browser, String text) {
		browser.findElement(By.id("composer-text")).sendKeys(text);
		browser.findElement(By.id("composer-text")).sendKeys(Keys.ENTER);
	}

}
