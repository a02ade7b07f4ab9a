package org.kinship.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mail server in trouble, which GreenMail cannot play: it refuses for good every
 * recipient whose address starts with {@code refused-} (550, no such user) and asks to
 * try again later for every other one (451), so that nothing is ever delivered.
 */
final class RefusingSmtp implements AutoCloseable {

	private final ServerSocket server;

	RefusingSmtp() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(this::accept, "refusing-smtp");
		accepting.setDaemon(true);
		accepting.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				converse(socket);
			}
			catch (IOException ex) {
				// closed, or the client went away
			}
		}
	}

	private static void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
		reply(out, "220 refusing.test ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			if (command.startsWith("RCPT TO:")) {
				reply(out, command.contains("<REFUSED-") ? "550 5.1.1 No such user here" : "451 4.3.0 Try again later");
			}
			else if (command.startsWith("DATA")) {
				reply(out, "554 5.5.1 No valid recipients");
			}
			else {
				reply(out, "250 ok");
			}
		}
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
