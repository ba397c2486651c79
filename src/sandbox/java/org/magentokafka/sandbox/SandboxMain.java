package org.magentokafka.sandbox;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Command-line and system-property settings for {@link SandboxStore#main(String[])}. */
final class SandboxMain {

    private SandboxMain() {
    }

    static SandboxOptions parse(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String name : new String[] {"port", "products", "seed", "token", "latency", "offsetCost", "maxPageSize", "gzip",
                "rate429", "rate503", "rate500", "rateTruncated", "maxConcurrency", "jitter", "faultSeed",
                "storefront", "inventoryModules", "renderInfo", "storeRoutes", "grants"}) {
            String value = System.getProperty("sandbox." + name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            settings.put(a.substring(0, eq), a.substring(eq + 1));
        }
        SandboxOptions.Builder b = SandboxOptions.builder();
        Faults.Builder f = Faults.builder();
        settings.forEach((name, value) -> {
            switch (name) {
                case "port" -> b.port(Integer.parseInt(value));
                case "products" -> b.productCount(Integer.parseInt(value));
                case "seed" -> b.seed(Long.parseLong(value));
                case "token" -> b.accessToken(value);
                case "latency" -> b.latencyMillis(Long.parseLong(value));
                case "offsetCost" -> b.offsetCostMicros(Long.parseLong(value));
                case "maxPageSize" -> b.maxPageSize(Integer.parseInt(value));
                case "gzip" -> b.gzip(flag(name, value));
                case "grants" -> b.grantedResources(grants(value));
                case "rate429" -> f.rate429(Double.parseDouble(value));
                case "rate503" -> f.rateHtml503(Double.parseDouble(value));
                case "rate500" -> f.rate500(Double.parseDouble(value));
                case "rateTruncated" -> f.rateTruncated(Double.parseDouble(value));
                case "maxConcurrency" -> f.maxConcurrency(Integer.parseInt(value));
                case "jitter" -> f.latencyJitterMillis(Long.parseLong(value));
                case "faultSeed" -> f.seed(Long.parseLong(value));
                case "storefront", "inventoryModules", "renderInfo", "storeRoutes" -> { }  // read together by storefront(...)
                default -> throw new IllegalArgumentException("unknown setting " + name);
            }
        });
        return b.faults(f.build()).storefront(storefront(settings)).build();
    }

    /** --storefront=full|defaults picks the data; the module switches apply on top, whatever their order. */
    private static StorefrontOptions storefront(Map<String, String> settings) {
        String base = settings.getOrDefault("storefront", "defaults");
        if (!"full".equals(base) && !"defaults".equals(base)) {
            throw new IllegalArgumentException("storefront: 'full' or 'defaults', got " + base);
        }
        StorefrontOptions options = "full".equals(base) ? StorefrontOptions.full() : StorefrontOptions.defaults();
        return options.withInventoryModules(Boolean.parseBoolean(settings.getOrDefault("inventoryModules", "true")))
                .withRenderInfo(Boolean.parseBoolean(settings.getOrDefault("renderInfo", "true")))
                .withStoreRoutes(flag("storeRoutes", settings.getOrDefault("storeRoutes", "true")));
    }

    /**
     * The integration's resources: "all" (every catalog and sales resource, the default), "setup-guide"
     * ({@link SandboxOptions#SETUP_GUIDE_RESOURCES}) or ACL ids separated by commas.
     */
    private static Set<String> grants(String value) {
        return switch (value) {
            case "all" -> SandboxOptions.ALL_RESOURCES;
            case "setup-guide" -> SandboxOptions.SETUP_GUIDE_RESOURCES;
            default -> aclIds(value);
        };
    }

    private static Set<String> aclIds(String value) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            // A misspelt preset must not silently become a grant of one unknown resource.
            if (!id.strip().contains("::")) {
                throw new IllegalArgumentException("grants: 'all', 'setup-guide' or ACL ids such as "
                        + AclResources.PRODUCTS + ", got " + value);
            }
            ids.add(id.strip());
        }
        return ids;
    }

    /** Only true or false: a typo must not silently mean false. */
    private static boolean flag(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
