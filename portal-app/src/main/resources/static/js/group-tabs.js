// On a narrow screen the group page shows the discussion, the member's care plan and what
// there is to know about the group (details, guidelines, sessions, members, staff controls)
// as tabs (WAI-ARIA tabs pattern), so that the discussion owns the screen; on a wide screen,
// side by side. Without JavaScript everything stays on the page one after the other.
(function () {
	'use strict';
	var tablist = document.querySelector('[data-group-tabs]');
	if (!tablist) {
		return;
	}
	var narrow = window.matchMedia('(max-width: 49.99rem)');
	var tabs = Array.prototype.slice.call(tablist.querySelectorAll('[role="tab"]'));
	var panels = tabs.map(function (tab) {
		return document.getElementById(tab.getAttribute('aria-controls'));
	});
	var selected = 0;

	function select(index, focus) {
		selected = index;
		tabs.forEach(function (tab, i) {
			var on = i === index;
			tab.setAttribute('aria-selected', on ? 'true' : 'false');
			tab.tabIndex = on ? 0 : -1;
			panels[i].hidden = narrow.matches && !on;
		});
		if (focus) {
			tabs[index].focus();
		}
	}

	function layout() {
		tablist.hidden = !narrow.matches;
		panels.forEach(function (panel, i) {
			if (narrow.matches) {
				if (!panel.hasAttribute('data-labelledby')) {
					panel.setAttribute('data-labelledby', panel.getAttribute('aria-labelledby') || '');
				}
				panel.setAttribute('role', 'tabpanel');
				panel.setAttribute('aria-labelledby', tabs[i].id);
				panel.tabIndex = 0;
			}
			else {
				panel.removeAttribute('role');
				panel.removeAttribute('tabindex');
				var label = panel.getAttribute('data-labelledby');
				if (label) {
					panel.setAttribute('aria-labelledby', label);
				}
				else {
					panel.removeAttribute('aria-labelledby');
				}
			}
		});
		select(selected, false);
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
	function indexOf(id) {
		return tabs.findIndex(function (tab) {
			return tab.id === id;
		});
	}
	// a link elsewhere on the page to something behind a tab opens that tab first
	document.querySelectorAll('[data-shows-tab]').forEach(function (link) {
		link.addEventListener('click', function () {
			var index = indexOf(link.getAttribute('data-shows-tab'));
			if (index >= 0) {
				select(index, false);
			}
		});
	});
	// the tab that holds what the address points at: the care plan, or something about the group
	function tabOfHash() {
		var hash = window.location.hash;
		if (hash && hash.indexOf('#care') === 0 && indexOf('tab-care-plan') >= 0) {
			return indexOf('tab-care-plan');
		}
		var target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
		if (target && indexOf('tab-about') >= 0 && document.getElementById('group-about').contains(target)) {
			// a form of the group's staff sent back with its result, a check-in, a live session
			return indexOf('tab-about');
		}
		return -1;
	}
	if (tabOfHash() >= 0) {
		selected = tabOfHash();
	}
	// a link within the page (or the address changed by hand) to something behind a tab
	window.addEventListener('hashchange', function () {
		var index = tabOfHash();
		if (index >= 0) {
			select(index, false);
		}
	});
	if (narrow.addEventListener) {
		narrow.addEventListener('change', layout);
	}
	layout();
})();
