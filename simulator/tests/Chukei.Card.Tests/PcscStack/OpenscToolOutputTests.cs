namespace Chukei.Card.Tests.PcscStack;

/// <summary>The parser the real PC/SC test reads opensc-tool with: if it misread, the test would compare the wrong bytes.</summary>
public sealed class OpenscToolOutputTests
{
    // Captured from opensc-tool 0.23.0: 20 bytes of response data (a full line, then a padded short line), a status-only
    // reply, and 7 bytes (a short first line, which util_hex_dump_asc does not pad).
    private const string Transcript =
        "Sending: 00 B0 00 00 14 \n" +
        "Received (SW1=0x90, SW2=0x00):\n" +
        "30 82 03 6E 30 82 02 56 A0 03 02 01 02 02 10 41 0..n0..V.......A\n" +
        "20 41 42 43                                      ABC\n" +
        "Sending: 00 20 00 80 \n" +
        "Received (SW1=0x63, SW2=0xC3)\n" +
        "Sending: 00 B0 00 00 07 \n" +
        "Received (SW1=0x90, SW2=0x00):\n" +
        "00 01 02 20 04 05 06 ... ...\n";

    [Test]
    public void ParseExchanges_CapturedTranscript_CommandsStatusWordsAndDataInOrder()
    {
        // Act
        var exchanges = OpenscToolOutput.ParseExchanges(Transcript);

        // Assert
        Assert.That(exchanges.Select(e => Convert.ToHexString(e.Command)), Is.EqualTo(new[] { "00B0000014", "00200080", "00B0000007" }));
        Assert.That(exchanges.Select(e => e.StatusWord), Is.EqualTo(new ushort[] { 0x9000, 0x63C3, 0x9000 }));
        Assert.That(Convert.ToHexString(exchanges[0].Data), Is.EqualTo("3082036E30820256A003020102021041" + "20414243"));
        Assert.That(exchanges[1].Data, Is.Empty);
        Assert.That(Convert.ToHexString(exchanges[2].Data), Is.EqualTo("00010220040506"));
    }

    [TestCase("30 82 03 6E")]
    [TestCase("not a dump line at all")]
    [TestCase("30 82 03 6E 30 82 02 56 A0 03 02 01 02 02 10 41 0..n0..V.......A extra")]
    public void ParseDumpLine_LineOutsideTheFormat_Throws(string line) =>
        Assert.That(() => OpenscToolOutput.ParseDumpLine(line), Throws.TypeOf<FormatException>());

    [Test]
    public void ParseReaders_Listing_NumberCardPresenceAndName()
    {
        // Act
        var readers = OpenscToolOutput.ParseReaders("# Detected readers (pcsc)\nNr.  Card  Features  Name\n0    Yes             Virtual PCD 00 00\n1    No              Virtual PCD 00 01\n");

        // Assert
        Assert.That(readers, Is.EqualTo(new[] { new OpenscReader(0, true, "Virtual PCD 00 00"), new OpenscReader(1, false, "Virtual PCD 00 01") }));
    }
}
