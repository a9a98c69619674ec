package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The checked client's rules, on literal addresses (no lookup, no connection). */
class OutboundTest {

    private static Outbound outbound(boolean loopback) {
        return outbound(loopback, null);
    }

    private static Outbound outbound(boolean loopback, String privateNetworks) {
        Outbound outbound = new Outbound();
        outbound.allowLoopbackSetting = java.util.Optional.of(loopback);
        outbound.privateNetworksSetting = java.util.Optional.ofNullable(privateNetworks);
        outbound.urls = new ToolUrls();
        outbound.urls.configured = java.util.Optional.of("https://tool.example.org");
        outbound.init();
        return outbound;
    }

    @Test
    void privateLinkLocalAndOtherNonPublicAddressesAreRefused() throws Exception {
        for (String address : new String[]{"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "224.0.0.1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "255.255.255.255"}) {
            assertThat(Outbound.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(Outbound.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(Outbound.isPublic(InetAddress.getByName("2606:2800:220:1::1"))).isTrue();
        Outbound strict = outbound(false);
        assertThatThrownBy(() -> strict.check("https://169.254.169.254/latest/meta-data/")).isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> strict.check("https://[fd00::1]/jwks")).isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> strict.check("https://127.0.0.1/jwks")).as("loopback in production").isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> strict.check("http://93.184.216.34/jwks")).as("plain http").isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> strict.check("ftp://93.184.216.34/jwks")).isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> strict.check("https://user:pw@93.184.216.34/")).isInstanceOf(Outbound.Refused.class);
        assertThat(strict.check("https://93.184.216.34/jwks").getHost()).isEqualTo("93.184.216.34");
        assertThat(outbound(true).check("http://127.0.0.1:8080/jwks").getPort()).isEqualTo(8080);
    }

    /** An intranet Moodle on plain http: allowed only inside the networks the operator named, and nowhere else. */
    @Test
    void aNamedPrivateNetworkMayBeCalledOverPlainHttp() throws Exception {
        Outbound intranet = outbound(false, "10.20.0.0/16, 192.168.1.0/24");
        assertThat(intranet.check("http://10.20.3.4/moodle/mod/lti/certs.php").getHost()).isEqualTo("10.20.3.4");
        assertThat(intranet.check("https://192.168.1.250/jwks").getHost()).isEqualTo("192.168.1.250");
        assertThat(intranet.plainHttpAllowed("10.20.255.1")).isTrue();
        assertThatThrownBy(() -> intranet.check("http://10.21.0.1/jwks")).as("next to the network").isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> intranet.check("http://192.168.2.1/jwks")).isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> intranet.check("https://169.254.169.254/latest/meta-data/")).isInstanceOf(Outbound.Refused.class);
        assertThatThrownBy(() -> intranet.check("http://93.184.216.34/jwks")).as("plain http to the internet")
                .isInstanceOf(Outbound.Refused.class);
        assertThat(intranet.plainHttpAllowed("93.184.216.34")).isFalse();
        assertThat(outbound(false).plainHttpAllowed("10.20.3.4")).as("none named, none allowed").isFalse();
        // A registration names its URLs: plain http passes only where the operator allowed it.
        PlatformRegistration moodle = new PlatformRegistration("http://10.20.3.4/moodle", "c", "Moodle",
                "http://10.20.3.4/moodle/mod/lti/auth.php", null, "http://10.20.3.4/moodle/mod/lti/certs.php", java.util.List.of("1"));
        assertThat(moodle.problems(intranet::plainHttpAllowed)).isEmpty();
        assertThat(moodle.problems()).isNotEmpty().anyMatch(p -> p.contains("LTI_OUTBOUND_PRIVATE_NETWORKS"));
        // A mistyped network stops the start rather than be silently ignored.
        for (String bad : new String[]{"10.20.0.0", "10.20.0.0/40", "intranet/16", "10.0.0.0/4"}) {
            assertThatThrownBy(() -> outbound(false, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void serviceUrlsMustBeOnThePlatformsHostsOrItsParentDomain() throws Exception {
        Outbound outbound = outbound(true);
        Platform canvasLike = new Platform("http://127.0.0.1:9000", "c", "Canvas", "http://127.0.0.1:9000/auth",
                "http://127.0.0.1:9000/token", "http://127.0.0.1:9000/jwks", Platform.Source.DYNAMIC);
        outbound.checkService(canvasLike, "http://127.0.0.1:9000/api/lti/courses/1/line_items");
        assertThatThrownBy(() -> outbound.checkService(canvasLike, "http://127.0.0.2:9000/api/lti/courses/1/line_items"))
                .isInstanceOf(Outbound.Refused.class).hasMessageContaining("not on the platform's hosts");
        assertThat(Outbound.parentDomain("canvas.instructure.com")).isEqualTo("instructure.com");
        assertThat(Outbound.parentDomain("instructure.com")).isNull();
        assertThat(Outbound.parentDomain("10.0.0.1")).isNull();
    }
}
