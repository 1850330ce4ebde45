package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void internalAddressesAreBlocked() throws Exception {
        for (String a : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
                "255.255.255.255", "198.18.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
                "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1"}) {
            assertThat(AddressGuard.isBlocked(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        for (String a : new String[] {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1",
                "2606:4700::1111", "2a00:1450:4001::1"}) {
            assertThat(AddressGuard.isBlocked(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void allowedHostPortPassesEvenThoughPrivate() throws Exception {
        AddressGuard guard = new AddressGuard(FetchPolicy.defaults().withAllowedHost("127.0.0.1:8080"),
                HostResolver.SYSTEM);

        assertThat(guard.resolve("http://127.0.0.1:8080/", "127.0.0.1", 8080)).hasSize(1);
    }
}
