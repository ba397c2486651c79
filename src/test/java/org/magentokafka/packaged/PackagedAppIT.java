package org.magentokafka.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.magentokafka.testing.TestKafka;

/**
 * The key behaviour against the packaged artifact, with Quarkus' own integration-test launcher: the jar here, the
 * native executable where a native builder exists ({@code ./mvnw verify -Dnative}).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SandboxAndBrokerResource.class, restrictToAnnotatedClass = true)
class PackagedAppIT {

    @Test
    void syncsTheCatalogIntoKafkaAndReportsHealthAndMetrics() {
        assertEquals(80, TestKafka.read(SandboxAndBrokerResource.TOPIC, 80, Duration.ofSeconds(90), Duration.ofSeconds(1)).size());
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("magento-streams"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("magento_events_total{stream=\"products\",type=\"created\"} 80.0"));
    }
}
