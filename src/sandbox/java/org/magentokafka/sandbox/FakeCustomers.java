package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The shopper behind an order: fake but realistic personal data (names, e-mail, birth date, VAT number, IP from the
 * TEST-NET ranges, phone numbers of the fictional ranges, street addresses) so that a test can tell whether a client
 * ever received one. Deterministic: order n always has the same customer; a main-website order ships to the US, a
 * Europe-website order to Germany.
 */
final class FakeCustomers {

    private static final List<String> FIRST_NAMES = List.of("Veronica", "John", "Amélie", "Lukas", "Priya", "Kenji",
            "Sofia", "Marcus", "Ingrid", "Tomás", "Aisha", "Oliver");
    private static final List<String> LAST_NAMES = List.of("Costello", "Doe", "Laurent", "Becker", "Raman", "Sato",
            "Rossi", "Webb", "Nilsson", "García", "Bello", "Hughes");
    private static final List<String> US_CITIES = List.of("Calder", "Austin", "Portland", "Denver");
    private static final List<String> DE_CITIES = List.of("Berlin", "Hamburg", "München", "Köln");

    /** One customer and where the order goes. */
    record Customer(int id, String firstname, String lastname, String email, String dob, String taxvat, int gender,
                    String street, String city, String postcode, String countryId, String region, int regionId,
                    String telephone, String remoteIp) {
    }

    private FakeCustomers() {
    }

    static Customer of(int orderId, Website website) {
        // A dozen customers who come back: customer_id repeats across orders, as in a real store.
        int n = (orderId * 7 + 3) % 12;
        String first = FIRST_NAMES.get(n);
        String last = LAST_NAMES.get((n * 5) % 12);
        String email = ascii(first) + "." + ascii(last) + "@example.com";
        String dob = String.format("%d-%02d-%02d 00:00:00", 1960 + n * 3, 1 + n, 3 + n * 2);
        int gender = n % 2 + 1;
        String street = (100 + n * 37) + (Website.EUROPE.equals(website.code()) ? " Hauptstraße" : " Main Street");
        if (Website.EUROPE.equals(website.code())) {
            return new Customer(101 + n, first, last, email, dob, String.format("DE%09d", 123456789 - n * 1111), gender,
                    street, DE_CITIES.get(n % 4), String.format("%05d", 10115 + n * 101), "DE", "Berlin", 82,
                    "+49 30 " + (1234560 + n), "198.51.100." + (10 + n));
        }
        return new Customer(101 + n, first, last, email, dob, String.format("%03d-%02d-%04d", 900 + n, 12, 3456 + n),
                gender, street, US_CITIES.get(n % 4), String.format("%05d", 75477 + n), "US", "Texas", 57,
                "555-01" + (10 + n), "203.0.113." + (10 + n));
    }

    /** The order's customer_* fields and remote_ip (sales-data-order-interface). */
    static void putCustomerFields(ObjectNode order, Customer c) {
        order.put("customer_dob", c.dob());
        order.put("customer_email", c.email());
        order.put("customer_firstname", c.firstname());
        order.put("customer_gender", c.gender());
        order.put("customer_group_id", 1);
        order.put("customer_id", c.id());
        order.put("customer_is_guest", 0);
        order.put("customer_lastname", c.lastname());
        order.put("customer_note_notify", 1);
        order.put("customer_taxvat", c.taxvat());
        order.put("remote_ip", c.remoteIp());
    }

    /** A sales-data-order-address-interface: "billing" or "shipping". */
    static ObjectNode address(Customer c, String type, int entityId, int orderId) {
        ObjectNode address = MagentoJson.MAPPER.createObjectNode();
        address.put("address_type", type);
        address.put("city", c.city());
        address.put("country_id", c.countryId());
        address.put("customer_id", c.id());
        address.put("email", c.email());
        address.put("entity_id", entityId);
        address.put("firstname", c.firstname());
        address.put("lastname", c.lastname());
        address.put("parent_id", orderId);
        address.put("postcode", c.postcode());
        address.put("region", c.region());
        address.put("region_id", c.regionId());
        address.putArray("street").add(c.street());
        address.put("telephone", c.telephone());
        return address;
    }

    /**
     * Check / Money order, as in Magento's sample answers: account_status and cc_last4 are null (the interface
     * declares them non-nullable, so the output processor keeps them as null rather than dropping them).
     */
    static ObjectNode payment(SalesOrder order) {
        ObjectNode payment = MagentoJson.MAPPER.createObjectNode();
        payment.putNull("account_status");
        ArrayNode info = payment.putArray("additional_information");
        info.add("Check / Money order");
        payment.put("amount_ordered", order.grandTotal());
        payment.put("base_amount_ordered", order.grandTotal());
        payment.put("base_shipping_amount", order.shipping());
        payment.putNull("cc_last4");
        payment.put("entity_id", order.id());
        payment.put("method", "checkmo");
        payment.put("parent_id", order.id());
        payment.put("shipping_amount", order.shipping());
        return payment;
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
