package org.magentokafka.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** A bad credential on the packaged artifact: readiness is DOWN and names the ACL resource; the token never shows. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = BadTokenResource.class, restrictToAnnotatedClass = true)
class PackagedAppBadCredentialIT {

    @Test
    void readinessIsDownAndSaysWhichResourceOrCredentialIsRefused() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body(containsString("ACL MISSING (Magento_Catalog::products) or credentials refused"))
                .body(not(containsString("a-wrong-token")));
    }
}
