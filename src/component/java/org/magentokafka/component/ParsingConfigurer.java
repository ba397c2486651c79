package org.magentokafka.component;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The generated configurer of the component or its endpoints, with the text of a duration or enum option read by
 * {@link OptionValues} first: Camel's own converter reads "5S", "1H" or " PT5S" as zero and "-5s" as zero, where the
 * connector accepts the first three and refuses the last with one line. Every way of setting an option (URI, component
 * property, a Kamelet's parameter, the application's environment variables) goes through here.
 */
final class ParsingConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer delegate;
    private final PropertyConfigurerGetter getter;

    private ParsingConfigurer(PropertyConfigurer delegate) {
        this.delegate = delegate;
        this.getter = (PropertyConfigurerGetter) delegate;
    }

    /** Wraps a generated configurer; anything else is returned as it is. */
    static PropertyConfigurer around(PropertyConfigurer generated) {
        return generated instanceof PropertyConfigurerGetter && !(generated instanceof ParsingConfigurer)
                ? new ParsingConfigurer(generated) : generated;
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        Class<?> type = getter.getOptionType(name, ignoreCase);
        Object typed = value instanceof String text && type != null && OptionValues.parsedHere(type)
                ? OptionValues.parse(type, name, text) : value;
        return delegate.configure(camelContext, target, name, typed, ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return getter.getOptionType(name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return getter.getOptionValue(target, name, ignoreCase);
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return getter.getCollectionValueType(target, name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return getter.getAutowiredNames();
    }
}
