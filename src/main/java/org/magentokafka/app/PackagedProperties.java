package org.magentokafka.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.StringHelper;

/**
 * The packaged, documented {@code application.properties}: the valid {@code magento.*} names, and the one table of
 * aliases, the {@code camel.component.magento.<option>=${magento....}} lines that hand an operator's property to a
 * component option (applied by the configuration's expansion, checked by {@link ConfigurationGuard} with the
 * option's rules and by {@code ConfigurationDocumentationTest}).
 */
final class PackagedProperties {

    private static final String COMPONENT = "camel.component.magento.";
    /** ${name} or ${name:default}: the whole value is one property. */
    private static final Pattern ONE_PROPERTY = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

    private final Properties properties;

    private PackagedProperties(Properties properties) {
        this.properties = properties;
    }

    static PackagedProperties load() {
        Properties defaults = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? PackagedProperties.class.getClassLoader() : loader)
                .getResourceAsStream("application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            // no packaged defaults: no typo check and no alias table
        }
        return new PackagedProperties(defaults);
    }

    /** The magento.* names. */
    Set<String> magentoNames() {
        Set<String> known = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("magento.")) {
                known.add(name);
            }
        }
        return known;
    }

    /** Operator property -> component option (camelCase, e.g. magento.retry.max-retries -> maxRetries), sorted by alias. */
    Map<String, String> componentAliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher m = ONE_PROPERTY.matcher(properties.getProperty(name).strip());
            if (name.startsWith(COMPONENT) && m.matches()) {
                aliases.put(m.group(1).strip(), StringHelper.dashToCamelCase(name.substring(COMPONENT.length())));
            }
        }
        return aliases;
    }
}
