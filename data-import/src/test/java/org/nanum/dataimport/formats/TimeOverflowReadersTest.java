package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.ImportedTransfer;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.TestFiles;

/** TimeOverflow's exports as its English interface writes them. */
class TimeOverflowReadersTest {

    @TempDir
    Path dir;

    @Test
    void membersAreReadWithoutWhatNanumDoesNotAskFor() throws IOException {
        Path file = Files.writeString(dir.resolve("members.csv"), "N,Name,Email,Date of birth,Phone,Alternative Phone,"
                + "Address,Created,Updated,Gender,Description,Last login,Locale,Balance\n"
                + "1,Manuel Administrador,admin@example.org,1982-10-12,652212383,656312313,Carrer 1,"
                + "2019-01-22 10:14:55,2019-02-01 09:00:00,male,Hola,2019-03-01 10:00:00,es,3:30\n"
                + "x,Nobody,,,,,,,,,,,,\n");

        ImportResult<ImportedMember> result = new TimeOverflowMembersReader(ReadOptions.of("timeoverflow")).read(file);

        assertEquals(List.of(new RowError(3, "N", "\"x\" is not a member number")), result.errors());
        ImportedMember manuel = result.records().getFirst();
        assertEquals(new ImportedMember("timeoverflow", "1", 2, "Manuel Administrador", "admin@example.org", "652212383",
                "es", Instant.parse("2019-01-22T10:14:55Z"), Map.of("alternativePhone", "656312313", "balance", "3:30")),
                manuel);
    }

    @Test
    void postsAreServicesOfTheirMembersOrChildcare() throws IOException {
        Path file = Files.writeString(dir.resolve("posts.csv"), "Id,Title,Description,Category,Type,User,N,Created,"
                + "Updated,Tags\n"
                + "11,Yoga para principiantes,Sesiones de 1h,Salud,Offer,Josep Maria Calastruc,2,2019-01-22 10:14:55,"
                + "2019-02-01 09:00:00,\"Yoga, Respiración\"\n"
                + "12,Canguro los sábados,,Cuidado de niños,Inquiry,Anna Laparra,3,2019-01-23 10:00:00,,\n"
                + "13,Ayuda,,Otro,Gift,Anna Laparra,3,,,\n");

        ImportResult<ImportedListing> result = new TimeOverflowPostsReader(ReadOptions.of("timeoverflow")
                .withMapping(TestFiles.shippedMapping("timeoverflow-posts"))).read(file);

        assertEquals(List.of(new RowError(4, "Type", "\"Gift\" is neither Offer nor Inquiry")), result.errors());
        ImportedListing yoga = result.records().getFirst();
        assertEquals(ListingKind.SERVICE, yoga.kind());
        assertEquals("service.wellness", yoga.nanumCategory());
        assertEquals("2", yoga.ownerExternalId());
        assertEquals(Instant.parse("2019-02-01T09:00:00Z"), yoga.sourceUpdatedAt());
        ImportedListing babysitting = result.records().get(1);
        assertEquals(ListingKind.CHILDCARE, babysitting.kind());
        assertEquals(Direction.REQUEST, babysitting.direction());
        assertEquals("childcare.babysitting", babysitting.nanumCategory());
    }

    @Test
    void transfersGetAnIdFromWhatTheyAreSoThatReimportingChangesNothing() throws IOException {
        String export = "Date,from,from ID,to,to ID,post,post ID,Comments,quantity\n"
                + "2019-01-22 10:14:55 +0100,Anna Laparra (3),3,Manuel Administrador (1),1,Yoga,11,Thanks!,1.5\n"
                + "2019-01-23 10:00:00 +0100,Banco de Tiempo Local,0,Anna Laparra (3),3,,,Welcome,2:00\n"
                + "2019-01-24 10:00:00 +0100,inactive_user,inactive_user,Anna Laparra (3),3,,,,1\n"
                + "2019-01-22 10:14:55 +0100,Anna Laparra (3),3,Manuel Administrador (1),1,Yoga,11,Thanks!,1.5\n"
                + "2019-01-25 10:00:00 +0100,Anna Laparra (3),3,Julia Alonso (4),4,,,,0\n";
        TimeOverflowTransfersReader reader = new TimeOverflowTransfersReader(ReadOptions.of("timeoverflow")
                .withZone(ZoneId.of("Europe/Madrid")));

        ImportResult<ImportedTransfer> first = reader.read(Files.writeString(dir.resolve("transfers.csv"), export));
        ImportResult<ImportedTransfer> again = reader.read(Files.writeString(dir.resolve("again.csv"), export));

        assertEquals(2, first.records().size());
        ImportedTransfer yoga = first.records().getFirst();
        assertEquals(List.of("3", "1", "90"), List.of(yoga.fromMember(), yoga.toMember(), String.valueOf(yoga.minutes())));
        assertEquals(Instant.parse("2019-01-22T09:14:55Z"), yoga.at());
        assertEquals("11", yoga.postExternalId());
        assertTrue(yoga.externalId().matches("t-[0-9a-f]{20}"), yoga.externalId());
        assertEquals(ImportedTransfer.TIME_BANK, first.records().get(1).fromMember());
        assertEquals(120, first.records().get(1).minutes());
        assertEquals(1, first.merges().size(), "the same transfer twice in one file is one transfer");
        assertEquals(List.of(4, 6), first.errors().stream().map(RowError::line).toList());
        assertTrue(first.errors().getFirst().reason().contains("cannot be attributed"));
        assertEquals(first.records(), again.records(), "the same export gives the same ids");
    }
}
