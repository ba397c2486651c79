package org.magentokafka.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Absolute product and image URLs from render-info and the store view's base URLs. */
class ProductUrlsTest {

    private static final StoreViewScope EU = new StoreViewScope("eu", 3, 2, "europe", "EUR", "https://shop.example.com/media/",
            "https://shop.example.com/eu/", "Europe/Berlin", 2);

    private static Map<String, Object> product() {
        Map<String, Object> product = PriceFieldsTest.product(26, "simple", 59.0, 1, "url_key", "helios-pant");
        product.put("media_gallery_entries", List.of(
                Map.of("file", "/h/e/helios.jpg", "types", List.of("image", "small_image", "thumbnail"), "label", "Helios Pant",
                        "disabled", false),
                Map.of("file", "/h/e/helios-back.jpg", "types", List.of(), "label", "hidden", "disabled", true)));
        return product;
    }

    @Test
    void theProductUrlIsRenderInfosAndImagesAreUnderTheMediaBaseUrl() {
        StorefrontPage page = new StorefrontPage(EU, Map.of(), null,
                Map.of(26L, Map.of("id", 26L, "url", "https://shop.example.com/eu/helios-pant.html")), Map.of());

        Map<String, Object> urls = ProductUrls.of(product(), page);

        assertEquals("https://shop.example.com/eu/helios-pant.html", urls.get("product"));
        assertEquals(List.of(Map.of("url", "https://shop.example.com/media/catalog/product/h/e/helios.jpg",
                "roles", List.of("image", "small_image", "thumbnail"), "label", "Helios Pant")), urls.get("images"),
                "the disabled gallery entry is left out");
    }

    @Test
    void withoutRenderInfoTheProductUrlIsTheCatalogViewPathUnderTheLinkBaseUrl() {
        Map<String, Object> urls = ProductUrls.of(product(), new StorefrontPage(EU, Map.of(), null, null, Map.of()));

        assertEquals("https://shop.example.com/eu/catalog/product/view/id/26/s/helios-pant/", urls.get("product"));
    }

    @Test
    void aProductRenderInfoLeftOutStillGetsTheCatalogViewPath() {
        Map<String, Object> urls = ProductUrls.of(product(), new StorefrontPage(EU, Map.of(), null, Map.of(), Map.of()));

        assertEquals("https://shop.example.com/eu/catalog/product/view/id/26/s/helios-pant/", urls.get("product"));
    }
}
