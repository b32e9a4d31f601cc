package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TabWriterTest {
    @Test
    void columnsAreTheWidestCellPlusThreeAndTheLastCellIsNotPadded() {
        StringBuilder sb = new StringBuilder();
        TabWriter tw = new TabWriter(sb);
        tw.line("NAME\tREADY\tSTATUS\tRESTARTS\tAGE");
        tw.line("nginx\t1/1\tRunning\t0\t5s");
        tw.line("a\t0/1\tPending\t0\t12m");
        tw.flush();
        assertEquals("""
                NAME    READY   STATUS    RESTARTS   AGE
                nginx   1/1     Running   0          5s
                a       0/1     Pending   0          12m
                """, sb.toString());
    }

    @Test
    void aLineWithoutTabsEndsTheColumnBlock() {
        StringBuilder sb = new StringBuilder();
        TabWriter tw = new TabWriter(sb, 0, 2);
        tw.line("Name:\tx");
        tw.line("Containers:");
        tw.line("  Image:\tnginx");
        tw.line("IP:\t");
        tw.flush();
        assertEquals("Name:  x\nContainers:\n  Image:  nginx\nIP:       \n", sb.toString());
    }

    @Test
    void tablePrinterHidesWideColumnsAddsNamespaceLabelsAndKind() {
        JsonNode table = Json.parse("""
                {"kind":"Table","columnDefinitions":[{"name":"Name","priority":0},{"name":"Ready","priority":0},{"name":"IP","priority":1}],
                 "rows":[{"cells":["web",1,"10.0.0.1"],"object":{"metadata":{"namespace":"ns","labels":{"b":"2","a":"1"}}}}]}
                """.getBytes(StandardCharsets.UTF_8));
        List<JsonNode> rows = List.of(table.path("rows").get(0));
        StringBuilder narrow = new StringBuilder();
        TabWriter tw = new TabWriter(narrow);
        new TablePrinter(new TablePrinter.Options(false, true, true, List.of("a"), "deployment.apps", false)).print(table, rows, tw);
        tw.flush();
        assertEquals("NAMESPACE   NAME                  READY   A     LABELS\n"
                + "ns          deployment.apps/web   1       1     a=1,b=2\n", narrow.toString());
        StringBuilder wide = new StringBuilder();
        tw = new TabWriter(wide);
        new TablePrinter(new TablePrinter.Options(true, false, false, List.of(), null, true)).print(table, rows, tw);
        tw.flush();
        assertEquals("web   1     10.0.0.1\n", wide.toString(), "columns are at least six wide");
    }
}
