package org.magentokafka.sandbox;

import java.util.Map;

/**
 * HTML that answers instead of Magento's JSON: the maintenance page from pub/errors, a WAF block
 * page, the web server's own 404 and the storefront's no-route page. A connector must recognize
 * these as "not the API" rather than try to parse them.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    static HttpAnswer maintenance() {
        String html = "<!doctype html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
                + "<head>\n<title>There has been an error processing your request</title>\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n"
                + "<meta name=\"robots\" content=\"*\"/>\n<link rel=\"stylesheet\" href=\"/errors/default/css/styles.css\" type=\"text/css\" />\n"
                + "</head>\n<body>\n<main class=\"page-main\">\n"
                + "<h1>Service Temporarily Unavailable</h1>\n"
                + "<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p>\n"
                + "</main>\n</body>\n</html>\n";
        return HttpAnswer.html(503, html, Map.of());
    }

    static HttpAnswer wafBlock() {
        String ray = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 16);
        String html = "<!DOCTYPE html>\n<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n"
                + "<html class=\"no-js\" lang=\"en-US\">\n<head>\n<title>Attention Required! | Cloudflare</title>\n"
                + "<meta charset=\"UTF-8\" />\n</head>\n<body>\n<div id=\"cf-wrapper\">\n<div id=\"cf-error-details\" class=\"cf-error-details-wrapper\">\n"
                + "<h1 data-translate=\"block_headline\">Sorry, you have been blocked</h1>\n"
                + "<h2 class=\"cf-subheadline\"><span data-translate=\"unable_to_access\">You are unable to access</span> store.example.com</h2>\n"
                + "<p>This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution.</p>\n"
                + "<p>Cloudflare Ray ID: <strong class=\"font-semibold\">" + ray + "</strong></p>\n"
                + "</div>\n</div>\n</body>\n</html>\n";
        return HttpAnswer.html(403, html, Map.of("Server", "cloudflare", "CF-RAY", ray + "-CDG"));
    }

    /** What nginx says when the path (here: /index.php or /rest) does not exist on the host. */
    static HttpAnswer webServerNotFound() {
        String html = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
                + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return HttpAnswer.html(404, html, Map.of("Server", "nginx"));
    }

    /** Magento's storefront for a non-REST path: the CMS "no-route" page. */
    static HttpAnswer storefrontNotFound() {
        String html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>404 Not Found</title>\n</head>\n"
                + "<body class=\"cms-no-route cms-noroute-index page-layout-2columns-right\">\n"
                + "<h1 class=\"page-title\"><span class=\"base\" data-ui-id=\"page-title-wrapper\">Whoops, our bad...</span></h1>\n"
                + "<dl><dt>The page you requested was not found, and we have a fine guess why.</dt></dl>\n</body>\n</html>\n";
        return HttpAnswer.html(404, html, Map.of());
    }
}
