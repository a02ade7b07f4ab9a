package org.kinship.programs.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramDirectory;

import org.springframework.stereotype.Component;

/**
 * The programs linked to a group, on its page ("meets Tuesdays; talk here between
 * meetings"), for everyone who sees the page.
 */
@Component
class ProgramsSection implements GroupPageSection {

	private final ProgramDirectory directory;

	ProgramsSection(ProgramDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String name() {
		return "groupPrograms";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		List<Program> programs = this.directory.linkedTo(page.group().id());
		return programs.isEmpty() ? null : programs;
	}

}
