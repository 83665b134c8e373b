package org.nanum.testsupport;

import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that Maven built, deployed whole by Arquillian into the test Liberty server: tests see
 * exactly what ./nanum run serves.
 */
public final class NanumDeployment {
    static {
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    private NanumDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("nanum.war", "target/nanum.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through ./nanum test (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** Where the test server listens (the app's context root is "/"). */
    public static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("arquillian.http.port", "19080");
    }

    /** A request to the deployed app, as someone holding this token (null: anonymous). */
    public static RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().baseUri(baseUrl());
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }
}
