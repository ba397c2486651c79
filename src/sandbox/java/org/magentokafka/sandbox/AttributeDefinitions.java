package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product attributes of the sandbox (admin-scope metadata) and their French labels. Option ids
 * here are the values the generated products carry in custom_attributes, so a connector can
 * resolve "49" to "Blue" (or "Bleu" in the fr store view).
 */
final class AttributeDefinitions {

    static final String FR = "fr";

    /** Option id → {admin label, French label}. */
    static final Map<String, String[]> COLORS = options(
            "49", "Blue", "Bleu", "50", "Black", "Noir", "51", "Red", "Rouge", "52", "Green", "Vert",
            "53", "White", "Blanc", "54", "Gray", "Gris", "55", "Yellow", "Jaune", "56", "Purple", "Violet",
            "57", "Orange", "Orange");
    static final Map<String, String[]> MATERIALS = options(
            "148", "Cotton", "Coton", "149", "Polyester", "Polyester", "150", "Wool", "Laine",
            "151", "Leather", "Cuir", "152", "Nylon", "Nylon", "153", "Linen", "Lin");
    static final Map<String, String[]> MANUFACTURERS = options(
            "210", "Luma", "Luma", "211", "Ostrich Gear", "Ostrich Gear", "212", "Summit Works", "Summit Works",
            "213", "Nordic Thread", "Nordic Thread", "214", "Harbor & Co", "Harbor & Co",
            "215", "Kōbe Outfitters", "Kōbe Outfitters");
    static final Map<String, String[]> VISIBILITY = options(
            "1", "Not Visible Individually", "Non visible individuellement", "2", "Catalog", "Catalogue",
            "3", "Search", "Recherche", "4", "Catalog, Search", "Catalogue, Recherche");
    static final Map<String, String[]> STATUS = options("1", "Enabled", "Activé", "2", "Disabled", "Désactivé");
    /** Luma's size options; only stores with configurables ({@link StorefrontOptions#configurables()}) have the attribute. */
    static final Map<String, String[]> SIZES = options(
            "166", "XS", "XS", "167", "S", "S", "168", "M", "M", "169", "L", "L", "170", "XL", "XL");
    static final Map<String, String[]> TAX_CLASSES = options("0", "None", "Aucune", "2", "Taxable Goods", "Produits taxables");

    private AttributeDefinitions() {
    }

    private static Map<String, String[]> options(String... triples) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
        }
        return map;
    }

    /** One attribute's shape before it becomes JSON. */
    record Definition(int id, String code, String input, String backendType, String label, String frLabel,
                      boolean required, boolean userDefined, String scope, String sourceModel,
                      Map<String, String[]> options, boolean blankOption) {
    }

    /** The configurable option "size" (Luma's attribute 144). */
    static Definition size() {
        return new Definition(144, "size", "select", "int", "Size", "Taille", false, true, "global",
                "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Table", SIZES, true);
    }

    static List<Definition> all() {
        String table = "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Table";
        return List.of(
                new Definition(73, "name", "text", "varchar", "Product Name", "Nom du produit", true, false, "store", null, null, false),
                new Definition(74, "sku", "text", "static", "SKU", "UGS", true, false, "global", null, null, false),
                new Definition(75, "description", "textarea", "text", "Description", "Description", false, false, "store", null, null, false),
                new Definition(77, "price", "price", "decimal", "Price", "Prix", true, false, "global", null, null, false),
                new Definition(82, "weight", "weight", "decimal", "Weight", "Poids", false, false, "global", null, null, false),
                new Definition(83, "manufacturer", "select", "int", "Manufacturer", "Fabricant", false, true, "global", table, MANUFACTURERS, true),
                new Definition(93, "color", "select", "int", "Color", "Couleur", false, true, "global", table, COLORS, true),
                new Definition(97, "status", "boolean", "int", "Enable Product", "Activer le produit", false, false, "website",
                        "Magento\\Catalog\\Model\\Product\\Attribute\\Source\\Status", STATUS, false),
                new Definition(99, "visibility", "select", "int", "Visibility", "Visibilité", false, false, "store",
                        "Magento\\Catalog\\Model\\Product\\Visibility", VISIBILITY, false),
                new Definition(120, "category_ids", "categories", "static", "Categories", "Catégories", false, false, "global", null, null, false),
                new Definition(121, "url_key", "text", "varchar", "URL Key", "Clé d'URL", false, false, "store", null, null, false),
                new Definition(132, "tax_class_id", "select", "int", "Tax Class", "Classe de taxe", false, false, "website",
                        "Magento\\Tax\\Model\\TaxClass\\Source\\Product", TAX_CLASSES, false),
                new Definition(152, "material", "multiselect", "varchar", "Material", "Matière", false, true, "global", table, MATERIALS, true));
    }

    /** Admin-scope metadata as GET /V1/products/attributes/{code} returns it. */
    static ObjectNode toJson(Definition d, Integer frStoreId) {
        ObjectNode a = MagentoJson.MAPPER.createObjectNode();
        boolean selectable = d.options() != null;
        a.put("is_wysiwyg_enabled", false);
        a.put("is_html_allowed_on_front", "description".equals(d.code()));
        a.put("used_for_sort_by", "name".equals(d.code()) || "price".equals(d.code()));
        a.put("is_filterable", d.userDefined());
        a.put("is_filterable_in_search", d.userDefined());
        a.put("is_used_in_grid", true);
        a.put("is_visible_in_grid", false);
        a.put("is_filterable_in_grid", true);
        a.put("position", 0);
        ArrayNode applyTo = a.putArray("apply_to");
        if ("weight".equals(d.code())) {
            applyTo.add("simple").add("configurable").add("bundle");
        } else if ("color".equals(d.code()) || "size".equals(d.code())) {
            applyTo.add("simple").add("virtual").add("configurable");
        }
        a.put("is_searchable", d.userDefined() || "name".equals(d.code()) || "sku".equals(d.code()) ? "1" : "0");
        a.put("is_visible_in_advanced_search", d.userDefined() ? "1" : "0");
        a.put("is_comparable", d.userDefined() ? "1" : "0");
        a.put("is_used_for_promo_rules", "0");
        a.put("is_visible_on_front", d.userDefined() ? "1" : "0");
        a.put("used_in_product_listing", "1");
        a.put("is_visible", true);
        a.put("scope", d.scope());
        a.put("attribute_id", d.id());
        a.put("attribute_code", d.code());
        a.put("frontend_input", d.input());
        a.put("entity_type_id", "4");
        a.put("is_required", d.required());
        ArrayNode options = a.putArray("options");
        if (selectable) {
            if (d.blankOption()) {
                // Table source models prepend an empty choice (getAllOptions($withEmpty = true)).
                options.addObject().put("label", " ").put("value", "");
            }
            d.options().forEach((value, labels) -> options.addObject().put("label", labels[0]).put("value", value));
        }
        a.put("is_user_defined", d.userDefined());
        a.put("default_frontend_label", d.label());
        ArrayNode labels = a.putArray("frontend_labels");
        if (frStoreId != null) {
            labels.addObject().put("store_id", frStoreId).put("label", d.frLabel());
        }
        a.put("backend_type", d.backendType());
        if (d.sourceModel() != null) {
            a.put("source_model", d.sourceModel());
        }
        a.put("default_value", "");
        a.put("is_unique", "0");
        a.putArray("validation_rules");
        return a;
    }
}
