// The page's one STOMP connection over WebSocket, shared by every script on the page (chat,
// broadcasts, review queue). It loads the STOMP client library once, from the path the
// layout names, connects on first use, and after every reconnect subscribes again to every
// destination a script asked for, before telling the scripts that it is connected.

const subscriptions = new Set();
const connectListeners = [];
const closeListeners = [];
// a page with only the broadcast banner waits longer between attempts, so that a node's
// restart is not met by every idle page at once; chat and the review queue ask for less
let reconnectDelay = 5000;
let client = null;
let started = false;

function library() {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = document.querySelector('meta[name="kinship-stomp-client"]').content;
		script.addEventListener('load', () => resolve(window.StompJs));
		script.addEventListener('error', reject);
		document.head.append(script);
	});
}

function start() {
	if (started) {
		return;
	}
	started = true;
	library().then((StompJs) => {
		client = new StompJs.Client({
			brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
			reconnectDelay,
			heartbeatIncoming: 20000,
			heartbeatOutgoing: 20000,
		});
		client.onConnect = () => {
			subscriptions.forEach(open);
			connectListeners.forEach((listener) => listener());
		};
		client.onWebSocketClose = (event) => {
			if (event.code === 4001) {
				// the launch session ended: do not reconnect with a dead session
				client.deactivate();
			}
			closeListeners.forEach((listener) => listener(event));
		};
		client.activate();
	});
}

function open(subscription) {
	subscription.current = client.subscribe(subscription.destination, subscription.handler);
}

/**
 * Follows a destination for as long as the page is open, across reconnects.
 * @param destination the STOMP destination
 * @param handler called with each frame
 * @return a function that stops following it
 */
export function subscribe(destination, handler) {
	const subscription = { destination, handler, current: null };
	subscriptions.add(subscription);
	if (connected()) {
		open(subscription);
	}
	start();
	return () => {
		subscriptions.delete(subscription);
		if (subscription.current && connected()) {
			subscription.current.unsubscribe();
		}
	};
}

/**
 * Sends a frame; like the STOMP client, fails when not connected.
 * @param destination the STOMP destination
 * @param body the frame's body
 */
export function publish(destination, body) {
	if (!client) {
		throw new TypeError('Not connected yet');
	}
	client.publish({ destination, body });
}

/** @return whether frames can be sent now */
export function connected() {
	return client !== null && client.connected;
}

/**
 * Called after every (re)connect, once the page's subscriptions are in place; at once if the
 * page is connected already.
 * @param listener called without arguments
 */
export function onConnect(listener) {
	connectListeners.push(listener);
	if (connected()) {
		listener();
	}
	start();
}

/**
 * Called whenever the socket closes, with the close event; after code 4001 (the launch
 * session ended) the page no longer reconnects.
 * @param listener called with the close event
 */
export function onClose(listener) {
	closeListeners.push(listener);
}

/**
 * Asks that the page reconnect within this many milliseconds: the shortest wish wins.
 * @param milliseconds the longest wait between attempts
 */
export function reconnectWithin(milliseconds) {
	reconnectDelay = Math.min(reconnectDelay, milliseconds);
	if (client) {
		client.reconnectDelay = reconnectDelay;
	}
}

/** Closes the connection for good, for a page about to go away. */
export function stop() {
	if (client) {
		client.deactivate();
	}
}
