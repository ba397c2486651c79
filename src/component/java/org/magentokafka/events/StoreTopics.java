package org.magentokafka.events;

/**
 * Which topic a store view's events go to. Keys stay what Magento calls the item (SKU, id, ...), so store views
 * never share a topic: the {@code default} store view uses the stream's topic, every other store view the
 * stream's topic suffixed with {@code .<store_code>} (e.g. {@code magento.products.fr}). On a compacted topic
 * a key then always means one item of one store view.
 */
public final class StoreTopics {

    private StoreTopics() {
    }

    public static String topic(String baseTopic, String storeCode) {
        return storeCode == null || storeCode.equals("default") ? baseTopic : baseTopic + "." + storeCode;
    }
}
