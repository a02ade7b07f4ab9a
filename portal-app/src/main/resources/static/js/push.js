// Web Push on the notification settings page: asks the browser's permission only when the
// member presses the button, subscribes with Kinship's public key through /push-worker.js,
// and posts the subscription with the page's own form (and its CSRF token). The stop
// button unsubscribes this browser and tells Kinship to forget it.
const allow = document.getElementById('push-form');
const stop = document.getElementById('push-remove-form');
const state = document.getElementById('push-state');

function say(text) {
	state.textContent = text;
	state.hidden = false;
}

function fill(form, subscription) {
	const json = subscription.toJSON();
	form.elements.endpoint.value = json.endpoint;
	if (form.elements.p256dh) {
		form.elements.p256dh.value = json.keys.p256dh;
		form.elements.auth.value = json.keys.auth;
	}
}

function key(base64url) {
	const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function start() {
	if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
		say(state.dataset.unsupported);
		return;
	}
	if (Notification.permission === 'denied') {
		say(state.dataset.denied);
		return;
	}
	const registration = await navigator.serviceWorker.register('/push-worker.js', { scope: '/' });
	const current = await registration.pushManager.getSubscription();
	if (current) {
		fill(stop, current);
		stop.hidden = false;
	}
	else {
		allow.hidden = false;
	}
	allow.addEventListener('submit', async (event) => {
		event.preventDefault();
		if (await Notification.requestPermission() !== 'granted') {
			say(state.dataset.denied);
			return;
		}
		const subscription = await registration.pushManager.subscribe({
			userVisibleOnly: true,
			applicationServerKey: key(allow.dataset.key),
		});
		fill(allow, subscription);
		allow.submit();
	});
	stop.addEventListener('submit', async (event) => {
		event.preventDefault();
		const subscription = await registration.pushManager.getSubscription();
		if (subscription) {
			await subscription.unsubscribe();
		}
		stop.submit();
	});
}

if (allow && stop && state) {
	start().catch(() => say(state.dataset.unsupported));
}
