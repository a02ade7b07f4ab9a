// Guidelines are written in Markdown in a plain textarea, which works without JavaScript.
// With it, each editor gets Write and Preview tabs (WAI-ARIA tabs pattern) and, on the Write
// tab, a toolbar (WAI-ARIA toolbar pattern) whose buttons edit the textarea. Preview asks
// the server for the rendering used on saving, so what staff see is what members will see.
(function () {
	'use strict';
	var csrf = document.querySelector('input[name="_csrf"]');

	function element(tag, attributes, text) {
		var made = document.createElement(tag);
		Object.keys(attributes).forEach(function (name) {
			made.setAttribute(name, attributes[name]);
		});
		if (text) {
			made.textContent = text;
		}
		return made;
	}

	// wraps the selection in a marker, or puts a placeholder between two markers
	function wrap(area, before, after, placeholder) {
		var start = area.selectionStart;
		var end = area.selectionEnd;
		var chosen = area.value.slice(start, end) || placeholder;
		area.setRangeText(before + chosen + after, start, end, 'end');
		area.setSelectionRange(start + before.length, start + before.length + chosen.length);
	}

	// makes every line touched by the selection a list item
	function bullets(area) {
		var start = area.value.lastIndexOf('\n', area.selectionStart - 1) + 1;
		var end = area.value.indexOf('\n', area.selectionEnd);
		end = end < 0 ? area.value.length : end;
		var lines = area.value.slice(start, end).split('\n').map(function (line) {
			return /^\s*[-*+] /.test(line) ? line : '- ' + line;
		});
		var list = lines.join('\n');
		// a list needs a blank line before it to start after a paragraph
		var gap = start > 1 && area.value.slice(start - 2, start) !== '\n\n' ? '\n' : '';
		area.setRangeText(gap + list, start, end, 'end');
	}

	function link(area, text) {
		var start = area.selectionStart;
		var chosen = area.value.slice(start, area.selectionEnd) || text;
		var address = 'https://';
		area.setRangeText('[' + chosen + '](' + address + ')', start, area.selectionEnd, 'end');
		// the address is what is left to type
		var at = start + chosen.length + 3;
		area.setSelectionRange(at, at + address.length);
	}

	function toolbar(editor, area) {
		var bar = element('div', { role: 'toolbar', 'aria-label': editor.dataset.toolbar, 'aria-controls': area.id,
			class: 'markdown-toolbar' });
		var actions = [
			['bold', function () { wrap(area, '**', '**', editor.dataset.bold); }],
			['italic', function () { wrap(area, '_', '_', editor.dataset.italic); }],
			['list', function () { bullets(area); }],
			['link', function () { link(area, editor.dataset.linkText); }]
		];
		var buttons = actions.map(function (action, i) {
			var button = element('button', { type: 'button', class: 'secondary', 'data-format': action[0],
				tabindex: i === 0 ? '0' : '-1' }, editor.dataset[action[0]]);
			button.addEventListener('click', function () {
				action[1]();
				area.focus();
				area.dispatchEvent(new Event('input', { bubbles: true }));
			});
			bar.appendChild(button);
			return button;
		});
		bar.addEventListener('keydown', function (event) {
			var at = buttons.indexOf(document.activeElement);
			var next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
			if (at >= 0 && next !== undefined) {
				event.preventDefault();
				next = (next + buttons.length) % buttons.length;
				buttons.forEach(function (button, i) {
					button.tabIndex = i === next ? 0 : -1;
				});
				buttons[next].focus();
			}
		});
		return bar;
	}

	function showPreview(editor, area, panel) {
		if (!area.value.trim()) {
			panel.textContent = editor.dataset.empty;
			return;
		}
		panel.textContent = editor.dataset.loading;
		panel.setAttribute('aria-busy', 'true');
		var body = new URLSearchParams({ guidelines: area.value });
		if (csrf) {
			body.append('_csrf', csrf.value);
		}
		fetch(editor.dataset.previewUrl, { method: 'POST', credentials: 'same-origin', body: body,
			headers: { Accept: 'text/html' } })
			.then(function (response) {
				if (!response.ok) {
					throw new Error(String(response.status));
				}
				return response.text();
			})
			.then(function (html) {
				// the server's sanitized rendering, the same as members will see
				panel.innerHTML = html;
			})
			.catch(function () {
				panel.textContent = editor.dataset.failed;
			})
			.finally(function () {
				panel.removeAttribute('aria-busy');
			});
	}

	function enhance(editor) {
		var area = editor.querySelector('textarea');
		var id = area.id;
		var tablist = element('div', { role: 'tablist', class: 'markdown-tabs',
			'aria-label': editor.querySelector('label').textContent });
		var write = element('button', { type: 'button', role: 'tab', id: id + '-write-tab',
			'aria-controls': id + '-write', 'aria-selected': 'true' }, editor.dataset.write);
		var preview = element('button', { type: 'button', role: 'tab', id: id + '-preview-tab',
			'aria-controls': id + '-preview', 'aria-selected': 'false', tabindex: '-1' }, editor.dataset.preview);
		tablist.append(write, preview);
		var writePanel = element('div', { role: 'tabpanel', id: id + '-write', 'aria-labelledby': write.id });
		var previewPanel = element('div', { role: 'tabpanel', id: id + '-preview', 'aria-labelledby': preview.id,
			tabindex: '0', class: 'guidelines markdown-preview', 'aria-live': 'polite' });
		previewPanel.hidden = true;
		editor.insertBefore(tablist, area);
		editor.insertBefore(writePanel, area);
		editor.insertBefore(previewPanel, writePanel.nextSibling);
		writePanel.append(toolbar(editor, area), area);
		var tabs = [write, preview];
		var panels = [writePanel, previewPanel];

		function select(index, focus) {
			tabs.forEach(function (tab, i) {
				tab.setAttribute('aria-selected', i === index ? 'true' : 'false');
				tab.tabIndex = i === index ? 0 : -1;
				panels[i].hidden = i !== index;
			});
			if (index === 1) {
				showPreview(editor, area, previewPanel);
			}
			if (focus) {
				tabs[index].focus();
			}
		}
		tabs.forEach(function (tab, i) {
			tab.addEventListener('click', function () {
				select(i, false);
			});
			tab.addEventListener('keydown', function (event) {
				var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
				if (next !== undefined) {
					event.preventDefault();
					select((next + tabs.length) % tabs.length, true);
				}
			});
		});
		editor.classList.add('enhanced');
	}

	document.querySelectorAll('.markdown-editor').forEach(enhance);
})();
