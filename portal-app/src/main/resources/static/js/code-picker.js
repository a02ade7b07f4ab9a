// The code picker of the staff forms (templates/ui.html, codePicker): a combobox in the
// ARIA 1.2 pattern that searches the shipped catalogue by words (/manage/codes) and adds the
// chosen code to the form's own field for its system (#snomedCodes, #icd10Codes,
// #rxnormCodes), and the codes in those fields shown as chips that remove them. The fields stay
// the form's truth and stay editable: without this script they take codes as typed.
(function () {
	'use strict';
	var picker = document.querySelector('[data-code-picker]');
	if (!picker) {
		return;
	}
	var input = picker.querySelector('[role="combobox"]');
	var listbox = document.getElementById(input.getAttribute('aria-controls'));
	var status = picker.querySelector('[data-code-status]');
	var chips = picker.querySelector('[data-code-chips]');
	var systems = picker.getAttribute('data-systems').split(' ');
	var names = {};
	var matches = [];
	var active = -1;
	var pending;

	function field(system) {
		return document.getElementById(system + 'Codes');
	}

	function codes(system) {
		var element = field(system);
		return element ? element.value.split(/[\s,;]+/).filter(Boolean) : [];
	}

	function text(key, value) {
		return picker.getAttribute('data-' + key).replace('{0}', value);
	}

	function close() {
		listbox.hidden = true;
		input.setAttribute('aria-expanded', 'false');
		input.removeAttribute('aria-activedescendant');
		active = -1;
	}

	function highlight(index) {
		var options = listbox.querySelectorAll('[role="option"]');
		options.forEach(function (option, i) {
			option.setAttribute('aria-selected', i === index ? 'true' : 'false');
		});
		active = index;
		if (index >= 0) {
			input.setAttribute('aria-activedescendant', options[index].id);
			options[index].scrollIntoView({ block: 'nearest' });
		}
		else {
			input.removeAttribute('aria-activedescendant');
		}
	}

	function show(found) {
		matches = found;
		listbox.replaceChildren();
		found.forEach(function (match, i) {
			var option = document.createElement('li');
			option.id = 'code-option-' + i;
			option.setAttribute('role', 'option');
			option.setAttribute('aria-selected', 'false');
			option.className = 'code-option';
			var name = document.createElement('span');
			name.textContent = match.name;
			var code = document.createElement('span');
			code.className = 'hint';
			code.textContent = picker.getAttribute('data-system-' + match.system) + ' ' + match.code;
			option.append(name, ' ', code);
			option.addEventListener('mousedown', function (event) {
				event.preventDefault();
			});
			option.addEventListener('click', function () {
				choose(i);
			});
			listbox.append(option);
		});
		listbox.hidden = found.length === 0;
		input.setAttribute('aria-expanded', found.length > 0 ? 'true' : 'false');
		active = -1;
		input.removeAttribute('aria-activedescendant');
		status.textContent = found.length === 0 ? picker.getAttribute('data-none') : text('count', found.length);
	}

	function search() {
		var words = input.value.trim();
		if (words.length < 2) {
			close();
			status.textContent = '';
			return;
		}
		var url = picker.getAttribute('data-search-url') + '?q=' + encodeURIComponent(words)
			+ '&systems=' + encodeURIComponent(systems.join(','));
		fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : [];
			})
			.then(function (found) {
				if (input.value.trim() === words) {
					show(found);
				}
			})
			.catch(function () {
				close();
			});
	}

	function choose(index) {
		var match = matches[index];
		var element = field(match.system);
		if (!element) {
			return;
		}
		names[match.system + ' ' + match.code] = match.name;
		if (codes(match.system).indexOf(match.code) < 0) {
			element.value = (element.value.trim() + ' ' + match.code).trim();
		}
		var cohort = document.getElementById('audience-cohort');
		if (cohort) {
			cohort.checked = true;
		}
		input.value = '';
		close();
		drawChips();
		status.textContent = text('added', match.name);
		input.focus();
	}

	function remove(system, code, label) {
		var element = field(system);
		element.value = codes(system).filter(function (each) {
			return each !== code;
		}).join(' ');
		drawChips();
		status.textContent = text('removed', label);
		input.focus();
	}

	function drawChips() {
		chips.replaceChildren();
		systems.forEach(function (system) {
			codes(system).forEach(function (code) {
				var label = names[system + ' ' + code] || code;
				var chip = document.createElement('li');
				chip.className = 'code-chip';
				var name = document.createElement('span');
				name.textContent = label;
				var detail = document.createElement('span');
				detail.className = 'hint';
				detail.textContent = picker.getAttribute('data-system-' + system) + ' ' + code;
				var button = document.createElement('button');
				button.type = 'button';
				button.className = 'secondary';
				button.textContent = '\u00d7';
				button.setAttribute('aria-label', text('remove', label + ' (' + code + ')'));
				button.addEventListener('click', function () {
					remove(system, code, label);
				});
				chip.append(name, ' ', detail, button);
				chips.append(chip);
			});
		});
		chips.hidden = chips.children.length === 0;
	}

	function learnNames() {
		var query = systems.map(function (system) {
			return system + '=' + encodeURIComponent(codes(system).join(' '));
		}).join('&');
		fetch(picker.getAttribute('data-named-url') + '?' + query,
			{ credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : [];
			})
			.then(function (found) {
				found.forEach(function (match) {
					names[match.system + ' ' + match.code] = match.name;
				});
				drawChips();
			})
			.catch(function () {
				drawChips();
			});
	}

	input.addEventListener('input', function () {
		clearTimeout(pending);
		pending = setTimeout(search, 200);
	});
	input.addEventListener('keydown', function (event) {
		var open = !listbox.hidden;
		if (event.key === 'ArrowDown') {
			event.preventDefault();
			if (!open && matches.length > 0) {
				show(matches);
			}
			highlight(Math.min(active + 1, matches.length - 1));
		}
		else if (event.key === 'ArrowUp' && open) {
			event.preventDefault();
			highlight(Math.max(active - 1, 0));
		}
		else if (event.key === 'Enter' && open) {
			event.preventDefault();
			if (active >= 0) {
				choose(active);
			}
		}
		else if (event.key === 'Escape') {
			if (open) {
				event.preventDefault();
				close();
			}
			else {
				input.value = '';
			}
		}
	});
	input.addEventListener('blur', close);
	systems.forEach(function (system) {
		var element = field(system);
		if (element) {
			element.addEventListener('input', drawChips);
			element.addEventListener('change', learnNames);
		}
	});
	picker.hidden = false;
	learnNames();
})();
