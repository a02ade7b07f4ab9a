// On a narrow screen the group page shows the discussion and the member's care plan as two
// tabs (WAI-ARIA tabs pattern); on a wide screen, side by side. Without JavaScript both
// stay on the page one after the other.
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
	if (window.location.hash && window.location.hash.indexOf('#care') === 0) {
		selected = 1;
	}
	if (narrow.addEventListener) {
		narrow.addEventListener('change', layout);
	}
	layout();
})();
