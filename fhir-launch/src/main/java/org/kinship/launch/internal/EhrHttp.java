package org.kinship.launch.internal;

import java.net.http.HttpClient;

import org.kinship.launch.LaunchProperties;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * HTTP to EHRs, with the configured connect and read timeouts, and never following
 * redirects: a token goes only to the server it was meant for.
 */
@Component
class EhrHttp {

	private final JdkClientHttpRequestFactory requestFactory;

	EhrHttp(LaunchProperties properties) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestFactory = new JdkClientHttpRequestFactory(client);
		this.requestFactory.setReadTimeout(properties.readTimeout());
	}

	JdkClientHttpRequestFactory requestFactory() {
		return this.requestFactory;
	}

	RestClient restClient() {
		return RestClient.builder().requestFactory(this.requestFactory).build();
	}

}
