package org.kinship.groups;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The group page benchmark ({@code deploy/bench/group-page}), not a test: its name
 * matches no test pattern, so it runs only when named. What one view of a member's group
 * page costs the node and the database, the way to find the next cost to cut: a group of
 * {@code bench.members} members with {@code bench.messages} messages, in this JVM's own
 * database; the page is asked for through the whole filter chain (MockMvc) and timed in
 * CPU time of the request's thread, beside the Thymeleaf rendering alone (the page's own
 * model drawn again) and the help page (what any page costs: the filters, the session,
 * the layout). Blocks of each alternate, so that a machine whose speed drifts weighs on
 * all three alike. Statements per page are the database's own count ({@code Questions})
 * over 1,000 pages, with nothing else running in the context, and the database server's
 * processor time for the same pages (it shares the node's cores when both run on one
 * machine, as in the capacity benchmark), and the bytes the pages allocated. The figures
 * go to {@code bench.out} as one line of JSON.
 */
@SpringBootTest(properties = { "kinship.moderation.new-member-posts=0", "kinship.chat.rate-limit-messages=1000000" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class GroupPageBenchmark extends OnMariaDb {

	static final int MEMBERS = Integer.getInteger("bench.members", 60);

	static final int MESSAGES = Integer.getInteger("bench.messages", 60);

	static final int BLOCKS = Integer.getInteger("bench.blocks", 30);

	static final int PER_BLOCK = 100;

	/** Pages counted for the statements and the database's processor time. */
	static final int COUNTED = 1000;

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ViewResolver thymeleafViewResolver;

	@Test
	void groupPage() throws Exception {
		StaffedGroups community = StaffedGroups.in(this.context);
		Staffed circle = community.group("Benchmark " + UUID.randomUUID().toString().substring(0, 8));
		List<KinshipPrincipal> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			members.add(community.member(circle.group(), "Member " + i));
		}
		for (int i = 0; i < MESSAGES; i++) {
			this.chat.send(members.get(i % MEMBERS), circle.group().id(),
					new SendCommand(UUID.randomUUID().toString(),
							"Message " + i
									+ " with **some** text, a [link](https://example.org) and a list:\n- one\n- two",
							null));
		}
		MockHttpSession session = StaffedGroups.session(members.get(0));
		String page = "/groups/" + circle.group().slug();
		Map<String, Object> model = this.mvc.perform(get(page).session(session))
			.andReturn()
			.getModelAndView()
			.getModel();
		View view = this.thymeleafViewResolver.resolveViewName("groups/group", Locale.ENGLISH);
		WebApplicationContext web = (WebApplicationContext) this.context;

		Runnable pageView = () -> perform(page, session);
		Runnable render = () -> render(view, model, web, page);
		Runnable help = () -> perform("/help", session);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] cpu = new long[3];
		Runnable[] kinds = { pageView, render, help };
		// the first blocks warm the code up and are not counted
		for (int block = -BLOCKS / 3; block < BLOCKS; block++) {
			for (int kind = 0; kind < kinds.length; kind++) {
				long start = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < PER_BLOCK; i++) {
					kinds[kind].run();
				}
				if (block >= 0) {
					cpu[kind] += threads.getCurrentThreadCpuTime() - start;
				}
			}
		}
		long before = questions();
		long serverBefore = serverCpuTicks();
		long allocatedBefore = allocated(threads);
		for (int i = 0; i < COUNTED; i++) {
			pageView.run();
		}
		long allocated = allocated(threads) - allocatedBefore;
		long serverTicks = serverCpuTicks() - serverBefore;
		// the count's own statement is counted too
		double statements = (questions() - before - 1) / (double) COUNTED;
		assertThat(statements).as("the page reads the database").isPositive();
		// the database's processor time for the same pages: on one machine it shares the
		// node's cores (-1 when its process cannot be read)
		double serverUs = (serverBefore < 0) ? -1 : serverTicks * 10_000.0 / COUNTED;

		int pages = BLOCKS * PER_BLOCK;
		String figures = String.format(Locale.ROOT,
				"{\"members\":%d,\"messages\":%d,\"pages\":%d,\"page_cpu_us\":%.0f,\"render_cpu_us\":%.0f,"
						+ "\"help_cpu_us\":%.0f,\"statements_per_page\":%.1f,\"database_cpu_us\":%.0f,"
						+ "\"page_allocated_kb\":%.0f}",
				MEMBERS, MESSAGES, pages, cpu[0] / 1000.0 / pages, cpu[1] / 1000.0 / pages, cpu[2] / 1000.0 / pages,
				statements, serverUs, (allocated < 0) ? -1 : allocated / 1024.0 / COUNTED);
		Files.writeString(Path.of(System.getProperty("bench.out", "target/group-page.json")), figures + "\n");
	}

	private void perform(String path, MockHttpSession session) {
		try {
			int status = this.mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void render(View view, Map<String, Object> model, WebApplicationContext web, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext(), "GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
		try {
			view.render(new HashMap<>(model), request, response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	/**
	 * The database server's processor time so far, user and system, in clock ticks of 10
	 * ms (Linux's {@code USER_HZ}); -1 when no MariaDB or MySQL process can be read here.
	 */
	/**
	 * The bytes this thread has allocated, which a MockMvc request's whole work is:
	 * unlike processor time, the same on a fast machine and a slow one.
	 */
	private static long allocated(ThreadMXBean threads) {
		return (threads instanceof com.sun.management.ThreadMXBean counting) ? counting.getCurrentThreadAllocatedBytes()
				: -1;
	}

	private static long serverCpuTicks() {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.command()
				.filter((command) -> command.endsWith("/mariadbd") || command.endsWith("/mysqld"))
				.isPresent())
			.findFirst()
			.map((process) -> {
				try {
					String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				}
				catch (IOException | RuntimeException ex) {
					return -1L;
				}
			})
			.orElse(-1L);
	}

	private long questions() {
		return this.jdbc.queryForObject("SHOW GLOBAL STATUS LIKE 'Questions'", (rs, row) -> rs.getLong(2));
	}

}
