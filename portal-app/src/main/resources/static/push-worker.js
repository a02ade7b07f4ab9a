// Kinship's service worker. Its only job is to show a push as a notification and to open
// Kinship's launch link when the notification is clicked. It has no fetch handler and
// caches nothing, on purpose: Kinship's pages hold a member's conversations and are only
// valid inside a session launched from their health system, so a cached page could show
// them to the next person using the device, or outlive the session it came from.
self.addEventListener('push', (event) => {
	let data = {};
	try {
		data = event.data ? event.data.json() : {};
	}
	catch (e) {
		data = {};
	}
	event.waitUntil(self.registration.showNotification(data.title || 'Kinship', {
		body: data.body || '',
		lang: data.lang || '',
		icon: '/icons/kinship-192.png',
		tag: 'kinship',
		data: { url: data.url || '/' },
	}));
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
	// only ever Kinship's own launch link, which goes through the health system's portal
	event.waitUntil(self.clients.openWindow(url.origin === self.location.origin ? url.href : '/'));
});
