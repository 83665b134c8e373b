package org.nanum.catalogue;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.catalogue.Listings.create;
import static org.nanum.catalogue.Listings.createPublished;
import static org.nanum.catalogue.Listings.goods;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Photos: uploaded in three formats, stripped of metadata, scaled, limited, hidden by staff. */
@ExtendWith(ArquillianExtension.class)
public class PhotoIT {
    /** A 1×1 lossless WebP (the well-known browser feature-detection image). */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    public static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.ORANGE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG as a phone makes it: with an EXIF segment that carries a GPS position. */
    static byte[] jpegWithGps(int w, int h) throws IOException {
        byte[] jpeg = image("jpeg", w, h);
        byte[] tiff = ByteBuffer.allocate(38).put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0)
                .putShort((short) 0).putInt(0).array();
        byte[] gpsText = "GPSLatitude 37.5665N GPSLongitude 126.9780E".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ByteBuffer.allocate(6 + tiff.length + gpsText.length)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff).put(gpsText).array();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    static io.restassured.response.Response upload(String token, String listingId, String type, byte[] bytes) {
        return as(token).contentType(type).body(bytes).post("/api/listings/" + listingId + "/photos");
    }

    @Test
    void a_phone_photo_is_stored_without_its_gps_and_scaled_with_a_thumbnail() throws IOException {
        String owner = Keycloak.newPerson().token();
        String id = createPublished(owner, goods("Camera tripod", "Aluminium tripod", "goods.electronics.cameras"));
        byte[] upload = jpegWithGps(2400, 1800);
        assertTrue(contains(upload, "Exif") && contains(upload, "GPSLatitude"), "the upload carries EXIF and GPS");
        assertEquals(2400, ImageIO.read(new ByteArrayInputStream(upload)).getWidth(), "the upload is a valid JPEG");

        String url = upload(owner, id, "image/jpeg", upload).then().statusCode(201)
                .body("width", equalTo(1600)).body("height", equalTo(1200))
                .extract().path("url");
        byte[] stored = as(null).get(url).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age")).extract().asByteArray();
        assertFalse(contains(stored, "Exif"), "no EXIF segment");
        assertFalse(contains(stored, "GPSLatitude"), "no GPS position");
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(stored));
        assertEquals(1600, large.getWidth());
        byte[] thumb = as(null).get(url + "?size=thumbnail").then().statusCode(200).extract().asByteArray();
        assertEquals(320, ImageIO.read(new ByteArrayInputStream(thumb)).getWidth());
        as(null).get("/api/listings/" + id).then().statusCode(200).body("photos", hasSize(1))
                .body("photos[0].url", equalTo(url));
    }

    @Test
    void png_and_webp_are_accepted() throws IOException {
        String owner = Keycloak.newPerson().token();
        String id = create(owner, goods("Board game", "Settlers", "goods.games")).then().statusCode(201).extract().path("id");
        upload(owner, id, "image/png", image("png", 400, 300)).then().statusCode(201).body("width", equalTo(400));
        upload(owner, id, "image/webp", WEBP).then().statusCode(201).body("width", equalTo(1)).body("height", equalTo(1));
    }

    @Test
    void bad_uploads_are_refused_and_store_nothing() throws IOException {
        Keycloak.Person p = Keycloak.newPerson();
        String owner = p.token();
        String id = create(owner, goods("Sled", "Wooden sled", "goods.sports")).then().statusCode(201).extract().path("id");
        upload(owner, id, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).then().statusCode(415)
                .contentType("application/problem+json");
        upload(owner, id, "image/jpeg", "not an image at all".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("type", equalTo("urn:nanum:problem:unusable-photo"));
        upload(owner, id, "image/png", image("jpeg", 10, 10)).then().statusCode(400);
        upload(owner, id, "image/jpeg", new byte[10 * 1024 * 1024 + 10]).then().statusCode(413)
                .body("type", equalTo("urn:nanum:problem:photo-too-large"));
        upload(Keycloak.newPerson().token(), id, "image/png", image("png", 10, 10)).then().statusCode(404);
        upload(null, id, "image/png", image("png", 10, 10)).then().statusCode(401);
        assertEquals(0, Database.count("select count(*) from listing_photo where listing_id = ?", id));
    }

    @Test
    void a_listing_has_at_most_eight_photos() throws IOException {
        String owner = Keycloak.newPerson().token();
        String id = createPublished(owner, goods("Paint roller set", "Rollers and trays", "goods.tools.hand"));
        byte[] small = image("png", 20, 20);
        for (int i = 0; i < 8; i++) {
            upload(owner, id, "image/png", small).then().statusCode(201);
        }
        upload(owner, id, "image/png", small).then().statusCode(409).body("type", equalTo("urn:nanum:problem:too-many-photos"));
        String other = Keycloak.newPerson().token();
        String photo = as(owner).get("/api/listings/" + id).then().extract().path("photos[0].id");
        as(other).delete("/api/listings/" + id + "/photos/" + photo).then().statusCode(403);
        as(owner).delete("/api/listings/" + id + "/photos/" + photo).then().statusCode(204);
        assertEquals(7, Database.count("select count(*) from listing_photo where listing_id = ?", id));
    }

    @Test
    void staff_hide_a_photo_on_the_record_and_only_its_owner_still_sees_it() throws IOException {
        String owner = Keycloak.newPerson().token();
        String id = createPublished(owner, goods("Garden hose", "20 m hose", "goods.garden"));
        String photoId = upload(owner, id, "image/png", image("png", 50, 50)).then().statusCode(201).extract().path("id");
        String path = "/api/listings/" + id + "/photos/" + photoId;
        String hide = "{\"hidden\":true,\"reason\":\"Shows a neighbour's face\"}";

        as(Keycloak.newPerson().token()).contentType(ContentType.JSON).body(hide).put(path + "/moderation").then().statusCode(403);
        as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON).body(hide).put(path + "/moderation")
                .then().statusCode(200).body("hidden", equalTo(true));

        as(null).get(path).then().statusCode(404).body("type", equalTo("urn:nanum:problem:photo-not-found"));
        as(null).get("/api/listings/" + id).then().body("photos", hasSize(0));
        as(owner).get(path).then().statusCode(200);
        as(owner).get("/api/listings/" + id).then().body("photos[0].hidden", equalTo(true));
        assertEquals("Shows a neighbour's face",
                Database.one("select reason from audit_record where target_id = ? and action = 'photo.hidden'", photoId)
                        .get("reason"));
    }

    @Test
    void photos_of_a_draft_are_not_shown_to_others() throws IOException {
        String owner = Keycloak.newPerson().token();
        String id = create(owner, goods("Draft thing", "Not yet", "goods.kitchen")).then().statusCode(201).extract().path("id");
        String url = upload(owner, id, "image/png", image("png", 30, 30)).then().statusCode(201).extract().path("url");
        as(null).get(url).then().statusCode(404);
        as(owner).get(url).then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
    }
}
