package org.magentokafka.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.magentokafka.auth.AuthMode;
import org.magentokafka.auth.SignatureMethod;
import org.magentokafka.paging.Paging;

/**
 * Options are typed (durations, enums), and every duration form the connector documents (500ms, 5s, 1h, ISO-8601,
 * any case, a bare number of milliseconds) means the same on a URI and on the component as in the application's
 * properties; Camel's own converter would read "5S" or " PT5S" as zero.
 */
class TypedOptionsTest {

    @Test
    void everyDurationFormWorksOnTheUri() throws Exception {
        try (CamelContext camel = context()) {
            MagentoConfiguration conf = camel.getEndpoint("magento:products?pollInterval=5S&readTimeout=PT2S"
                                                          + "&retryBaseDelay=500ms&reconcileInterval=1H&connectTimeout=2500"
                                                          + "&tokenLifetime=pt1h30m", MagentoEndpoint.class).getConfiguration();
            assertEquals(Duration.ofSeconds(5), conf.getPollInterval());
            assertEquals(Duration.ofSeconds(2), conf.getReadTimeout());
            assertEquals(Duration.ofMillis(500), conf.getRetryBaseDelay());
            assertEquals(Duration.ofHours(1), conf.getReconcileInterval());
            assertEquals(Duration.ofMillis(2500), conf.getConnectTimeout());
            assertEquals(Duration.ofMinutes(90), conf.getTokenLifetime());
        }
    }

    /**
     * The component metadata (magento.json: Camel's catalog, tooling, the generated option reference) lists every
     * value of an enum option, each of which a URI accepts: a value missing there is a mode tools never offer.
     */
    @Test
    void theMetadataListsEveryValueOfEachEnumOption() throws Exception {
        JsonNode options;
        try (InputStream in = MagentoComponent.class.getResourceAsStream("/META-INF/org/magentokafka/component/magento.json")) {
            options = new ObjectMapper().readTree(in).path("properties");
        }
        int enums = 0;
        try (CamelContext camel = context()) {
            for (Map.Entry<String, JsonNode> option : options.properties()) {
                String javaType = option.getValue().path("javaType").asText();
                Class<?> type = javaType.contains(".") && !javaType.contains("<")
                        ? Class.forName(javaType, false, getClass().getClassLoader()) : Object.class;
                if (!type.isEnum() || !option.getValue().has("configurationClass")) {
                    continue;
                }
                enums++;
                List<String> listed = new ArrayList<>();
                option.getValue().path("enum").forEach(v -> listed.add(v.asText()));
                assertEquals(type.getEnumConstants().length, listed.size(), option.getKey() + " lists " + listed);
                Set<Object> bound = new HashSet<>();
                for (String value : listed) {
                    MagentoConfiguration conf = camel.getEndpoint("magento:products?" + option.getKey() + "=" + value,
                            MagentoEndpoint.class).getConfiguration();
                    String getter = "get" + Character.toUpperCase(option.getKey().charAt(0)) + option.getKey().substring(1);
                    bound.add(MagentoConfiguration.class.getMethod(getter).invoke(conf));
                }
                assertEquals(type.getEnumConstants().length, bound.size(), option.getKey() + ": each listed value is another constant");
            }
        }
        assertTrue(enums >= 3, "authMode, signatureMethod and paging are enums");
    }

    @Test
    void enumsAreReadByTheirDocumentedSpellings() throws Exception {
        try (CamelContext camel = context()) {
            MagentoConfiguration conf = camel.getEndpoint("magento:products?authMode=OAuth1&paging=keyset"
                                                          + "&signatureMethod=hmac_sha1", MagentoEndpoint.class).getConfiguration();
            assertEquals(AuthMode.OAUTH1, conf.getAuthMode());
            assertEquals(Paging.KEYSET, conf.getPaging());
            assertEquals(SignatureMethod.HMAC_SHA1, conf.getSignatureMethod());
        }
    }

    @Test
    void componentPropertiesAreReadLikeTheUri() throws Exception {
        try (CamelContext camel = context()) {
            MagentoComponent component = camel.getComponent("magento", MagentoComponent.class);
            PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer()).withIgnoreCase(true)
                    .bind(camel, component, new HashMap<>(Map.of("pollInterval", " PT5S", "paging", "keyset", "errorBackoffMax", "10m")));
            MagentoConfiguration conf = camel.getEndpoint("magento:categories", MagentoEndpoint.class).getConfiguration();
            assertEquals(Duration.ofSeconds(5), conf.getPollInterval());
            assertEquals(Paging.KEYSET, conf.getPaging());
            assertEquals(Duration.ofMinutes(10), conf.getErrorBackoffMax());
        }
    }

    @Test
    void aBadValueOnTheUriIsOneLineNamingTheOption() throws Exception {
        try (CamelContext camel = context()) {
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> camel.getEndpoint("magento:products?pollInterval=-5s"));
            Throwable cause = e.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().startsWith("pollInterval='-5s' is not a duration"), cause.getMessage());
        }
    }

    @Test
    void theSameRulesServeTheApplicationsPropertyNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptionValues.parseOption("pageSize", int.class, "magento.streams.products.page-size", "301"));
        assertEquals("magento.streams.products.page-size=301 is out of range: use 1 to 300 (Magento refuses pages over 300)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptionValues.parseOption("maxRequestsPerSecond", double.class, "magento.max-requests-per-second", "-1"));
        assertEquals("magento.max-requests-per-second=-1 must not be negative (0 = no limit)", e.getMessage());
    }

    private static CamelContext context() {
        CamelContext camel = new DefaultCamelContext();
        MagentoComponent component = new MagentoComponent();
        component.getConfiguration().setBaseUrl("https://shop.example.com");
        camel.addComponent("magento", component);
        return camel;
    }
}
