// Times as the member reads them: in their own time zone (the one stored for them, which the
// page names) and language, the time alone today and with the date on other days. Also sends
// the browser's time zone once, for a member whose zone is not stored yet.

/**
 * Formats a moment.
 * @param iso the moment, as ISO-8601
 * @param zone the member's time zone, such as America/Chicago
 * @param locale the page's language tag
 * @return the text
 */
export function showTime(iso, zone, locale) {
	const moment = new Date(iso);
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
	const today = day.format(moment) === day.format(new Date());
	const options = today ? { timeZone: zone, hour: 'numeric', minute: '2-digit' }
		: { timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
	return new Intl.DateTimeFormat(locale, options).format(moment);
}

const marker = document.querySelector('meta[name="kinship-time-zone-known"]');
if (marker && marker.content === 'false' && !sessionStorage.getItem('kinship-time-zone-sent')) {
	const csrf = document.querySelector('input[name="_csrf"]');
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (csrf && zone) {
		fetch('/settings/time-zone/browser', {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ zone, _csrf: csrf.value }),
		}).then((response) => {
			if (response.ok || response.status === 409) {
				sessionStorage.setItem('kinship-time-zone-sent', zone);
			}
			if (response.ok) {
				// this page's times were written in UTC; later pages come in the zone
				document.querySelectorAll('time[data-local]').forEach((time) => {
					time.textContent = showTime(time.dateTime, zone, document.documentElement.lang || undefined);
				});
			}
		});
	}
}
