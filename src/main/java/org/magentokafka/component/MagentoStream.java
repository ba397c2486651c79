package org.magentokafka.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The catalog collections the connector reads, with the REST resource, a unique stable sort key (paging over
 * a changing collection needs one, magento2 #25001) and the ACL resource an integration must be granted.
 */
public enum MagentoStream {
    PRODUCTS("products", "/V1/products", "entity_id", "Magento_Catalog::products");

    private final String uriName;
    private final String resource;
    private final String sortField;
    private final String aclResource;

    MagentoStream(String uriName, String resource, String sortField, String aclResource) {
        this.uriName = uriName;
        this.resource = resource;
        this.sortField = sortField;
        this.aclResource = aclResource;
    }

    public String uriName() {
        return uriName;
    }

    public String resource() {
        return resource;
    }

    public String sortField() {
        return sortField;
    }

    public String aclResource() {
        return aclResource;
    }

    public static MagentoStream fromUri(String name) {
        for (MagentoStream s : values()) {
            if (s.uriName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown Magento stream '" + name + "' in magento:" + name + ": use one of "
                                           + Arrays.stream(values()).map(MagentoStream::uriName).collect(Collectors.joining(", ")));
    }
}
