package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.GroupControls;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The group's controls (pins, lock, slow mode, what the composer says) written into the
 * group's page as {@code GET /chat/groups/{id}/controls} would answer them, in a data
 * block ({@link DataBlocks}). The script reads them on its first connection instead of
 * asking, which saves every group opened a request; on a reconnect, and whenever the
 * server says the controls changed, it asks as before. A change made while the page
 * loads, before the script follows the group's controls, shows at the next change or
 * reconnect; the server checks every send against the controls in force whatever the page
 * shows.
 */
@Component
class ControlsDataSection implements GroupPageSection {

	private final GroupControls controls;

	private final MessageSource messages;

	private final ObjectWriter json;

	ControlsDataSection(GroupControls controls, MessageSource messages, JsonMapper json) {
		this.controls = controls;
		this.messages = messages;
		this.json = DataBlocks.writer(json);
	}

	@Override
	public String name() {
		return "controlsData";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		try {
			ControlsView view = ControlsView.of(this.controls.controls(principal, page.group().id()), this.messages);
			return this.json.writeValueAsString(view);
		}
		catch (Refused refused) {
			// no seat yet: the script asks, and is told, as before
			return null;
		}
	}

}
