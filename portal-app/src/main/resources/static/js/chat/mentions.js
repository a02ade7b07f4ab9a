// @mentions: typing @ and the start of a name in a composer offers the group's members by the
// names they go by in the group, as a listbox under the field (aria-autocomplete, with the
// option in aria-activedescendant):
// arrows move, Enter or Tab picks, Escape closes. The names come from the server once.
import { groupId } from './page.js';

let names = null;

function memberNames() {
	if (!names) {
		names = fetch('/chat/groups/' + groupId + '/members', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then((response) => (response.ok ? response.json() : []))
			.catch(() => []);
	}
	return names;
}

/** The @word just before the caret, or null. */
function typedMention(field) {
	const before = field.value.slice(0, field.selectionStart);
	const match = /(^|\s)@([^\s@]{0,40})$/.exec(before);
	return match ? { start: before.length - match[2].length - 1, prefix: match[2] } : null;
}

/**
 * Offers the group's members' names in a field.
 * @param field a textarea
 */
export function offerMentions(field) {
	if (!field) {
		return;
	}
	const box = document.createElement('ul');
	box.id = field.id + '-mentions';
	box.className = 'mention-choices';
	box.setAttribute('role', 'listbox');
	box.setAttribute('aria-label', field.closest('[data-mention-label]')?.dataset.mentionLabel || '@');
	box.hidden = true;
	field.after(box);
	field.setAttribute('aria-autocomplete', 'list');
	field.setAttribute('aria-controls', box.id);
	let active = -1;
	let mention = null;

	function close() {
		box.hidden = true;
		box.replaceChildren();
		field.removeAttribute('aria-activedescendant');
		active = -1;
	}

	function highlight(index) {
		const options = box.querySelectorAll('[role="option"]');
		options.forEach((option, at) => option.setAttribute('aria-selected', String(at === index)));
		active = index;
		if (options[index]) {
			field.setAttribute('aria-activedescendant', options[index].id);
		}
	}

	function pick(name) {
		const end = field.selectionStart;
		field.value = field.value.slice(0, mention.start) + '@' + name + ' ' + field.value.slice(end);
		const caret = mention.start + name.length + 2;
		field.setSelectionRange(caret, caret);
		close();
		field.focus();
	}

	field.addEventListener('input', () => {
		mention = typedMention(field);
		if (!mention) {
			close();
			return;
		}
		const wanted = mention.prefix.toLowerCase();
		memberNames().then((all) => {
			const matching = all.filter((name) => name.toLowerCase().startsWith(wanted)).slice(0, 8);
			if (!mention || matching.length === 0) {
				close();
				return;
			}
			box.replaceChildren(...matching.map((name, at) => {
				const option = document.createElement('li');
				option.id = box.id + '-' + at;
				option.setAttribute('role', 'option');
				option.textContent = name;
				option.addEventListener('mousedown', (event) => {
					event.preventDefault();
					pick(name);
				});
				return option;
			}));
			box.hidden = false;
			highlight(0);
		});
	});
	// before the composer's own Enter, which sends
	field.addEventListener('keydown', (event) => {
		if (box.hidden) {
			return;
		}
		const count = box.children.length;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			highlight((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
		}
		else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
			pick(box.children[active].textContent);
		}
		else if (event.key === 'Escape') {
			close();
		}
		else {
			return;
		}
		event.preventDefault();
		event.stopImmediatePropagation();
	}, true);
	field.addEventListener('blur', () => setTimeout(close, 150));
}
