// Kinship group chat: STOMP over WebSocket with acknowledged sends, retries under the same
// client id, and catch-up by sequence number after every (re)connect.
(function () {
	'use strict';
	const root = document.getElementById('chat');
	if (!root) {
		return;
	}
	const groupId = root.dataset.groupId;
	const list = document.getElementById('messages');
	const statusLine = document.getElementById('chat-status');
	const announcer = document.getElementById('chat-announcer');
	const olderButton = document.getElementById('chat-older');
	const composer = document.getElementById('composer');
	const text = document.getElementById('composer-text');
	const errorLine = document.getElementById('composer-error');
	const replying = document.getElementById('replying');
	const crisis = document.getElementById('crisis');
	const notice = document.getElementById('chat-notice');
	const flagReasons = ['off-topic', 'unkind', 'misinformation', 'spam', 'personal-information', 'worried'];
	const words = list.dataset;
	const myName = root.dataset.myName;
	const staff = root.dataset.staff === 'true';
	const reactions = ['👍', '❤️', '🙏', '🤗', '😢'];
	const seen = new Map();
	const pending = new Map();
	let syncedSeq = 0;
	let oldestSeq = Number.MAX_SAFE_INTEGER;
	let lastReadSeq = 0;
	let replyTo = null;
	let catchingUp = false;
	const pinnedRegion = document.getElementById('pinned');
	const pinnedList = document.getElementById('pinned-messages');
	const composerNotice = document.getElementById('composer-notice');
	const sendButton = document.getElementById('composer-send');
	let pinnedIds = new Set();

	function status(kind) {
		statusLine.textContent = statusLine.dataset[kind];
		statusLine.className = 'chat-status ' + kind;
	}

	function render(message) {
		const item = document.createElement('li');
		item.className = 'message';
		item.id = 'm-' + message.id;
		item.dataset.seq = message.seq;
		const author = document.createElement('span');
		author.className = 'author';
		author.textContent = message.author;
		const time = document.createElement('time');
		time.dateTime = message.createdAt;
		time.textContent = new Date(message.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
		const body = document.createElement('div');
		body.className = 'body';
		if (message.deleted) {
			body.textContent = words.deleted;
		}
		else {
			// sanitized on the server through an allowlist
			body.innerHTML = message.html;
		}
		item.append(author, ' ', time);
		if (message.replyTo && seen.has(message.replyTo)) {
			const quote = document.createElement('p');
			quote.className = 'in-reply';
			quote.textContent = '↪ ' + seen.get(message.replyTo).author;
			item.append(quote);
		}
		item.append(body);
		if (message.edited) {
			const edited = document.createElement('span');
			edited.className = 'muted';
			edited.textContent = words.edited;
			item.append(edited);
		}
		if (!message.deleted && message.mentions && message.mentions.includes(myName)) {
			item.classList.add('mentions-me');
			const tag = document.createElement('span');
			tag.className = 'badge';
			tag.textContent = '@ ' + words.mentionsYou;
			item.append(' ', tag);
		}
		if (!message.deleted) {
			item.append(reactionBar(message));
		}
		if (staff && !message.deleted) {
			const pinned = pinnedIds.has(message.id);
			const pin = actionButton(pinned ? pinnedRegion.dataset.unpin : pinnedRegion.dataset.pin,
				() => change({ kind: pinned ? 'unpin' : 'pin', messageId: message.id }));
			pin.classList.add('pin');
			pin.setAttribute('aria-label', pin.textContent + ': ' + message.author);
			item.append(pin);
		}
		if (composer && !message.deleted && (message.author === myName || staff)) {
			if (message.author === myName) {
				item.append(actionButton(words.edit, () => startEdit(item, message)));
			}
			item.append(actionButton(words.delete, () => change({ kind: 'delete', messageId: message.id })));
		}
		if (composer && !message.deleted && message.author !== myName) {
			item.append(actionButton(words.flag, () => startFlag(item, message)));
		}
		if (composer) {
			const reply = document.createElement('button');
			reply.type = 'button';
			reply.className = 'link-like';
			reply.textContent = words.reply;
			reply.setAttribute('aria-label', words.reply + ': ' + message.author);
			reply.addEventListener('click', () => startReply(message));
			item.append(reply);
		}
		return item;
	}

	function actionButton(label, onClick) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'link-like';
		button.textContent = label;
		button.addEventListener('click', onClick);
		return button;
	}

	function reactionBar(message) {
		const bar = document.createElement('span');
		bar.className = 'reactions';
		reactions.forEach((emoji) => {
			const givers = (message.reactions && message.reactions[emoji]) || [];
			if (!composer && givers.length === 0) {
				return;
			}
			const mine = givers.includes(myName);
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'reaction' + (mine ? ' mine' : '');
			button.setAttribute('aria-pressed', String(mine));
			button.setAttribute('aria-label', words.react.replace('{0}', emoji) + (givers.length ? ' (' + givers.join(', ') + ')' : ''));
			button.textContent = emoji + (givers.length ? ' ' + givers.length : '');
			button.disabled = !composer;
			button.addEventListener('click', () => change({ kind: 'react', messageId: message.id, emoji, on: !mine }));
			bar.append(button);
		});
		return bar;
	}

	function startEdit(item, message) {
		const editor = document.createElement('form');
		editor.className = 'editor';
		const field = document.createElement('textarea');
		field.setAttribute('aria-label', words.edit);
		field.maxLength = 4000;
		field.value = item.querySelector('.body').textContent;
		editor.append(field, actionButton(words.cancel, () => editor.remove()));
		const save = document.createElement('button');
		save.type = 'submit';
		save.className = 'secondary';
		save.textContent = words.save;
		editor.append(save);
		editor.addEventListener('submit', (event) => {
			event.preventDefault();
			change({ kind: 'edit', messageId: message.id, text: field.value });
			editor.remove();
		});
		item.append(editor);
		field.focus();
	}

	function startFlag(item, message) {
		if (item.querySelector('.flagger')) {
			return;
		}
		const form = document.createElement('form');
		form.className = 'flagger';
		const labels = words.flagReasons.split('|');
		const field = document.createElement('select');
		field.setAttribute('aria-label', words.flagTitle);
		flagReasons.forEach((reason, index) => {
			const option = document.createElement('option');
			option.value = reason;
			option.textContent = labels[index];
			field.append(option);
		});
		const send = document.createElement('button');
		send.type = 'submit';
		send.className = 'secondary';
		send.textContent = words.flagSend;
		form.append(field, ' ', send, ' ', actionButton(words.cancel, () => form.remove()));
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			change({ kind: 'flag', messageId: message.id, reason: field.value });
			form.remove();
		});
		item.append(form);
		field.focus();
	}

	function showNotice(textContent) {
		notice.hidden = false;
		notice.textContent = textContent;
	}

	// a facilitator's decision about one of this member's messages, said at once
	function onDecision(decision) {
		if (String(decision.groupId) !== String(groupId)) {
			return;
		}
		const key = decision.decision.toLowerCase().replace(/_([a-z])/g, (match, letter) => letter.toUpperCase());
		const said = notice.dataset[key];
		if (said) {
			showNotice(said + (decision.reason ? ' ' + notice.dataset.reason.replace('{0}', decision.reason) : ''));
		}
	}

	function showCrisis() {
		// the care-plan panel beside the discussion holds the member's own care team
		document.getElementById('crisis-care-team').hidden = !document.getElementById('careplan-care-team');
		crisis.hidden = false;
		crisis.focus();
	}
	document.getElementById('crisis-close').addEventListener('click', () => {
		crisis.hidden = true;
		text.focus();
	});

	function change(command) {
		command.requestId = crypto.randomUUID();
		client.publish({ destination: '/app/groups/' + groupId + '/change', body: JSON.stringify(command) });
	}

	function replace(message) {
		const old = document.getElementById('m-' + message.id);
		seen.set(message.id, message);
		if (old) {
			old.replaceWith(render(message));
		}
		if (pinnedIds.has(message.id)) {
			refreshControls();
		}
	}

	// the group's controls (pins, lock, slow mode, live sessions) as this person sees
	// them: asked again whenever the server says they changed, and after every reconnect
	function refreshControls() {
		return fetch('/chat/groups/' + groupId + '/controls', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then((response) => (response.ok ? response.json() : null))
			.then((controls) => {
				if (controls) {
					showControls(controls);
				}
			});
	}

	function showControls(controls) {
		const before = pinnedIds;
		pinnedIds = new Set(controls.pinned.map((message) => message.id));
		pinnedList.replaceChildren(...controls.pinned.map((message) => {
			const item = document.createElement('li');
			item.className = 'message pinned-message';
			item.id = 'pinned-' + message.id;
			const author = document.createElement('span');
			author.className = 'author';
			author.textContent = message.author;
			const body = document.createElement('div');
			body.className = 'body';
			// sanitized on the server through an allowlist
			body.innerHTML = message.html;
			item.append(author, body);
			if (staff) {
				item.append(actionButton(pinnedRegion.dataset.unpin, () => change({ kind: 'unpin', messageId: message.id })));
			}
			return item;
		}));
		pinnedRegion.hidden = controls.pinned.length === 0;
		new Set([...before, ...pinnedIds]).forEach((id) => {
			const old = document.getElementById('m-' + id);
			if (old && seen.has(id)) {
				old.replaceWith(render(seen.get(id)));
			}
		});
		composerNotice.textContent = controls.notices.join(' ');
		text.disabled = !controls.mayPost;
		sendButton.disabled = !controls.mayPost;
	}

	function controlsChanged() {
		refreshControls();
		document.dispatchEvent(new CustomEvent('kinship:controls-changed', { detail: { groupId } }));
	}
	document.addEventListener('kinship:controls-due', controlsChanged);

	function add(message, announce) {
		if (seen.has(message.id)) {
			const known = seen.get(message.id);
			if (known.edited !== message.edited || known.deleted !== message.deleted || JSON.stringify(known.reactions) !== JSON.stringify(message.reactions) || known.html !== message.html) {
				replace(message);
			}
			return;
		}
		seen.set(message.id, message);
		const held = document.getElementById('held-' + message.id);
		if (held) {
			held.remove();
		}
		const mine = pending.get(message.clientId);
		if (mine) {
			mine.element.remove();
			pending.delete(message.clientId);
		}
		const item = render(message);
		const after = Array.from(list.querySelectorAll('li.message')).find((other) => Number(other.dataset.seq) > message.seq);
		if (lastReadSeq > 0 && message.seq > lastReadSeq && !list.querySelector('.new-marker')) {
			const marker = document.createElement('li');
			marker.className = 'new-marker';
			marker.textContent = words.newMarker;
			list.insertBefore(marker, after || null);
		}
		list.insertBefore(item, after || null);
		oldestSeq = Math.min(oldestSeq, message.seq);
		if (announce && !mine) {
			announcer.textContent = words.announce.replace('{0}', message.author) + ' ' + item.querySelector('.body').textContent;
		}
	}

	function startReply(message) {
		replyTo = message.id;
		replying.hidden = false;
		replying.textContent = words.replying.replace('{0}', message.author) + ' ';
		const cancel = document.createElement('button');
		cancel.type = 'button';
		cancel.className = 'link-like';
		cancel.textContent = words.cancel;
		cancel.addEventListener('click', () => {
			replyTo = null;
			replying.hidden = true;
		});
		replying.append(cancel);
		text.focus();
	}

	const client = new StompJs.Client({
		brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
		reconnectDelay: 2000,
		heartbeatIncoming: 20000,
		heartbeatOutgoing: 20000,
	});

	client.onConnect = () => {
		status('connected');
		client.subscribe('/user/queue/replies', (frame) => onReply(JSON.parse(frame.body)));
		client.subscribe('/user/queue/history', (frame) => onHistory(JSON.parse(frame.body)));
		client.subscribe('/user/queue/notices', (frame) => onDecision(JSON.parse(frame.body)));
		client.subscribe('/topic/groups/' + groupId, (frame) => onLive(JSON.parse(frame.body)));
		client.subscribe('/topic/groups/' + groupId + '/activity', (frame) => onActivity(JSON.parse(frame.body)));
		client.subscribe('/topic/groups/' + groupId + '/controls', () => controlsChanged());
		refreshControls();
		announcePresence();
		catchingUp = false;
		catchUp();
		pending.forEach((entry) => publish(entry.command));
	};
	client.onWebSocketClose = (event) => {
		if (event.code === 4003) {
			// suspended or banned: the page, reloaded, says why
			client.deactivate();
			location.reload();
			return;
		}
		if (event.code === 4001) {
			// the launch session ended: do not reconnect with a dead session
			client.deactivate();
			status('offline');
			return;
		}
		status('reconnecting');
	};

	// syncedSeq: everything up to here has been asked of the server; a gap above it (a
	// message missed while away, on another node, or held for review) is closed by a
	// catch-up, which returns each stored message once, in order
	let again = false;
	function catchUp() {
		if (catchingUp) {
			again = true;
			return;
		}
		catchingUp = true;
		again = false;
		client.publish({ destination: '/app/groups/' + groupId + '/since', body: JSON.stringify({ afterSeq: syncedSeq }) });
	}

	function onHistory(reply) {
		catchingUp = false;
		reply.messages.forEach((message) => {
			add(message, true);
			syncedSeq = Math.max(syncedSeq, message.seq);
		});
		if (!reply.upToDate || again) {
			catchUp();
		}
		markRead();
	}

	function onLive(message) {
		if (seen.has(message.id)) {
			add(message, false);
			return;
		}
		add(message, true);
		if (message.seq === syncedSeq + 1) {
			syncedSeq = message.seq;
		}
		else if (message.seq > syncedSeq + 1) {
			catchUp();
		}
		markRead();
	}

	function maxSeq() {
		return Math.max(0, ...Array.from(list.querySelectorAll('li.message')).map((item) => Number(item.dataset.seq || 0)));
	}

	let readTimer = null;
	function markRead() {
		clearTimeout(readTimer);
		readTimer = setTimeout(() => {
			if (client.connected) {
				client.publish({ destination: '/app/groups/' + groupId + '/read', body: JSON.stringify({ afterSeq: maxSeq() }) });
			}
		}, 1000);
	}

	function onReply(reply) {
		if (reply.outcome === 'CHANGED') {
			replace(reply.message);
			return;
		}
		if (reply.outcome === 'FLAGGED') {
			showNotice(reply.reason);
			return;
		}
		if (reply.crisis) {
			showCrisis();
		}
		const entry = pending.get(reply.clientId);
		if (reply.outcome === 'STORED') {
			if (reply.message) {
				add(reply.message, false);
			}
			pending.delete(reply.clientId);
			return;
		}
		if (reply.outcome === 'HELD') {
			// only the author sees a held message, marked as waiting, until a facilitator
			// approves it and it arrives live under the same id
			if (entry) {
				entry.element.textContent = words.held + ': ' + entry.command.text;
				entry.element.className = 'message held';
				if (reply.message) {
					entry.element.id = 'held-' + reply.message.id;
				}
				pending.delete(reply.clientId);
			}
			showNotice(reply.reason);
			return;
		}
		if (entry) {
			entry.element.remove();
			pending.delete(reply.clientId);
			if (!text.value) {
				text.value = entry.command.text;
			}
		}
		errorLine.hidden = false;
		errorLine.textContent = reply.reason;
	}

	function publish(command) {
		client.publish({ destination: '/app/groups/' + groupId + '/send', body: JSON.stringify(command) });
	}

	if (composer) {
		composer.addEventListener('submit', (event) => {
			event.preventDefault();
			const value = text.value.trim();
			if (!value) {
				return;
			}
			errorLine.hidden = true;
			const command = { clientId: crypto.randomUUID(), text: value, replyTo: replyTo };
			const element = document.createElement('li');
			element.className = 'message pending';
			element.textContent = words.pending + ' ' + value;
			list.append(element);
			pending.set(command.clientId, { command, element });
			text.value = '';
			replyTo = null;
			replying.hidden = true;
			if (client.connected) {
				publish(command);
			}
		});
		text.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && !event.shiftKey) {
				event.preventDefault();
				composer.requestSubmit();
			}
		});
	}

	// presence is the member's choice, kept in this browser; typing is sent at most every
	// three seconds and never stored
	const showOnline = document.getElementById('show-online');
	const onlineLine = document.getElementById('online');
	const typingLine = document.getElementById('typing');
	showOnline.checked = localStorage.getItem('kinship.show-online') === 'yes';
	showOnline.addEventListener('change', () => {
		localStorage.setItem('kinship.show-online', showOnline.checked ? 'yes' : 'no');
		announcePresence();
	});
	function announcePresence() {
		if (client.connected) {
			client.publish({ destination: '/app/groups/' + groupId + '/presence', body: JSON.stringify({ visible: showOnline.checked }) });
		}
	}
	setInterval(() => {
		if (showOnline.checked) {
			announcePresence();
		}
	}, 30000);
	let typingSent = 0;
	if (composer) {
		text.addEventListener('input', () => {
			if (client.connected && Date.now() - typingSent > 3000) {
				typingSent = Date.now();
				client.publish({ destination: '/app/groups/' + groupId + '/typing', body: '{}' });
			}
		});
	}
	let typingTimer = null;
	function onActivity(activity) {
		onlineLine.textContent = activity.online.length ? onlineLine.dataset.label + ' ' + activity.online.join(', ') : '';
		const others = activity.typing.filter((name) => name !== myName);
		typingLine.textContent = others.length ? onlineLine.dataset.typing.replace('{0}', others.join(', ')) : '';
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => {
			typingLine.textContent = '';
		}, 6000);
	}

	olderButton.addEventListener('click', () => loadHistory(oldestSeq));

	function loadHistory(before) {
		const url = '/chat/groups/' + groupId + '/messages' + (before < Number.MAX_SAFE_INTEGER ? '?before=' + before : '');
		return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then((response) => response.json())
			.then((history) => {
				if (before === Number.MAX_SAFE_INTEGER) {
					lastReadSeq = history.lastReadSeq;
				}
				history.messages.forEach((message) => {
					add(message, false);
					syncedSeq = Math.max(syncedSeq, message.seq);
				});
				olderButton.hidden = history.messages.length === 0 || oldestSeq <= 1;
			});
	}

	loadHistory(Number.MAX_SAFE_INTEGER).finally(() => client.activate());
})();
