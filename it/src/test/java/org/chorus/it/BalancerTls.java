package org.chorus.it;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The balancer's HTTPS side as a client sees it: a TLS context that trusts the certificate of the key store
 * {@code ./chorus up} made (and nothing else), and what a {@code Set-Cookie} says.
 */
final class BalancerTls {

    private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

    private BalancerTls() {
    }

    /** Trusts the certificate in the PKCS12 key store {@code keyStore}, opened with {@code password}. */
    static SSLContext trusting(Path keyStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (String alias : java.util.Collections.list(store.aliases())) {
            trusted.setCertificateEntry(alias, store.getCertificate(alias));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The {@code JSESSIONID} cookie an answer sets, as the {@code Set-Cookie} header says it. */
    static String sessionCookie(HttpResponse<?> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }

    static boolean secure(String setCookie) {
        return SECURE.matcher(setCookie).find();
    }
}
