package dev.snapferry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Tag;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aCellASpreadsheetWouldRunIsQuotedWithASingleQuoteInFront() {
        // OWASP, CSV Injection: = + - @ tab and carriage return start a formula.
        assertThat(Csv.cell("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
        assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
        // A leading quote of its own gets one more, so that dropping one on reading is always right.
        assertThat(Csv.cell("'quoted")).isEqualTo("\"''quoted\"");
    }

    @Test
    void otherCellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(Csv.cell("orders")).isEqualTo("orders");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell(-1)).as("a number is no text a user chose").isEqualTo("-1");
        assertThat(Csv.cell(true)).isEqualTo("true");
    }

    @Test
    void recordsEndInCrlfAndReadBackThroughAnRfc4180Reader() throws Exception {
        StringWriter out = new StringWriter();
        List<String> hostile = List.of("=1+2", "a,\"b\"\r\nc", "", "'", "-", "@", "plain", " spaced ");
        Csv.record(out, List.of("h1", "h2"));
        Csv.record(out, hostile);
        assertThat(out.toString()).startsWith("h1,h2\r\n").endsWith("\r\n");
        List<List<String>> records = Rfc4180.parse(out.toString());
        assertThat(records.get(1).stream().map(Rfc4180::text).toList()).containsExactlyElementsOf(hostile);
    }

    @Test
    void tagsAreKeyValuePairsWhoseSeparatorsAreEscaped() {
        List<Tag> tags = List.of(new Tag("a=b", "=c;d"), new Tag("back\\slash", ""), new Tag("k", "v=w\\;"));
        String cell = Csv.tags(tags);
        assertThat(cell).isEqualTo("a\\=b=\\=c\\;d;back\\\\slash=;k=v\\=w\\\\\\;");
        assertThat(Rfc4180.tags(cell)).containsExactlyElementsOf(tags);
        assertThat(Csv.tags(List.of())).isEmpty();
        assertThat(Rfc4180.tags(Rfc4180.text(Rfc4180.parse(Csv.cell(Csv.tags(Arrays.asList(new Tag("-x", "y")))))
                .getFirst().getFirst()))).containsExactly(new Tag("-x", "y"));
    }
}
