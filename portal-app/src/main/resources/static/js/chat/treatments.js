// The composer's "About a treatment" picker: the member's own medicines' ingredients, from
// the record the session holds. The server renders them when it already held the record;
// otherwise they are asked for once the care-plan panel has read it. A message about a
// treatment is sent over HTTP (composer.js), where the server checks the choice against the
// record the session holds now.

const picker = document.getElementById('treatment-picker');
const select = document.getElementById('composer-treatment');

/**
 * The chosen treatment's RxNorm code, or sets it (a refused message's choice given back).
 * @param rxcui the code to choose, or undefined to read
 * @return the chosen code, or null for none
 */
export function chosenTreatment(rxcui) {
	if (!select) {
		return null;
	}
	if (rxcui !== undefined) {
		select.value = rxcui;
	}
	return select.value || null;
}

/** After a send: the next message is about no treatment until one is chosen again. */
export function clearTreatment() {
	if (select) {
		select.value = '';
	}
}

let asked = false;

async function offerFromRecord() {
	if (!picker || !picker.hidden || asked) {
		return;
	}
	asked = true;
	try {
		const response = await fetch(picker.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
		if (!response.ok || response.redirected) {
			asked = false;
			return;
		}
		const treatments = await response.json();
		for (const treatment of treatments) {
			const option = document.createElement('option');
			option.value = treatment.rxcui;
			option.textContent = treatment.name;
			select.append(option);
		}
		if (treatments.length > 0) {
			picker.hidden = false;
		}
		else {
			asked = false;
		}
	}
	catch (error) {
		// no picker for now: the message can still be sent about no treatment
		asked = false;
	}
}

document.addEventListener('kinship:record-read', offerFromRecord);
