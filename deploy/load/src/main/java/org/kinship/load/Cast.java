package org.kinship.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

/**
 * Everyone a run needs, set up before anything is timed: groups created by the community
 * manager, every persona that may join seated in every group, and one launch session per
 * client, client {@code i} launched as persona {@code i % personas}. Several sessions of
 * one persona are as independent as the same person on several devices.
 *
 * @param sessions each client's browser, holding its launch session
 * @param groupIds the groups' ids
 * @param personas how many personas the sessions share
 */
record Cast(List<Browser> sessions, long[] groupIds, int personas) {

	static Cast assemble(Settings settings) throws Exception {
		Community community = new Community(settings.sandboxUrl(), settings.kinshipUrl());
		ExecutorService pool = Executors.newFixedThreadPool(settings.launchThreads());
		try {
			List<String> slugs = createGroups(community, settings.groups());
			List<Seat> members = seatPersonas(community, pool, slugs);
			long[] groupIds = new long[slugs.size()];
			for (int group = 0; group < slugs.size(); group++) {
				groupIds[group] = community.groupId(members.get(0).browser(), slugs.get(group));
			}
			long start = System.nanoTime();
			List<Browser> sessions = all(pool, settings.clients(), (index) -> (index < members.size())
					? members.get(index).browser() : community.launch(members.get(index % members.size()).persona()));
			System.err.printf("%d launch sessions ready in %.1f s%n", sessions.size(),
					(System.nanoTime() - start) / 1e9);
			community.relaunches().forEach((line) -> System.out.println("  launched again: " + line));
			return new Cast(sessions, groupIds, members.size());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<String> createGroups(Community community, int count) throws Exception {
		Browser manager = community.launch(Community.MANAGER);
		String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		List<String> slugs = new ArrayList<>();
		for (int group = 0; group < count; group++) {
			slugs.add(community.createGroup(manager, "Chat load " + tag + " " + (group + 1)));
		}
		return slugs;
	}

	private static List<Seat> seatPersonas(Community community, ExecutorService pool, List<String> slugs)
			throws Exception {
		List<String> personas = community.personas();
		// one at a time: Kinship records a person at their first launch with an update,
		// then
		// an insert, and first launches made at once deadlock in MariaDB (gap locks)
		List<Browser> first = new ArrayList<>();
		for (String persona : personas) {
			first.add(community.launch(persona));
		}
		List<@Nullable Seat> tried = all(pool, personas.size(),
				(index) -> seated(community, personas.get(index), first.get(index), index, slugs));
		List<Seat> members = new ArrayList<>();
		for (Seat seat : tried) {
			if (seat != null) {
				members.add(seat);
			}
		}
		if (members.isEmpty()) {
			throw new IllegalStateException("No persona could join the groups");
		}
		System.err.printf("%d of %d personas joined %d groups%n", members.size(), personas.size(), slugs.size());
		return members;
	}

	private static @Nullable Seat seated(Community community, String persona, Browser browser, int index,
			List<String> slugs) throws Exception {
		for (String slug : slugs) {
			if (!community.join(browser, slug, Community.displayName(index))) {
				return null;
			}
		}
		return new Seat(persona, browser);
	}

	private static <T> List<T> all(ExecutorService pool, int count, Step<T> step) throws Exception {
		List<Future<T>> futures = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			int current = index;
			futures.add(pool.submit((Callable<T>) () -> step.run(current)));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			try {
				results.add(future.get());
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		}
		return results;
	}

	/**
	 * A persona seated in every group of the run.
	 *
	 * @param persona the persona
	 * @param browser the session it joined in
	 */
	private record Seat(String persona, Browser browser) {
	}

	/** One parallel step of the setup. */
	private interface Step<T> {

		T run(int index) throws Exception;

	}

}
